import ArgumentParser
import Foundation
import WaymarkCore

/// `waymark expression evaluate`: compiles and evaluates one expression, printing one JSON line.
///
/// Output on success: `{"type": T, "value": V}`. On a parse, type or evaluation error it prints
/// `{"error": {"code": …, "message": …, "position": {"offset": …, "line": …, "column": …}}}`
/// (position `null` when the error has none, e.g. a bad context file) and exits with 1.
struct EvaluateExpressionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate an expression and print {\"type\": …, \"value\": …} as one JSON line.",
        discussion: """
            The context file gives the data the expression reads:
            {"events": {"<EventName>": {…payload…}}, "dataSources": {"<DataSource>": {"<FieldGroup>": {…}}},
             "actions": {"<ActionName>": {…response…}}, "audiences": ["<name>", …], "journey": {…properties…}}
            Field types come from the JSON values. Put `--` before an expression that starts with `-`.
            """
    )

    @Option(name: .long, help: "A JSON file with the events, data sources, actions, audiences and journey properties the expression reads.")
    var context: String?

    @Option(name: .long, help: "The instant now() returns, ISO-8601 with an offset (e.g. 2021-02-19T10:00:00Z). Default: the current time.")
    var now: String?

    @Argument(help: "The expression.")
    var expression: String

    func validate() throws {
        if let now, ZonedDateTime(iso8601: now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO-8601 date-time with an offset, such as 2021-02-19T10:00:00Z")
        }
    }

    func run() async throws {
        let instant = now.flatMap(ZonedDateTime.init(iso8601:)) ?? ZonedDateTime(epochMilliseconds: WallClock.epochMilliseconds())
        do {
            let contextDocument = try loadContext()
            let environment = try JSONExpressionContext(document: contextDocument, now: instant)
            let evaluation = try ExpressionEvaluation.run(source: expression, context: environment)
            print(evaluation.jsonValue.serialized())
        } catch {
            print(Self.errorDocument(error).serialized())
            throw ExitCode(1)
        }
    }

    /// Reads the context file (JSON or YAML), or an empty context when none is given.
    private func loadContext() throws(ExpressionError) -> JSONValue {
        guard let context else { return .object(OrderedFields()) }
        do {
            return try ConfigFileReader.read(URL(fileURLWithPath: context))
        } catch {
            throw ExpressionError(.init(rawValue: "ERR_EXPR_CONTEXT"), "The context file \(error.message)")
        }
    }

    /// The one JSON shape every failure of this command prints.
    static func errorDocument(_ error: ExpressionError) -> JSONValue {
        let position: JSONValue = error.position.map { position in
            .object(OrderedFields([
                ("offset", .int(Int64(position.offset))),
                ("line", .int(Int64(position.line))),
                ("column", .int(Int64(position.column))),
            ]))
        } ?? .null
        return .object(OrderedFields([
            ("error", .object(OrderedFields([
                ("code", .string(error.code.rawValue)),
                ("message", .string(error.message)),
                ("position", position),
            ])))
        ]))
    }
}
