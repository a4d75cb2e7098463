import BenchmarkSupport
import WaymarkCore

// Measures the pure journey runtime on one core for the W1 journey (signed_up → condition →
// wait 1 h → action → end): what the engine asks of it per person, without any store.
// Run with `swift run -c release RuntimeBenchmark [people] [rounds]` in Benchmarks/.
// The thread-CPU figure says what one core does; the wall figure also counts time the thread
// waited for a core on a shared machine.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let people = arguments.first ?? 100_000
let rounds = arguments.dropFirst().first ?? 5

var best = (entry: Timing.none, timer: Timing.none, action: Timing.none)
for round in 1...rounds {
    var phases = try Phases(people: people)
    let entry = phases.enter()
    let timer = try phases.fireTimers()
    let action = try phases.completeActions()
    best = (best.entry.best(entry), best.timer.best(timer), best.action.best(action))
    print("round \(round): entry \(entry.summary(of: people, unit: "entries"))")
    print("         timer \(timer.summary(of: people, unit: "firings"))")
    print("         action result \(action.summary(of: people, unit: "results"))")
}
print("W1 runtime, \(people) people, best of \(rounds) rounds:")
print("  entry (enter + encode):                  \(best.entry.summary(of: people, unit: "entries"))")
print("  timer firing (decode + handle + encode): \(best.timer.summary(of: people, unit: "firings"))")
print("  action result (decode + handle + encode): \(best.action.summary(of: people, unit: "results"))")
