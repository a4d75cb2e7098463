import Foundation
import WaymarkCore
import WaymarkEngine

extension ServerSettings {
    /// Settings as one source gives them: each `nil` when that source does not say.
    public struct Layer: Sendable {
        /// The address listened on.
        public var host: String?
        public var port: Int?
        public var dataDirectory: String?
        public var maximumEventBytes: Int?
        public var endpointRulesFile: String?
        public var acceptance: EngineConfiguration.Acceptance?
        public var testModeWaitDuration: Int64?
        public var stepStreamURL: String?
        public var stepStreamToken: String?

        public init(
            host: String? = nil, port: Int? = nil, dataDirectory: String? = nil, maximumEventBytes: Int? = nil,
            endpointRulesFile: String? = nil, acceptance: EngineConfiguration.Acceptance? = nil, testModeWaitDuration: Int64? = nil,
            stepStreamURL: String? = nil, stepStreamToken: String? = nil
        ) {
            self.stepStreamURL = stepStreamURL
            self.stepStreamToken = stepStreamToken
            self.host = host
            self.port = port
            self.dataDirectory = dataDirectory
            self.maximumEventBytes = maximumEventBytes
            self.endpointRulesFile = endpointRulesFile
            self.acceptance = acceptance
            self.testModeWaitDuration = testModeWaitDuration
        }

        /// This layer, with what it does not say taken from `lower`.
        func over(_ lower: Layer) -> Layer {
            Layer(
                host: host ?? lower.host, port: port ?? lower.port, dataDirectory: dataDirectory ?? lower.dataDirectory,
                maximumEventBytes: maximumEventBytes ?? lower.maximumEventBytes,
                endpointRulesFile: endpointRulesFile ?? lower.endpointRulesFile, acceptance: acceptance ?? lower.acceptance,
                testModeWaitDuration: testModeWaitDuration ?? lower.testModeWaitDuration,
                stepStreamURL: stepStreamURL ?? lower.stepStreamURL, stepStreamToken: stepStreamToken ?? lower.stepStreamToken)
        }
    }

    /// The environment variables read, and the key of each in a settings file.
    public static let sources: [(variable: String, key: String)] = [
        ("WAYMARK_HOST", "host"), ("WAYMARK_PORT", "port"), ("WAYMARK_DATA_DIR", "dataDir"),
        ("WAYMARK_MAX_EVENT_BYTES", "maxEventBytes"), ("WAYMARK_ENDPOINTS", "endpoints"), ("WAYMARK_ACCEPTANCE", "acceptance"),
        ("WAYMARK_TEST_MODE_WAIT_MS", "testModeWaitMs"), ("WAYMARK_STEP_STREAM", "stepStream"),
        ("WAYMARK_STEP_STREAM_TOKEN", "stepStreamToken"),
    ]

    /// Settings from flags, then the environment, then a settings file (`WAYMARK_CONFIG` or
    /// `file`), then the defaults — the first that says wins.
    /// - Throws: `ServerError` naming the variable or key whose value is wrong, or the file that
    ///   cannot be read.
    public static func resolve(flags: Layer, environment: [String: String], file: String?) throws(ServerError) -> ServerSettings {
        let fromEnvironment = try layer(
            Dictionary(uniqueKeysWithValues: sources.compactMap { source in environment[source.variable].map { (source.key, $0) } }),
            naming: { key in sources.first { $0.key == key }?.variable ?? key })
        var fromFile = Layer()
        if let path = file ?? environment["WAYMARK_CONFIG"] {
            fromFile = try layer(file: path)
        }
        let merged = flags.over(fromEnvironment).over(fromFile)
        var limits = Limits()
        if let bytes = merged.maximumEventBytes { limits.maximumEventBytes = bytes }
        var engine = EngineConfiguration()
        if let acceptance = merged.acceptance { engine.acceptance = acceptance }
        if let wait = merged.testModeWaitDuration { engine.testModeWaitDuration = wait }
        let defaults = ServerSettings()
        return ServerSettings(
            host: merged.host ?? defaults.host, port: merged.port ?? defaults.port,
            dataDirectory: merged.dataDirectory ?? defaults.dataDirectory, limits: limits, endpointRulesFile: merged.endpointRulesFile,
            engine: engine, stepStreamURL: merged.stepStreamURL, stepStreamToken: merged.stepStreamToken)
    }

    /// The layer of a JSON settings file: an object with the keys of `sources`.
    static func layer(file path: String) throws(ServerError) -> Layer {
        guard let data = FileManager.default.contents(atPath: path) else { throw ServerError("cannot read the settings file \(path)") }
        guard case .object(let object)? = try? JSONValue(parsing: Array(data)) else {
            throw ServerError("the settings file \(path) is not a JSON object")
        }
        var texts: [String: String] = [:]
        for (key, value) in object.pairs {
            guard sources.contains(where: { $0.key == key }) else {
                throw ServerError("the settings file \(path): unknown key \(key) (known: \(sources.map(\.key).joined(separator: ", ")))")
            }
            switch value {
            case .string(let text): texts[key] = text
            case .int(let number): texts[key] = String(number)
            default: throw ServerError("the settings file \(path): \(key) is a string or a whole number")
            }
        }
        return try layer(texts, naming: { "\(path): \($0)" })
    }

    /// A layer read from texts by key, each checked; `naming` says where a key came from.
    static func layer(_ texts: [String: String], naming: (String) -> String) throws(ServerError) -> Layer {
        func number<T: FixedWidthInteger>(_ key: String, _ range: ClosedRange<T>) throws(ServerError) -> T? {
            guard let text = texts[key] else { return nil }
            guard let value = T(text), range.contains(value) else {
                throw ServerError("\(naming(key)) is \(text): a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        var layer = Layer()
        layer.host = texts["host"]
        layer.port = try number("port", 0...65_535)
        layer.dataDirectory = texts["dataDir"]
        layer.maximumEventBytes = try number("maxEventBytes", 1...(64 << 20))
        layer.endpointRulesFile = texts["endpoints"]
        if let text = texts["acceptance"] {
            guard let acceptance = EngineConfiguration.Acceptance(rawValue: text) else {
                throw ServerError("\(naming("acceptance")) is \(text): routed or inbox")
            }
            layer.acceptance = acceptance
        }
        layer.testModeWaitDuration = try number("testModeWaitMs", 0...86_400_000)
        if let url = texts["stepStream"] {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ServerError("\(naming("stepStream")) is \(url): an http:// or https:// URL")
            }
            layer.stepStreamURL = url
        }
        layer.stepStreamToken = texts["stepStreamToken"]
        return layer
    }
}
