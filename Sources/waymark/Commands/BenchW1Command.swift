import ArgumentParser
import Foundation
import WaymarkEngine
import WaymarkWorkloads

/// `waymark bench w1`: `signed_up` → condition → wait 1 h → action for N people: entries/s,
/// timer firings/s, storage and memory per waiting person.
struct BenchW1Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w1", abstract: "W1: signed_up → plan == \"pro\" → wait 1 h → action, for N people.")

    @OptionGroup var options: BenchOptions

    @Flag(help: "Stop after the entries (to profile or count instructions of that phase alone).")
    var entriesOnly = false

    func run() async throws {
        let people = options.people
        let events = (0..<people).map { BenchWorkloads.signedUp($0) }
        let harness = try await BenchHarness.start(options, documents: try BenchWorkloads.documents(journey: BenchWorkloads.w1Journey()))
        defer { harness.finish() }
        try await BenchW1Command.enterAndWait(harness, events: events, label: "W1")
        if entriesOnly { return }
        try await BenchW1Command.fireAndAct(harness, label: "W1")
        guard harness.executor.callCount == people else {
            throw BenchFailure("W1 expected \(people) actions, got \(harness.executor.callCount)")
        }
        print("W1 actions: \(harness.executor.callCount) (expected \(people))")
    }

    /// Sends the events, which the workers route to the wait and commit as they are accepted:
    /// entries/s, storage and memory per waiting person.
    static func enterAndWait(_ harness: BenchHarness, events: [[UInt8]], label: String) async throws {
        let people = harness.options.people
        let memoryBefore = BenchHarness.residentMemory()
        // In two halves: memory after the first says whether it grows with the people waiting.
        let half = events.count / 2
        var accepted = 0, seconds = 0.0, memoryAtHalf = 0, waitingAtHalf = 0
        for part in [events[..<half], events[half...]] {
            let events = Array(part)
            seconds += try await harness.measure("\(label) entries (ingest, route to the wait, commit)", count: events.count, unit: "events") {
                accepted += try await harness.ingest(events).accepted
            }
            let late = try await harness.engine.drainWorkers().inputs
            guard late == 0 else { throw BenchFailure("\(label): \(late) inputs were left for the workers after ingestion") }
            if memoryAtHalf == 0 {
                memoryAtHalf = BenchHarness.residentMemory()
                waitingAtHalf = try await harness.engine.store.activeInstanceCount(journeyVersionID: nil)
            }
        }
        print(String(format: "%@ entries end to end: %.0f entries/s", label, Double(accepted) / seconds))
        let waiting = try await harness.engine.store.activeInstanceCount(journeyVersionID: nil)
        let timers = try await harness.engine.store.timerCount()
        print("\(label) waiting: \(waiting) instances, \(timers) timers")
        guard waiting == people else { throw BenchFailure("\(label) expected \(people) waiting, got \(waiting)") }
        let memoryAfter = BenchHarness.residentMemory()
        print(String(
            format: "%@ RSS: %.1f MB before, %.1f MB with %d waiting, %.1f MB with %d waiting: %.0f bytes per waiting person overall, %.0f from the first to the second half",
            label, Double(memoryBefore) / 1_048_576, Double(memoryAtHalf) / 1_048_576, waitingAtHalf,
            Double(memoryAfter) / 1_048_576, waiting, Double(memoryAfter - memoryBefore) / Double(waiting),
            Double(memoryAfter - memoryAtHalf) / Double(max(1, waiting - waitingAtHalf))))
        if let sizes = try await harness.storageSizes() {
            print(String(
                format: "%@ storage after checkpoint: file %.1f MB (%.0f bytes per waiting person), pages in use %.1f MB (%.0f bytes per waiting person)",
                label, Double(sizes.file) / 1_048_576, Double(sizes.file) / Double(waiting), Double(sizes.used) / 1_048_576,
                Double(sizes.used) / Double(waiting)))
        }
    }

    /// Moves the clock past the wait and runs the timers, then the actions and their results.
    static func fireAndAct(_ harness: BenchHarness, label: String) async throws {
        let people = harness.options.people
        harness.clock.advance(by: BenchWorkloads.hour)
        var fired = 0
        try await harness.measure("\(label) timer firings (fire + route to the action)", count: people, unit: "timers") {
            fired = try await harness.engine.drainWorkers().timersFired
        }
        guard fired == people else { throw BenchFailure("\(label) expected \(people) timers to fire, got \(fired)") }
        try await harness.measure("\(label) actions (dispatch + results)", count: people, unit: "actions") {
            try await harness.settle()
        }
        let active = try await harness.engine.store.activeInstanceCount(journeyVersionID: nil)
        guard active == 0 else { throw BenchFailure("\(label) expected every instance ended, \(active) still active") }
    }
}
