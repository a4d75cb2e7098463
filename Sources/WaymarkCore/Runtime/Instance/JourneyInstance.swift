/// One person's place in one journey version: a value that handles inputs and returns effects.
///
/// No I/O, no clock, no awaiting: time and the world come in `RuntimeContext`, everything to
/// do goes out as `RuntimeEffect`s. Encoded to `InstanceRecord.state` with `encoded`.
public struct JourneyInstance: Hashable, Sendable {
    /// The instance id, derived from the version, the profile and the entering event (stable across replays).
    public var instanceID: String
    /// The journey.
    public var journeyID: String
    /// The journey version the person goes through (to the end, even when newer ones exist).
    public var journeyVersionID: String
    /// The person.
    public var profile: ProfileKey
    /// The routing key the person entered with.
    public var externalKey: String
    /// When the person entered, milliseconds since the epoch.
    public var enteredAt: Int64
    /// Produced in test mode (shortened waits, first split path, no profile cap).
    public var inTest: Bool
    /// The person had been in this journey before.
    public var isReentrance: Bool
    /// How the instance ended; `nil` while it holds a place in the journey.
    public var endStatus: StepStatus?
    /// The nodes it waits at (several after a fork: the first to happen wins).
    public var waits: [WaitPoint]
    /// The external call it waits for.
    public var pendingCall: PendingCall?
    /// The last number used for steps, timers and calls.
    public var sequence: UInt32
    /// The sequence number of the last step written (the parent of the next step); 0 before the first.
    public var lastStepSequence: UInt32
    /// The node of the last step written.
    public var lastStepNodeID: String
    /// Last errors and call times (journey properties).
    public var errorInfo: InstanceErrorInfo
    /// Event payloads later expressions read, by event name, pruned to the fields they read.
    public var events: [String: JSONValue]
    /// Action responses later expressions read, by action name (with `jo_status_code`).
    public var actions: [String: JSONValue]

    /// Creates an instance (the runtime's `enter` does this; tests and decoding too).
    public init(
        instanceID: String, journeyID: String, journeyVersionID: String, profile: ProfileKey, externalKey: String,
        enteredAt: Int64, inTest: Bool = false, isReentrance: Bool = false
    ) {
        self.instanceID = instanceID
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.profile = profile
        self.externalKey = externalKey
        self.enteredAt = enteredAt
        self.inTest = inTest
        self.isReentrance = isReentrance
        endStatus = nil
        waits = []
        pendingCall = nil
        sequence = 0
        lastStepSequence = 0
        lastStepNodeID = ""
        errorInfo = InstanceErrorInfo()
        events = [:]
        actions = [:]
    }

    /// An instance of nothing, to swap in while a run holds the real one: copying it costs nothing.
    static let vacant = JourneyInstance(
        instanceID: "", journeyID: "", journeyVersionID: "", profile: ProfileKey(namespace: "", id: ""), externalKey: "",
        enteredAt: 0)

    /// Whether the instance still holds a place in the journey.
    public var isActive: Bool { endStatus == nil }

    /// The id of the global timeout (or end date) timer, set at entry.
    public var globalTimerID: String { RuntimeID.make(instanceID, "/g") }

    /// The id of the timer with this sequence number.
    public func timerID(_ sequence: UInt32) -> String { RuntimeID.make(instanceID, "/t", sequence) }

    /// The id of the step with this sequence number.
    public func stepID(_ sequence: UInt32) -> String { RuntimeID.make(instanceID, "/s", sequence) }

    /// The id (idempotency key) of the call a node made with this sequence number.
    public func callID(nodeID: String, sequence: UInt32) -> String {
        RuntimeID.make(instanceID, "/" + nodeID + "/", sequence)
    }

    /// The timers still to fire: the global one while active, and those of the wait points.
    public var outstandingTimerIDs: [String] {
        guard isActive else { return [] }
        var ids = [globalTimerID]
        ids.reserveCapacity(1 + waits.count)
        for wait in waits { if let timer = wait.timer { ids.append(timerID(timer)) } }
        return ids
    }

    /// Whether `id` is the global timer's id, without building that id.
    func isGlobalTimer(_ id: String) -> Bool { RuntimeID.matches(id, instanceID, "/g") }

    /// Whether `id` is the id of the timer with this sequence number, without building that id.
    func isTimer(_ id: String, sequence: UInt32) -> Bool { RuntimeID.matches(id, instanceID, "/t", sequence) }

    /// Whether `id` is the id of the call a node made with this sequence number, without building that id.
    func isCall(_ id: String, nodeID: String, sequence: UInt32) -> Bool {
        RuntimeID.matches(id, instanceID, "/" + nodeID + "/", sequence)
    }

    /// Whether an event of this name moves the instance on (it waits at an event node for it).
    public func isWaiting(forEvent name: String, in journey: RunnableJourney) -> Bool {
        isActive && waits.contains { journey.awaitedEvent(atNode: $0.nodeID) == name }
    }
}
