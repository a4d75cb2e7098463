import WaymarkCore

extension FileValidationReport {
    /// A human-readable report: each file with its issues, then totals.
    func renderedText() -> String {
        var lines: [String] = []
        for file in files {
            let title = [file.kind, file.name.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " ")
            let verdict = file.issues.isEmpty ? "ok" : "\(file.issues.count) issue\(file.issues.count == 1 ? "" : "s")"
            lines.append("\(file.path)\(title.isEmpty ? "" : " (\(title))"): \(verdict)")
            for issue in file.issues {
                var place = issue.nodeId.map { "node \($0)" } ?? "journey"
                if file.kind != "journey" { place = "config" }
                if let field = issue.field { place += ", \(field)" }
                if let position = issue.position { place += ", line \(position.line) column \(position.column)" }
                lines.append("  \(issue.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(issue.code.rawValue) (\(place)): \(issue.message)")
            }
        }
        lines.append("\(files.count) file\(files.count == 1 ? "" : "s"), \(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON document: `{"files": [{"path", "kind", "name", "issues"}], "errors", "warnings"}`.
    func jsonDocument() -> JSONValue {
        .object(OrderedFields([
            ("files", .array(files.map(Self.json(of:)))),
            ("errors", .int(Int64(errorCount))),
            ("warnings", .int(Int64(warningCount))),
        ]))
    }

    private static func json(of file: FileResult) -> JSONValue {
        .object(OrderedFields([
            ("path", .string(file.path)),
            ("kind", file.kind.map(JSONValue.string) ?? .null),
            ("name", file.name.map(JSONValue.string) ?? .null),
            ("issues", .array(file.issues.map(\.jsonValue))),
        ]))
    }
}
