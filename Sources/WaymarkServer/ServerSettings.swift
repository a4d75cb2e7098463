import WaymarkEngine

/// How `waymark serve` runs: where it listens, where its data lives, its limits.
public struct ServerSettings: Sendable {
    /// Size limits of requests.
    public struct Limits: Sendable {
        /// The largest event accepted, bytes (a larger one gets `413`).
        public var maximumEventBytes: Int
        /// The largest ingestion request body, bytes.
        public var maximumBodyBytes: Int
        /// The largest config request body, bytes.
        public var maximumConfigBytes: Int

        /// Creates limits: 1 MB per event, 64 MB per ingestion request, 8 MB per config request.
        public init(maximumEventBytes: Int = 1 << 20, maximumBodyBytes: Int = 64 << 20, maximumConfigBytes: Int = 8 << 20) {
            self.maximumEventBytes = maximumEventBytes
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumConfigBytes = maximumConfigBytes
        }
    }

    /// The address listened on.
    public var host: String
    /// The port listened on (`0`: any free port, reported once listening).
    public var port: Int
    /// The directory of the SQLite store and the secret key.
    public var dataDirectory: String
    /// Size limits.
    public var limits: Limits
    /// A JSON file of endpoint rules (capping, throttling) for the calls journeys make.
    public var endpointRulesFile: String?
    /// How the engine runs (partitions, batches, when an ingested event counts as accepted).
    public var engine: EngineConfiguration
    /// Where every step event is POSTed as NDJSON once committed (the warehouse stream), if anywhere.
    public var stepStreamURL: String?
    /// The bearer token of the step-event stream's endpoint.
    public var stepStreamToken: String?

    /// Creates settings: 127.0.0.1:8080, data in `./waymark-data`.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./waymark-data", limits: Limits = Limits(),
        endpointRulesFile: String? = nil, engine: EngineConfiguration = EngineConfiguration(), stepStreamURL: String? = nil,
        stepStreamToken: String? = nil
    ) {
        self.stepStreamURL = stepStreamURL
        self.stepStreamToken = stepStreamToken
        self.engine = engine
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.limits = limits
        self.endpointRulesFile = endpointRulesFile
    }
}
