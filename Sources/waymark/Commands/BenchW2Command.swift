import ArgumentParser
import Foundation
import Synchronization
import WaymarkCore
import WaymarkEngine
import WaymarkWorkloads

/// `waymark bench w2`: wait up to 24 h for `purchased` (sent for 30%): action A if it comes, B on timeout.
struct BenchW2Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w2", abstract: "W2: wait up to 24 h for purchased (sent for 30%): A if it comes, B on timeout.")

    @OptionGroup var options: BenchOptions

    func run() async throws {
        let people = options.people
        let buyers = (0..<people).filter { $0 % 10 < 3 }
        let harness = try await BenchHarness.start(options, documents: try BenchWorkloads.documents(journey: BenchWorkloads.w2Journey))
        defer { harness.finish() }
        let callsByNode = Mutex<[String: Int]>([:])
        harness.executor.respond { request in
            callsByNode.withLock { $0[request.nodeID, default: 0] += 1 }
            return nil
        }
        try await BenchW1Command.enterAndWait(harness, events: (0..<people).map { BenchWorkloads.signedUp($0) }, label: "W2")
        harness.clock.advance(by: BenchWorkloads.hour)
        let purchases = buyers.map { BenchWorkloads.purchased($0) }
        try await harness.measure("W2 purchased events (ingest + route + action A)", count: purchases.count, unit: "events") {
            _ = try await harness.ingest(purchases)
            try await harness.settle()
        }
        harness.clock.advance(by: 24 * BenchWorkloads.hour)
        try await harness.measure("W2 timeouts (fire + route + action B)", count: people - buyers.count, unit: "timers") {
            try await harness.settle()
        }
        let counts = callsByNode.withLock { $0 }
        print("W2 action A: \(counts["a"] ?? 0) (expected \(buyers.count)), action B: \(counts["b"] ?? 0) (expected \(people - buyers.count))")
        guard counts["a"] == buyers.count, counts["b"] == people - buyers.count else {
            throw BenchFailure("W2 paths do not match the events sent")
        }
    }
}
