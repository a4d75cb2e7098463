import ArgumentParser
import Foundation
import WaymarkCore

/// `waymark query "SELECT …"`: read-only SQL over a running server's step-event and journey
/// datasets, printed as NDJSON (one object per row) or CSV.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Runs a read-only SQL query on a server's step_events, discards and journey_versions datasets.")

    /// How rows are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, csv
    }

    @Argument(help: "One SELECT statement.")
    var sql: String

    @Option(help: "The most rows printed (1 to 100000).")
    var limit: Int = 1_000

    @Option(help: "ndjson (one JSON object per row) or csv (with a header line).")
    var format: Format = .ndjson

    @OptionGroup var client: ServerClientOptions

    func run() async throws {
        var body = OrderedFields<JSONValue>()
        body["sql"] = .string(sql)
        body["limit"] = .int(Int64(limit))
        let (status, json) = try await client.send(.post, "/v1/query", body: JSONValue.object(body).serializedBytes())
        guard status == 200, case .object(let fields) = json, case .array(let columnValues)? = fields["columns"],
            case .array(let rows)? = fields["rows"]
        else {
            throw ValidationError(ServerClientOptions.message(of: json))
        }
        let columns = columnValues.map { value -> String in
            if case .string(let name) = value { return name }
            return "\(value)"
        }
        var output = ""
        if format == .csv { output += columns.map(Self.csvField).joined(separator: ",") + "\n" }
        for case .array(let values) in rows {
            switch format {
            case .ndjson:
                var object = OrderedFields<JSONValue>()
                for (column, value) in zip(columns, values) { object[column] = value }
                output += String(decoding: JSONValue.object(object).serializedBytes(), as: UTF8.self) + "\n"
            case .csv:
                output += values.map { value -> String in
                    switch value {
                    case .null: return ""
                    case .string(let text): return Self.csvField(text)
                    default: return Self.csvField(String(decoding: value.serializedBytes(), as: UTF8.self))
                    }
                }.joined(separator: ",") + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if fields["truncated"] == .bool(true) {
            FileHandle.standardError.write(Data("waymark query: more rows than --limit \(limit); the rest were left out\n".utf8))
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
