import WaymarkCore

extension SimulationSummary {
    /// The summary as text for a person: entries, steps per node, transitions, endings, discards.
    public func renderedText() -> String {
        var lines = ["Entered: \(entered)"]
        func section(_ title: String, _ rows: [(String, Int)]) {
            guard !rows.isEmpty else { return }
            lines.append("\(title):")
            let width = rows.map(\.0.count).max() ?? 0
            for (label, count) in rows {
                lines.append("  \(label)\(String(repeating: " ", count: width - label.count))  \(count)")
            }
        }
        section("Steps per node", nodes.map { ("\($0.nodeID) (\($0.nodeName))", $0.count) })
        section(
            "Transitions",
            transitions.map { transition in
                let name = transition.name.map { " [\($0)]" } ?? ""
                return ("\(transition.fromNodeID) -> \(transition.toNodeID)\(name)", transition.count)
            })
        section("Ended at", endedAt.map { ("\($0.nodeID) (\($0.nodeName))", $0.count) })
        section("Errors at", errorsAt.map { ("\($0.nodeID) (\($0.nodeName))", $0.count) })
        if timedOut > 0 { lines.append("Timed out (global journey timeout): \(timedOut)") }
        section(
            "Discarded events",
            discards.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, $0.value) })
        return lines.joined(separator: "\n")
    }
}
