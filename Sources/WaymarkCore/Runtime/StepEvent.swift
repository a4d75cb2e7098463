/// One step a profile took in a journey: the record analysts query (`journeyStep` fields).
///
/// Field names are those of step-events.md (the Adobe Journey Orchestration journeyStep
/// schema) and must stay as they are in the stored dataset and in exports. Every step of a
/// state change is written in the same transaction as the change.
public struct StepEvent: Hashable, Sendable, Codable {
    /// Every field, behind one shared reference: copying a step (into effects, commits, batches)
    /// costs one retain; changing a shared copy first copies its fields (`update`).
    var storage: StepEventStorage

    // Common fields
    /// The profile entered the journey at this step.
    public var entrance: Bool {
        get { storage.fields.entrance }
        set { update { $0.entrance = newValue } }
    }
    /// The profile re-entered the journey with the same instance.
    public var reentrance: Bool {
        get { storage.fields.reentrance }
        set { update { $0.reentrance = newValue } }
    }
    /// The instance ended at this step.
    public var instanceEnded: Bool {
        get { storage.fields.instanceEnded }
        set { update { $0.instanceEnded = newValue } }
    }
    /// The event processed: an external event's id, or `scheduledNotificationReceived`,
    /// `executedAction`, `createInstance`, …
    public var eventID: String {
        get { storage.fields.eventID }
        set { update { $0.eventID = newValue } }
    }
    /// The canvas node id.
    public var nodeID: String {
        get { storage.fields.nodeID }
        set { update { $0.nodeID = newValue } }
    }
    /// The canvas node label.
    public var nodeName: String {
        get { storage.fields.nodeName }
        set { update { $0.nodeName = newValue } }
    }
    /// start, event, reaction, condition, wait, action, jump, updateProfile, end.
    public var nodeType: String {
        get { storage.fields.nodeType }
        set { update { $0.nodeType = newValue } }
    }
    /// A unique id of this step.
    public var stepID: String {
        get { storage.fields.stepID }
        set { update { $0.stepID = newValue } }
    }
    /// The name of the step.
    public var stepName: String {
        get { storage.fields.stepName }
        set { update { $0.stepName = newValue } }
    }
    /// Condition, Action, Scheduler, Timer, Event.
    public var stepType: String {
        get { storage.fields.stepType }
        set { update { $0.stepType = newValue } }
    }
    /// ended, error, transitions, capped, timedout, instanceTimedout.
    public var stepStatus: StepStatus {
        get { storage.fields.stepStatus }
        set { update { $0.stepStatus = newValue } }
    }
    public var journeyID: String {
        get { storage.fields.journeyID }
        set { update { $0.journeyID = newValue } }
    }
    public var journeyVersionID: String {
        get { storage.fields.journeyVersionID }
        set { update { $0.journeyVersionID = newValue } }
    }
    public var journeyVersionName: String {
        get { storage.fields.journeyVersionName }
        set { update { $0.journeyVersionName = newValue } }
    }
    /// `major.minor`.
    public var journeyVersion: String {
        get { storage.fields.journeyVersion }
        set { update { $0.journeyVersion = newValue } }
    }
    public var instanceID: String {
        get { storage.fields.instanceID }
        set { update { $0.instanceID = newValue } }
    }
    /// The key extracted from the event to route it.
    public var externalKey: String {
        get { storage.fields.externalKey }
        set { update { $0.externalKey = newValue } }
    }
    public var parentStepID: String? {
        get { storage.fields.parentStepID }
        set { update { $0.parentStepID = newValue } }
    }
    public var parentStepName: String? {
        get { storage.fields.parentStepName }
        set { update { $0.parentStepName = newValue } }
    }
    public var parentTransitionID: String? {
        get { storage.fields.parentTransitionID }
        set { update { $0.parentTransitionID = newValue } }
    }
    public var parentTransitionName: String? {
        get { storage.fields.parentTransitionName }
        set { update { $0.parentTransitionName = newValue } }
    }
    /// Produced in test mode.
    public var inTest: Bool {
        get { storage.fields.inTest }
        set { update { $0.inTest = newValue } }
    }
    /// Milliseconds from entering the step to the end of its processing.
    public var processingTime: Int64 {
        get { storage.fields.processingTime }
        set { update { $0.processingTime = newValue } }
    }
    /// `unitary` or `batch`.
    public var instanceType: String {
        get { storage.fields.instanceType }
        set { update { $0.instanceType = newValue } }
    }
    /// When the step was written, milliseconds since the epoch (rendered ISO-8601 in exports).
    public var timestamp: Int64 {
        get { storage.fields.timestamp }
        set { update { $0.timestamp = newValue } }
    }

    // Identity
    public var profileID: String {
        get { storage.fields.profileID }
        set { update { $0.profileID = newValue } }
    }
    public var profileNamespace: String {
        get { storage.fields.profileNamespace }
        set { update { $0.profileNamespace = newValue } }
    }

    /// Creates a step event with the common fields; the optional groups start empty.
    public init(
        eventID: String, nodeID: String, nodeName: String, nodeType: String, stepID: String, stepName: String,
        stepType: String, stepStatus: StepStatus, journeyID: String, journeyVersionID: String,
        journeyVersionName: String, journeyVersion: String, instanceID: String, externalKey: String,
        timestamp: Int64, profileID: String, profileNamespace: String
    ) {
        storage = StepEventStorage(StepEventFields(
            eventID: eventID, nodeID: nodeID, nodeName: nodeName, nodeType: nodeType, stepID: stepID,
            stepName: stepName, stepType: stepType, stepStatus: stepStatus, journeyID: journeyID,
            journeyVersionID: journeyVersionID, journeyVersionName: journeyVersionName,
            journeyVersion: journeyVersion, instanceID: instanceID, externalKey: externalKey, timestamp: timestamp,
            profileID: profileID, profileNamespace: profileNamespace))
    }

    /// Changes a field, first copying the fields when other steps share them.
    @inline(__always)
    mutating func update(_ change: (inout StepEventFields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = StepEventStorage(storage.fields) }
        change(&storage.fields)
    }

    /// Same field values.
    public static func == (lhs: StepEvent, rhs: StepEvent) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes the field values.
    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    /// Decodes the fields under their names (the keys of the fields when they were stored inline).
    public init(from decoder: any Decoder) throws { storage = StepEventStorage(try StepEventFields(from: decoder)) }

    /// Encodes the fields under their names.
    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }
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
