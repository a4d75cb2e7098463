/// The configs an expression source names: `@{Event.…}`, `@event{Event.…}`, `#{DataSource.FieldGroup.…}`, `@action{Action.…}`.
///
/// A plain text scan (string literals skipped), good enough for reference checks before the
/// expression compiler runs; the compiler reports anything finer.
package struct ExpressionReferences: Sendable {
    /// Event names referenced.
    package var events: [String] = []
    /// (data source, field group) pairs referenced; the field group is `nil` when absent.
    package var dataSources: [(name: String, fieldGroup: String?)] = []
    /// Action names referenced.
    package var actions: [String] = []

    /// Scans an expression source.
    package init(scanning source: String) {
        let characters = Array(source)
        var index = 0
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == "\\" { index += 2; continue }
                if character == open { quote = nil }
                index += 1
                continue
            }
            if character == "\"" || character == "'" { quote = character; index += 1; continue }
            let rest = characters[index...]
            let prefixes: [(String, Kind)] = [("@event{", .event), ("@action{", .action), ("@{", .event), ("#{", .dataSource)]
            guard let (prefix, kind) = prefixes.first(where: { rest.starts(with: $0.0) }) else {
                index += 1
                continue
            }
            index += prefix.count
            let first = Self.segment(characters, &index)
            var second: String?
            if index < characters.count, characters[index] == "." {
                index += 1
                second = Self.segment(characters, &index)
            }
            guard !first.isEmpty else { continue }
            switch kind {
            case .event where first != "journey": events.append(first)
            case .event: break
            case .action: actions.append(first)
            case .dataSource: dataSources.append((first, second.flatMap { $0.isEmpty ? nil : $0 }))
            }
        }
    }

    private enum Kind { case event, action, dataSource }

    private static func segment(_ characters: [Character], _ index: inout Int) -> String {
        var text = ""
        while index < characters.count, characters[index].isLetter || characters[index].isNumber
            || characters[index] == "_" || characters[index] == "-"
        {
            text.append(characters[index])
            index += 1
        }
        return text
    }
}
