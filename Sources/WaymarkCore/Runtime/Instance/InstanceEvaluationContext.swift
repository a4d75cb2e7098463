import Foundation

/// What the expressions of one node read: the instance's kept data, the input being handled,
/// the profile, audiences, journey properties, the injected clock and random source.
final class InstanceEvaluationContext: EvaluationContext {
    let now: ZonedDateTime
    /// The instance, moved in for the time of an evaluation (`InstanceExecution.evaluating`).
    var instance = JourneyInstance.vacant
    private let journey: RunnableJourney
    private let runtime: RuntimeContext
    /// The input's data, moved in for the time of an evaluation.
    var transient = TransientData()
    private let nodeID: String
    private var draws = 0

    init(journey: RunnableJourney, runtime: RuntimeContext, nodeID: String) {
        self.journey = journey
        self.runtime = runtime
        self.nodeID = nodeID
        now = ZonedDateTime(epochMilliseconds: runtime.now, zone: .utc)
    }

    func eventField(_ reference: FieldReference) -> Value {
        let name = reference.source
        let document = transient.event.flatMap { $0.name == name ? $0.payload : nil } ?? instance.events[name]
        return read(document, reference)
    }

    func dataSourceField(_ reference: FieldReference, parameters: [String: Value]) -> Value {
        let group = reference.fieldGroup ?? ""
        if let fetched = transient.fetched["\(reference.source).\(group)"] { return read(fetched, reference) }
        guard reference.source == DataSourceConfig.experiencePlatformName else { return .null }
        return read(runtime.profile.attributes.member(group), reference)
    }

    func actionField(_ reference: FieldReference) -> Value {
        let name = reference.source
        let document = transient.action.flatMap { $0.name == name ? $0.response : nil } ?? instance.actions[name]
        return read(document, reference)
    }

    func journeyProperty(_ property: JourneyProperty) -> Value {
        let info = instance.errorInfo
        let string: String?
        switch property {
        case .journeyUID: string = instance.journeyID
        case .journeyVersionUID: string = instance.journeyVersionID
        case .journeyVersionName: string = journey.journey.name
        case .journeyVersionDescription: string = journey.journey.description
        case .journeyVersion: string = journey.versionText
        case .instanceUID: string = instance.instanceID
        case .externalKey: string = instance.externalKey
        case .profileId: string = instance.profile.id
        case .namespace: string = instance.profile.namespace
        case .currentNodeId: string = nodeID
        case .currentNodeName: string = journey.node(nodeID)?.stepFields.name
        case .previousNodeId: string = instance.lastStepSequence == 0 ? nil : instance.lastStepNodeID
        case .previousNodeName:
            string = instance.lastStepSequence == 0 ? nil : journey.node(instance.lastStepNodeID)?.stepFields.name
        case .lastNodeUIDInError: string = info.lastNodeIDInError
        case .lastNodeNameInError: string = info.lastNodeIDInError.flatMap { journey.node($0)?.stepFields.name }
        case .lastNodeTypeInError: string = info.lastNodeIDInError.flatMap { journey.node($0)?.node.activity.kind }
        case .lastErrorCode: string = info.lastErrorCode
        case .lastExecutedActionErrorCode: string = info.lastExecutedActionErrorCode
        case .lastDataFetchErrorCode: string = info.lastDataFetchErrorCode
        case .lastActionExecutionElapsedTime: return info.lastActionExecutionElapsedTime.map(Value.integer) ?? .null
        case .lastDataFetchElapsedTime: return info.lastDataFetchElapsedTime.map(Value.integer) ?? .null
        }
        return string.map(Value.string) ?? .null
    }

    func randomUnit() -> Double {
        draws += 1
        return runtime.random.unit(for: "\(instance.instanceID)/\(nodeID)/\(instance.sequence)/\(draws)")
    }

    func makeUUID() -> String {
        let high = UInt64(randomUnit() * Double(UInt64(1) << 53))
        let low = UInt64(randomUnit() * Double(UInt64(1) << 53))
        let hex = Array(RuntimeHash.hex(RuntimeHash.splitMix(high)) + RuntimeHash.hex(RuntimeHash.splitMix(low)))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-4" + String(hex[13..<16]) + "-a"
            + String(hex[17..<20]) + "-" + String(hex[20..<32])
    }

    func isInAudience(_ name: String) -> Bool { runtime.audiences.contains(name) }

    /// The value at the reference's path in a document, typed by the field's schema; only the
    /// part read is converted.
    private func read(_ document: JSONValue?, _ reference: FieldReference) -> Value {
        var current = document
        for segment in reference.path { current = current?.member(segment) }
        guard let current else { return .null }
        return journey.temporalFields.typed(Value(json: current), for: reference)
    }
}

extension JSONValue {
    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    fileprivate func member(_ key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }
}
