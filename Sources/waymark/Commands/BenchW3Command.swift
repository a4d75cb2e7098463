import ArgumentParser
import Foundation
import WaymarkEngine
import WaymarkWorkloads

/// `waymark bench w3`: W1 with 10% of the events sent twice: exactly N actions.
struct BenchW3Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w3", abstract: "W3: W1 with 10% of the events sent twice; exactly N actions.")

    @OptionGroup var options: BenchOptions

    func run() async throws {
        let people = options.people
        var events: [[UInt8]] = []
        events.reserveCapacity(people + people / 10)
        for index in 0..<people {
            events.append(BenchWorkloads.signedUp(index))
            if index % 10 == 9 { events.append(BenchWorkloads.signedUp(index - 5)) }  // a repeat a few events later
        }
        let harness = try await BenchHarness.start(options, documents: try BenchWorkloads.documents(journey: BenchWorkloads.w1Journey()))
        defer { harness.finish() }
        try await BenchW1Command.enterAndWait(harness, events: events, label: "W3")
        try await BenchW1Command.fireAndAct(harness, label: "W3")
        let discards = try await harness.engine.store.discards(offset: 0, limit: 10)
        print("W3 events sent: \(events.count) (\(events.count - people) repeated), actions: \(harness.executor.callCount) (expected exactly \(people)), discards: \(discards.count)")
        guard harness.executor.callCount == people else {
            throw BenchFailure("W3 expected exactly \(people) actions, got \(harness.executor.callCount)")
        }
    }
}
