import Foundation
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// The crash-safety invariants, checked on a data folder after the run: no accepted event lost,
/// no step written twice, every timer fired.
struct BenchCrashCheck {
    let store: any WaymarkStore
    let events: [TimedEvent]
    let stepsPerInstance: Int

    func run() async throws {
        var steps: [StepEvent] = []
        while true {
            let page = try await store.stepEvents(offset: steps.count, limit: 10_000)
            if page.isEmpty { break }
            steps += page
        }
        var problems: [String] = []
        let eventIDs = Set(events.compactMap { event -> String? in
            if case .object(let fields) = event.json, case .string(let id)? = fields["_id"] { return id }
            return nil
        })
        let stepIDs = Set(steps.map(\.stepID))
        if stepIDs.count != steps.count { problems.append("\(steps.count - stepIDs.count) step(s) written twice") }
        let entered = Set(steps.filter(\.entrance).map(\.eventID))
        let lost = eventIDs.subtracting(entered)
        if !lost.isEmpty { problems.append("\(lost.count) accepted event(s) lost, e.g. \(lost.sorted().prefix(3))") }
        let perInstance = Dictionary(grouping: steps, by: \.instanceID)
        let wrong = perInstance.filter { $0.value.count != stepsPerInstance }
        if !wrong.isEmpty {
            let sample = wrong.prefix(3).map { "\($0.key): \($0.value.map(\.nodeID))" }
            problems.append("\(wrong.count) instance(s) without exactly \(stepsPerInstance) steps, e.g. \(sample)")
        }
        let unfinished = perInstance.filter { !$0.value.contains(where: \.instanceEnded) }
        if !unfinished.isEmpty { problems.append("\(unfinished.count) instance(s) never ended (a timer did not fire?)") }
        let active = try await store.activeInstanceCount(journeyVersionID: nil)
        if active != 0 { problems.append("\(active) instance(s) still active") }
        let timers = try await store.timerCount()
        if timers != 0 { problems.append("\(timers) timer(s) never fired") }
        print("events: \(eventIDs.count), instances: \(perInstance.count), steps: \(steps.count), unique step ids: \(stepIDs.count)")
        guard problems.isEmpty else {
            throw BenchFailure("crash-safety check failed:\n  " + problems.joined(separator: "\n  "))
        }
        print("crash-safety check passed: no event lost, no step written twice, every timer fired")
    }
}
