extension InstanceExecution {
    /// Runs an action node: evaluates its mappings now and asks for the call; the instance waits
    /// for the result.
    mutating func startAction(_ node: RunnableNode) {
        guard case .action(let activity) = node.node.activity, let config = node.action, let name = activity.action else {
            return fail(node, code: "unknownAction", since: now)
        }
        var mapped: [String: JSONValue] = [:]
        var headers: [String: String] = [:]
        var query: [String: String] = [:]
        var dynamicPath: String?
        do {
            try evaluating(for: node) { evaluation throws(ExpressionError) in
                for parameter in node.parameters {
                    mapped[parameter.name] = try parameter.expression.evaluate(in: evaluation).jsonValue
                }
                for header in node.headers { headers[header.name] = try header.expression.evaluate(in: evaluation).rendered }
                for item in node.query { query[item.name] = try item.expression.evaluate(in: evaluation).rendered }
                dynamicPath = try node.dynamicPath?.evaluate(in: evaluation).rendered
            }
        } catch {
            return fail(node, code: error.code.rawValue, since: now)
        }
        let payload: JSONValue
        switch config.definition {
        case .custom(let custom):
            payload = Self.fill(custom.payload, with: mapped)
            for header in custom.headers { if case .constant(let value) = header.value { headers[header.name] = Self.text(value) } }
            for item in custom.queryParameters { if case .constant(let value) = item.value { query[item.name] = Self.text(value) } }
        case .message(let message):
            payload = Self.fill(message.fields, with: mapped)
        }
        let sequence = nextSequence()
        instance.pendingCall = PendingCall(nodeID: node.id, kind: .action, sequence: sequence, since: now)
        effects.append(.externalCall(ExternalCallRequest(
            id: instance.callID(nodeID: node.id, sequence: sequence), kind: .action, instanceID: instance.instanceID,
            journeyID: instance.journeyID, journeyVersionID: instance.journeyVersionID, nodeID: node.id,
            profile: instance.profile, actionName: name, payload: payload, dynamicPath: dynamicPath, headers: headers,
            query: query, timeout: journey.externalCallTimeout, inTest: instance.inTest)))
    }

    /// Asks for the external field groups a node reads; the node runs when they arrive.
    mutating func startFetch(_ node: RunnableNode) {
        var fetches: [DataFetch] = []
        do {
            try evaluating(for: node) { evaluation throws(ExpressionError) in
                for template in node.fetches {
                    var parameters: [String: JSONValue] = [:]
                    for parameter in template.parameters {
                        parameters[parameter.name] = try parameter.value.evaluate(in: evaluation).jsonValue
                    }
                    fetches.append(
                        DataFetch(dataSource: template.dataSource, fieldGroup: template.fieldGroup, parameters: parameters))
                }
            }
        } catch {
            return fail(node, code: error.code.rawValue, since: now)
        }
        let sequence = nextSequence()
        instance.pendingCall = PendingCall(nodeID: node.id, kind: .fetch, sequence: sequence, since: now)
        effects.append(.externalCall(ExternalCallRequest(
            id: instance.callID(nodeID: node.id, sequence: sequence), kind: .fetch, instanceID: instance.instanceID,
            journeyID: instance.journeyID, journeyVersionID: instance.journeyVersionID, nodeID: node.id,
            profile: instance.profile, fetches: fetches, timeout: journey.externalCallTimeout, inTest: instance.inTest)))
    }

    /// Sends the person to another journey (an internal event) and goes on here.
    mutating func runJump(_ node: RunnableNode, _ jump: JumpActivity) {
        guard let target = jump.journey else { return fail(node, code: "unfinishedNode", since: now) }
        let entryEvent = journey.entryEvents.first ?? ""
        let payload = instance.events[entryEvent]
            ?? (transient.event?.name == entryEvent ? transient.event?.payload : nil) ?? .object(JSONValue.noFields)
        let sequence = nextSequence()
        effects.append(.internalEvent(InternalEventRequest(
            eventID: "\(instance.instanceID)/jump/\(sequence)", targetJourneyID: target, sourceJourneyID: instance.journeyID,
            sourceInstanceID: instance.instanceID, profile: instance.profile, externalKey: instance.externalKey,
            payload: payload)))
        leave(node, status: .transitions, trigger: .next, since: now)
    }

    /// Sets a field of the profile in the built-in store (`ProfileFieldGroup.<field>`) and goes on.
    mutating func runUpdateProfile(_ node: RunnableNode, _ update: UpdateProfileActivity) {
        guard let field = update.field, let expression = node.profileValue else {
            return fail(node, code: "unfinishedNode", since: now)
        }
        do {
            let value = try evaluating(for: node) { evaluation throws(ExpressionError) in
                try expression.evaluate(in: evaluation)
            }.jsonValue
            effects.append(.updateProfile(path: "ProfileFieldGroup.\(field)", value: value))
        } catch {
            return fail(node, code: error.code.rawValue, since: now)
        }
        leave(node, status: .transitions, trigger: .next, since: now)
    }

    /// The JSON of a parameter tree: constants as configured, variables from the mappings by
    /// dotted path (absent when unmapped), nested objects recursively.
    static func fill(_ parameters: [ActionParameter], with mapped: [String: JSONValue], prefix: String = "") -> JSONValue {
        var fields = OrderedFields<JSONValue>(minimumCapacity: parameters.count)
        for parameter in parameters {
            let path = prefix + parameter.name
            switch parameter.value {
            case .constant(let value): fields[parameter.name] = value
            case .variable: if let value = mapped[path] { fields[parameter.name] = value }
            case .object(let children): fields[parameter.name] = fill(children, with: mapped, prefix: path + ".")
            }
        }
        return .object(fields)
    }

    /// A constant header or query value as text.
    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.serialized()
    }
}
