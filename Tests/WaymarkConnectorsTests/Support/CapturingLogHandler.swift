import Logging
import Synchronization

/// A log handler that keeps every message with its metadata as text, at every level.
struct CapturingLogHandler: LogHandler {
    /// The captured lines, shared by the copies of the handler.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        /// Every captured line.
        var all: [String] { lines.withLock { $0 } }
        /// All lines as one text.
        var text: String { all.joined(separator: "\n") }
    }

    let lines: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.append("\(event.level) \(event.message) \(fields)")
    }

    /// A logger writing to `lines`.
    static func logger(into lines: Lines) -> Logger {
        Logger(label: "test.connectors") { _ in CapturingLogHandler(lines: lines) }
    }
}
