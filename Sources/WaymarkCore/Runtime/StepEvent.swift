/// One step a profile took in a journey: the record analysts query (`journeyStep` fields).
///
/// Field names are those of step-events.md (the Adobe Journey Orchestration journeyStep
/// schema) and must stay as they are in the stored dataset and in exports. Every step of a
/// state change is written in the same transaction as the change.
public struct StepEvent: Hashable, Sendable, Codable {
    // Common fields
    /// The profile entered the journey at this step.
    public var entrance: Bool = false
    /// The profile re-entered the journey with the same instance.
    public var reentrance: Bool = false
    /// The instance ended at this step.
    public var instanceEnded: Bool = false
    /// The event processed: an external event's id, or `scheduledNotificationReceived`,
    /// `executedAction`, `createInstance`, …
    public var eventID: String
    /// The canvas node id.
    public var nodeID: String
    /// The canvas node label.
    public var nodeName: String
    /// start, event, reaction, condition, wait, action, jump, updateProfile, end.
    public var nodeType: String
    /// A unique id of this step.
    public var stepID: String
    /// The name of the step.
    public var stepName: String
    /// Condition, Action, Scheduler, Timer, Event.
    public var stepType: String
    /// ended, error, transitions, capped, timedout, instanceTimedout.
    public var stepStatus: StepStatus
    public var journeyID: String
    public var journeyVersionID: String
    public var journeyVersionName: String
    /// `major.minor`.
    public var journeyVersion: String
    public var instanceID: String
    /// The key extracted from the event to route it.
    public var externalKey: String
    public var parentStepID: String?
    public var parentStepName: String?
    public var parentTransitionID: String?
    public var parentTransitionName: String?
    /// Produced in test mode.
    public var inTest: Bool = false
    /// Milliseconds from entering the step to the end of its processing.
    public var processingTime: Int64 = 0
    /// `unitary` or `batch`.
    public var instanceType: String = "unitary"
    /// When the step was written, milliseconds since the epoch (rendered ISO-8601 in exports).
    public var timestamp: Int64

    // Identity
    public var profileID: String
    public var profileNamespace: String

    // Action execution fields (action steps)
    public var actionID: String?
    public var actionName: String?
    public var actionType: String?
    public var actionParameterized: Bool?
    public var actionExecutionTime: Int64?
    public var actionExecutionError: String?
    public var actionExecutionErrorCode: String?
    public var actionExecutionOriginError: String?
    public var actionExecutionOriginCode: String?
    public var actionOriginEndpoint: String?
    public var actionOriginMethod: String?
    public var actionExecutionOriginStartTime: Int64?
    public var actionExecutionOriginTime: Int64?
    public var actionIsThrottled: Bool?
    public var actionWaitTime: Int64?
    public var actionBusinessType: String?

    // Data fetch fields
    public var fetchTotalTime: Int64?
    public var fetchTypeInError: String?
    public var fetchError: String?
    public var fetchErrorCode: String?
    public var fetchOriginError: String?
    public var fetchOriginErrorCode: String?
    public var fetchCount: Int64?
    public var fetchPlatformTotalTime: Int64?
    public var fetchPlatformCount: Int64?
    public var fetchCustomTotalTime: Int64?
    public var fetchCustomCount: Int64?

    /// Creates a step event with the common fields; the optional groups start empty.
    public init(
        eventID: String, nodeID: String, nodeName: String, nodeType: String, stepID: String, stepName: String,
        stepType: String, stepStatus: StepStatus, journeyID: String, journeyVersionID: String,
        journeyVersionName: String, journeyVersion: String, instanceID: String, externalKey: String,
        timestamp: Int64, profileID: String, profileNamespace: String
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

/// How a step ended (`stepStatus`).
public enum StepStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Ended successfully, no transition.
    case ended
    case error
    /// Waiting for an event or a timer to move on.
    case transitions
    /// A capping error in an action or fetch.
    case capped
    /// A timeout in an action or fetch.
    case timedout
    /// The instance reached the journey's global timeout.
    case instanceTimedout
}

/// An event that reached no journey or was refused, kept with its reason rather than dropped.
public struct DiscardRecord: Hashable, Sendable, Codable {
    /// Why an event was discarded.
    public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
        case noInterestedJourney
        case reentranceNotAllowed
        case reentranceTooSoon
        case keyNotComputed
        case notTestProfile
        case backlogFull
        case journeyNotAcceptingEntrances
    }

    /// The event's id.
    public var eventID: String
    /// The configured event's name, when known.
    public var eventName: String?
    /// The journey that refused it, when one did.
    public var journeyID: String?
    public var journeyVersionID: String?
    /// The profile, when the key could be computed.
    public var profileID: String?
    public var profileNamespace: String?
    public var reason: Reason
    /// Details for a person reading the record (e.g. the key expression error).
    public var message: String?
    /// When, milliseconds since the epoch.
    public var timestamp: Int64

    /// Creates a discard record.
    public init(
        eventID: String, eventName: String? = nil, journeyID: String? = nil, journeyVersionID: String? = nil,
        profileID: String? = nil, profileNamespace: String? = nil, reason: Reason, message: String? = nil,
        timestamp: Int64
    ) {
        self.eventID = eventID
        self.eventName = eventName
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.profileID = profileID
        self.profileNamespace = profileNamespace
        self.reason = reason
        self.message = message
        self.timestamp = timestamp
    }
}
