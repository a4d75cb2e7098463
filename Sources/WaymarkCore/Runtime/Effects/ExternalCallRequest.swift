/// A call to the outside world an instance asks for: written to the outbox in the same
/// transaction as the state that waits for its result, run after the commit at least once.
public struct ExternalCallRequest: Hashable, Sendable {
    /// The idempotency key and outbox row id: `instanceID/nodeID/entry`, stable across replays.
    public var id: String
    /// Action or fetch.
    public var kind: ExternalCallKind
    /// The instance that asked for the call.
    public var instanceID: String
    /// Its journey.
    public var journeyID: String
    /// Its journey version.
    public var journeyVersionID: String
    /// The node that waits for the result.
    public var nodeID: String
    /// The person.
    public var profile: ProfileKey
    /// The action's name (actions only).
    public var actionName: String?
    /// The action payload: constants of the config and the node's mappings evaluated now
    /// (message actions: the template fields).
    public var payload: JSONValue
    /// The evaluated dynamic URL path, when the action allows one.
    public var dynamicPath: String?
    /// Header values: constants of the config and variable headers evaluated now.
    public var headers: [String: String]
    /// Query parameter values: constants and variables evaluated now.
    public var query: [String: String]
    /// The field groups to fetch (fetches only).
    public var fetches: [DataFetch]
    /// The journey's external-call timeout in milliseconds.
    public var timeout: Int64
    /// Produced in test mode.
    public var inTest: Bool

    /// Creates a request.
    public init(
        id: String, kind: ExternalCallKind, instanceID: String, journeyID: String, journeyVersionID: String,
        nodeID: String, profile: ProfileKey, actionName: String? = nil, payload: JSONValue = .null,
        dynamicPath: String? = nil, headers: [String: String] = [:], query: [String: String] = [:],
        fetches: [DataFetch] = [], timeout: Int64 = 30_000, inTest: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.instanceID = instanceID
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.nodeID = nodeID
        self.profile = profile
        self.actionName = actionName
        self.payload = payload
        self.dynamicPath = dynamicPath
        self.headers = headers
        self.query = query
        self.fetches = fetches
        self.timeout = timeout
        self.inTest = inTest
    }
}
