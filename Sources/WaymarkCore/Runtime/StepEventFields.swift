/// The stored fields of a `StepEvent`, declared as the step event's own fields were: their
/// synthesized `Codable` and `Hashable` are the step event's.
struct StepEventFields: Hashable, Sendable, Codable {
    // Common fields
    var entrance: Bool = false
    var reentrance: Bool = false
    var instanceEnded: Bool = false
    var eventID: String
    var nodeID: String
    var nodeName: String
    var nodeType: String
    var stepID: String
    var stepName: String
    var stepType: String
    var stepStatus: StepStatus
    var journeyID: String
    var journeyVersionID: String
    var journeyVersionName: String
    var journeyVersion: String
    var instanceID: String
    var externalKey: String
    var parentStepID: String?
    var parentStepName: String?
    var parentTransitionID: String?
    var parentTransitionName: String?
    var inTest: Bool = false
    var processingTime: Int64 = 0
    var instanceType: String = "unitary"
    var timestamp: Int64

    // Identity
    var profileID: String
    var profileNamespace: String

    // Action execution fields (action steps)
    var actionID: String?
    var actionName: String?
    var actionType: String?
    var actionParameterized: Bool?
    var actionExecutionTime: Int64?
    var actionExecutionError: String?
    var actionExecutionErrorCode: String?
    var actionExecutionOriginError: String?
    var actionExecutionOriginCode: String?
    var actionOriginEndpoint: String?
    var actionOriginMethod: String?
    var actionExecutionOriginStartTime: Int64?
    var actionExecutionOriginTime: Int64?
    var actionIsThrottled: Bool?
    var actionWaitTime: Int64?
    var actionBusinessType: String?

    // Data fetch fields
    var fetchTotalTime: Int64?
    var fetchTypeInError: String?
    var fetchError: String?
    var fetchErrorCode: String?
    var fetchOriginError: String?
    var fetchOriginErrorCode: String?
    var fetchCount: Int64?
    var fetchPlatformTotalTime: Int64?
    var fetchPlatformCount: Int64?
    var fetchCustomTotalTime: Int64?
    var fetchCustomCount: Int64?

    init(
        eventID: String, nodeID: String, nodeName: String, nodeType: String, stepID: String, stepName: String,
        stepType: String, stepStatus: StepStatus, journeyID: String, journeyVersionID: String,
        journeyVersionName: String, journeyVersion: String, instanceID: String, externalKey: String, timestamp: Int64,
        profileID: String, profileNamespace: String
    ) {
        self.eventID = eventID
        self.nodeID = nodeID
        self.nodeName = nodeName
        self.nodeType = nodeType
        self.stepID = stepID
        self.stepName = stepName
        self.stepType = stepType
        self.stepStatus = stepStatus
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.journeyVersionName = journeyVersionName
        self.journeyVersion = journeyVersion
        self.instanceID = instanceID
        self.externalKey = externalKey
        self.timestamp = timestamp
        self.profileID = profileID
        self.profileNamespace = profileNamespace
    }
}

/// The shared box of a step event's fields. A step event changes it only while it holds the
/// only reference (copy on write), so sharing it between threads is safe.
final class StepEventStorage: @unchecked Sendable {
    var fields: StepEventFields

    init(_ fields: StepEventFields) { self.fields = fields }
}
