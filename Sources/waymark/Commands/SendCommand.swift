import ArgumentParser
import Foundation
import WaymarkCore

/// `waymark send FILE`: sends the events of a file (NDJSON, a JSON array or one event) to a
/// running server's streaming ingestion, in batches, and says what became of them.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sends events from a file (NDJSON, a JSON array or one event) to a server.",
        discussion: "Exits 1 when an event was refused; each refused event is printed with its errors.")

    @Argument(help: "The file of events.")
    var file: String

    @Option(help: "Events per request.")
    var batch: Int = 1_000

    @OptionGroup var client: ServerClientOptions

    func validate() throws {
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let events: [EventChunk]
        do {
            events = try EventBatchSplitter.split(Array(data))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        var counts: [String: Int64] = [:]
        var refused = 0
        for start in stride(from: 0, to: events.count, by: batch) {
            let chunk = events[start..<min(events.count, start + batch)]
            var body: [UInt8] = []
            for event in chunk {
                body += event.bytes
                body.append(UInt8(ascii: "\n"))
            }
            let (status, json) = try await client.send(.post, "/v1/events", body: body)
            var answer = json
            if status == 400, case .object(let fields) = json, case .object(let error)? = fields["error"],
                error["code"] == .string("ERR_EVENTS_REJECTED"), let details = error["details"]
            {
                answer = details
            } else if status != 202 {
                throw ValidationError(ServerClientOptions.message(of: json))
            }
            guard case .object(let fields) = answer else { continue }
            for key in ["accepted", "duplicates", "discarded", "rejected"] {
                if case .int(let count)? = fields[key] { counts[key, default: 0] += count }
            }
            if case .array(let results)? = fields["results"] {
                for case .object(let result) in results where result["status"] == .string("rejected") {
                    refused += 1
                    var line = result
                    if case .int(let index)? = result["index"] { line["index"] = .int(index + Int64(start)) }
                    FileHandle.standardError.write(Data((String(decoding: JSONValue.object(line).serializedBytes(), as: UTF8.self) + "\n").utf8))
                }
            }
        }
        let summary = ["accepted", "duplicates", "discarded", "rejected"].map { "\($0) \(counts[$0, default: 0])" }
        print("\(events.count) events sent: " + summary.joined(separator: ", "))
        if refused > 0 { throw ExitCode(1) }
    }
}
