import Foundation
import WaymarkCore
import WaymarkEngine

/// How `simulate` prints what happened.
enum SimulateOutput {
    /// Prints every step event as one JSON line (journeyStep field names).
    static func printSteps(_ steps: [StepEvent]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        for step in steps {
            output += try encoder.encode(step)
            output.append(0x0A)
            if output.count > 1 << 20 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
    }

    /// The summary: the journey, what was sent, the paths taken, the calls made and the events refused.
    static func summary(of outcome: Simulation.Outcome, journey: Journey, eventCount: Int) -> String {
        var lines = [
            "Journey: \(journey.name) (\(journey.id) \(journey.version))",
            "Events sent: \(eventCount), rejected: \(outcome.rejected.count)",
        ]
        lines.append(outcome.summary.renderedText())
        let calls = Dictionary(grouping: outcome.calls, by: { $0.actionName ?? $0.fetches.map(\.key).joined(separator: ",") })
        if !calls.isEmpty {
            lines.append("Calls:")
            for (name, list) in calls.sorted(by: { $0.key < $1.key }) { lines.append("  \(name)  \(list.count)") }
        }
        for result in outcome.rejected.prefix(10) {
            let reasons = result.errors.map(\.description).joined(separator: "; ")
            lines.append("Rejected event \(result.index + 1)\(result.eventID.map { " (\($0))" } ?? ""): \(reasons)")
        }
        return lines.joined(separator: "\n")
    }
}
