import WaymarkCore
import WaymarkStore

/// Records for store tests.
enum Sample {
    static func profile(_ number: Int) -> ProfileKey {
        ProfileKey(namespace: "Email", id: "person\(number)@example.com")
    }

    static func event(
        _ eventID: String, partition: Int = 0, kind: InboxKind = .event, profile: ProfileKey = profile(1), receivedAt: Int64 = 1_000
    ) -> InboxEntry {
        InboxEntry(
            partition: partition, kind: kind, eventID: eventID, eventName: kind == .event ? "signup" : nil, profile: profile,
            payload: Array("{\"_id\":\"\(eventID)\"}".utf8), receivedAt: receivedAt)
    }

    static func instance(
        _ id: String, profile: ProfileKey = profile(1), journey: String = "welcome", version: String = "welcome-v1",
        partition: Int = 0, active: Bool = true, state: [UInt8] = [1, 2, 3], timers: [InstanceTimer] = []
    ) -> InstanceRecord {
        InstanceRecord(
            instanceID: id, journeyID: journey, journeyVersionID: version, profile: profile, partition: partition, isActive: active,
            state: state, enteredAt: 1_000, updatedAt: 2_000, timers: timers)
    }

    /// A timer whose payload is its id's bytes.
    static func timer(_ id: String, dueAt: Int64) -> InstanceTimer {
        InstanceTimer(id: id, dueAt: dueAt, payload: Array(id.utf8))
    }

    /// An active instance of its own journey (so a person may hold several) due at `dueAt`.
    static func waiting(_ id: String, profile: ProfileKey, partition: Int = 0, dueAt: Int64) -> InstanceRecord {
        instance(
            id, profile: profile, journey: "journey-\(id)", version: "journey-\(id)-v1", partition: partition,
            timers: [timer("\(id)/t", dueAt: dueAt)])
    }

    static func outbox(_ id: String, availableAt: Int64, partition: Int = 0, createdAt: Int64 = 1_000) -> OutboxRecord {
        OutboxRecord(
            id: id, partition: partition, instanceID: "i1", profile: profile(1), kind: "action", payload: Array(id.utf8),
            createdAt: createdAt, availableAt: availableAt)
    }

    /// A step event with every optional group filled when `detailed`.
    static func step(_ stepID: String, instance: String = "i1", status: StepStatus = .transitions, detailed: Bool = false) -> StepEvent {
        var event = StepEvent(
            eventID: "evt-\(stepID)", nodeID: "node-\(stepID)", nodeName: "Node \(stepID)", nodeType: "condition", stepID: stepID,
            stepName: "Step \(stepID)", stepType: "Condition", stepStatus: status, journeyID: "welcome",
            journeyVersionID: "welcome-v1", journeyVersionName: "Welcome", journeyVersion: "1.0", instanceID: instance,
            externalKey: "person1@example.com", timestamp: 5_000, profileID: "person1@example.com", profileNamespace: "Email")
        event.entrance = true
        event.parentStepID = "parent-\(stepID)"
        event.processingTime = 3
        guard detailed else { return event }
        event.instanceEnded = true
        event.reentrance = true
        event.inTest = true
        event.instanceType = "batch"
        event.parentStepName = "Parent"
        event.parentTransitionID = "t1"
        event.parentTransitionName = "pro"
        event.actionID = "welcome-email"
        event.actionName = "Welcome email"
        event.actionType = "custom"
        event.actionParameterized = true
        event.actionExecutionTime = 120
        event.actionExecutionError = "http"
        event.actionExecutionErrorCode = "503"
        event.actionExecutionOriginError = "timeout"
        event.actionExecutionOriginCode = "504"
        event.actionOriginEndpoint = "https://mail.example.com/send"
        event.actionOriginMethod = "POST"
        event.actionExecutionOriginStartTime = 4_900
        event.actionExecutionOriginTime = 80
        event.actionIsThrottled = false
        event.actionWaitTime = 40
        event.actionBusinessType = "customer"
        event.fetchTotalTime = 12
        event.fetchTypeInError = "custom"
        event.fetchError = "timedout"
        event.fetchErrorCode = "408"
        event.fetchOriginError = "http"
        event.fetchOriginErrorCode = "500"
        event.fetchCount = 2
        event.fetchPlatformTotalTime = 3
        event.fetchPlatformCount = 1
        event.fetchCustomTotalTime = 9
        event.fetchCustomCount = 1
        return event
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: text)
    }
}
