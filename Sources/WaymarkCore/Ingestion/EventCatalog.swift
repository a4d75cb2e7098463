/// The index that recognises incoming events: built once per configuration, read by every
/// ingestion call.
///
/// A system-generated config matches when the payload's
/// `_experience.campaign.orchestration.eventID` is its `eventID` (a dictionary lookup); a
/// rule-based config when its condition, compiled once, is true on the payload typed by its
/// schema. An event may match several configs. Each matched config's schema checks the event,
/// then its key expression (`effectiveKeyExpression`, compiled once) gives the profile id in
/// its namespace.
public struct EventCatalog: Sendable {
    /// One event config with its compiled expressions.
    struct Entry: Sendable {
        let config: EventConfig
        /// The compiled key expression, or why it does not compile.
        let key: Result<CompiledExpression, ExpressionError>
        /// The compiled event ID condition of a rule-based config (`nil` when it does not compile).
        let condition: CompiledExpression?
        /// The top-level payload fields the condition reads; `nil` for the whole payload.
        let conditionFields: Set<String>?
        /// The top-level payload fields the key expression reads; `nil` for the whole payload.
        let keyFields: Set<String>?
    }

    /// The event configs of the configuration it was built from, as given (to tell whether a
    /// new configuration needs a new catalog).
    public let sourceEvents: [EventConfig]
    /// Expressions that do not compile, by event name (`key` or `eventIDType.condition`): such a
    /// config's events are discarded (`keyNotComputed`), or never matched for a bad condition.
    public let compileProblems: [String: ExpressionError]

    let entries: [Entry]
    private let systemGenerated: [String: [Int]]
    private let ruleBased: [Int]

    /// Builds the index of a configuration's event configs, compiling their expressions.
    public init(configuration: Configuration) {
        sourceEvents = configuration.events
        let schema = ConfigurationSchema(configuration: configuration)
        var entries: [Entry] = []
        var problems: [String: ExpressionError] = [:]
        var systemGenerated: [String: [Int]] = [:]
        var ruleBased: [Int] = []
        var names: Set<String> = []
        for config in configuration.events where names.insert(config.name).inserted {
            let key = Result { () throws(ExpressionError) in
                try Expression.compile(config.effectiveKeyExpression, schema: schema, expecting: .type(.string))
            }
            if case .failure(let error) = key { problems[config.name] = error }
            var condition: CompiledExpression?
            switch config.eventIDType {
            case .systemGenerated(let eventID):
                systemGenerated[eventID, default: []].append(entries.count)
            case .ruleBased(let source):
                do {
                    condition = try Expression.compile(source, schema: schema, expecting: .boolean)
                    ruleBased.append(entries.count)
                } catch {
                    problems[config.name] = error
                }
            }
            entries.append(Entry(
                config: config, key: key, condition: condition, conditionFields: condition.flatMap(Self.fields),
                keyFields: (try? key.get()).flatMap(Self.fields)))
        }
        self.entries = entries
        self.compileProblems = problems
        self.systemGenerated = systemGenerated
        self.ruleBased = ruleBased
    }

    /// The top-level payload fields an expression reads, `nil` when it reads a whole event.
    private static func fields(of expression: CompiledExpression) -> Set<String>? {
        var names: Set<String> = []
        for reference in expression.references where reference.kind == .event {
            guard let first = reference.path.first else { return nil }
            names.insert(first)
        }
        return names
    }

    /// The event configs in the catalog, in configuration order (the first of a repeated name).
    public var eventConfigs: [EventConfig] { entries.map(\.config) }

    /// Matches, checks and keys one event (see `EventClassification`).
    /// - Parameter now: the receive time, what `now()` gives in conditions and keys.
    public func classify(_ event: ReceivedEvent, now: ZonedDateTime) -> EventClassification {
        var result = EventClassification()
        var conditionFailures: [String] = []
        var matched: [(index: Int, check: PayloadCheck)] = []
        if let eventID = event.orchestrationEventID {
            for index in systemGenerated[eventID] ?? [] {
                let entry = entries[index]
                matched.append((index, entry.config.schema.check(
                    eventPayload: event.payload, pathPrefix: event.pathPrefix, keeping: entry.keyFields)))
            }
        }
        for index in ruleBased {
            let entry = entries[index]
            let read = entry.config.schema.check(
                eventPayload: event.payload, pathPrefix: event.pathPrefix, keeping: entry.conditionFields, validating: false)
            let context = EventPayloadContext(payload: read.value, eventID: event.id, now: now)
            do {
                if try entry.condition?.evaluate(in: context) == .boolean(true) {
                    matched.append((index, entry.config.schema.check(
                        eventPayload: event.payload, pathPrefix: event.pathPrefix, keeping: entry.keyFields)))
                }
            } catch {
                conditionFailures.append("the condition of \(entry.config.name) failed: \(error)")
            }
        }
        matched.sort { $0.index < $1.index }
        for (index, check) in matched {
            let entry = entries[index]
            guard check.isValid else {
                result.problems += check.problems
                continue
            }
            switch key(of: entry, payload: check.value, event: event, now: now) {
            case .profile(let profile):
                result.routes.append(EventRoute(eventName: entry.config.name, eventConfigID: entry.config.id, profile: profile))
            case .discard(let discard):
                result.discards.append(discard)
            }
        }
        if matched.isEmpty {
            var message = "no event config matches this event"
            if let eventID = event.orchestrationEventID {
                message += " (no system-generated config has eventID \"\(eventID)\")"
            }
            if !conditionFailures.isEmpty { message += "; " + conditionFailures.joined(separator: "; ") }
            result.discards.append(EventDiscard(reason: .noInterestedJourney, message: message))
        }
        return result
    }

    /// A computed profile, or why there is none.
    private enum KeyOutcome {
        case profile(ProfileKey)
        case discard(EventDiscard)
    }

    /// The profile of an event for one matched config, or why it could not be computed.
    private func key(
        of entry: Entry, payload: Value, event: ReceivedEvent, now: ZonedDateTime
    ) -> KeyOutcome {
        let name = entry.config.name
        let expression: CompiledExpression
        switch entry.key {
        case .success(let compiled): expression = compiled
        case .failure(let error):
            return .discard(EventDiscard(
                reason: .keyNotComputed, eventName: name, message: "the key expression of \(name) does not compile: \(error)"))
        }
        let source = expression.source
        let value: Value
        do {
            value = try expression.evaluate(in: EventPayloadContext(payload: payload, eventID: event.id, now: now))
        } catch {
            return .discard(EventDiscard(
                reason: .keyNotComputed, eventName: name, message: "the key expression \(source) failed: \(error)"))
        }
        switch value {
        case .string(let id) where !id.isEmpty:
            return .profile(ProfileKey(namespace: entry.config.namespace, id: id))
        case .integer(let number):
            return .profile(ProfileKey(namespace: entry.config.namespace, id: String(number)))
        case .null:
            return .discard(EventDiscard(
                reason: .keyNotComputed, eventName: name, message: "the key expression \(source) gave no value (null)"))
        default:
            return .discard(EventDiscard(
                reason: .keyNotComputed, eventName: name,
                message: "the key expression \(source) gave \(value.jsonValue.kindDescription), not a non-empty string"))
        }
    }
}
