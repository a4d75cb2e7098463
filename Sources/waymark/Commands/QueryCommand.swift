import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkServer

/// `waymark query "SELECT …"`: read-only SQL over a running server's step-event and journey
/// datasets, printed as NDJSON (one object per row) or CSV.
extension RowFormat: ExpressibleByArgument {}

struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Runs a read-only SQL query on a server's step_events, discards and journey_versions datasets.")

    @Argument(help: "One SELECT statement.")
    var sql: String

    @Option(help: "The most rows printed (1 to 100000).")
    var limit: Int = 1_000

    @Option(help: "ndjson (one JSON object per row) or csv (with a header line).")
    var format: RowFormat = .ndjson

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
        var output = format.header(columns)
        for case .array(let values) in rows { output += format.line(values, columns: columns) }
        FileHandle.standardOutput.write(Data(output.utf8))
        if fields["truncated"] == .bool(true) {
            FileHandle.standardError.write(Data("waymark query: more rows than --limit \(limit); the rest were left out\n".utf8))
        }
    }
}
