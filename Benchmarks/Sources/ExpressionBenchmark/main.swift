import BenchmarkSupport
import WaymarkExpression

// Measures compiled condition evaluation on one core: `@{E.a} > 10 and startWith(@{E.b}, "x")`
// against an event E with a = integer, b = string. Run with `swift run -c release` in Benchmarks/.
// Prints wall-clock and thread-CPU rates: on a shared machine the CPU figure is the one that
// says what one core does; the wall figure also counts time the thread waited for a core.

let source = #"@{E.a} > 10 and startWith(@{E.b}, "x")"#
let now = ZonedDateTime(epochMilliseconds: 1_795_348_800_000)
let context = try JSONExpressionContext(json: #"{"events": {"E": {"a": 12, "b": "xylophone"}}}"#, now: now)
let compiled = try Expression.compile(source, schema: context, expecting: .boolean)
let first = try compiled.evaluate(in: context)
precondition(first == .boolean(true))

/// Runs `iterations` evaluations and returns (wall seconds, thread CPU seconds).
func measureRound(iterations: Int) throws -> (wall: Double, cpu: Double) {
    var buffers = EvaluationBuffers()
    var trueCount = 0
    let timing = try Timing.measure {
        for _ in 0..<iterations {
            if case .boolean(true) = try compiled.evaluate(in: context, reusing: &buffers) { trueCount &+= 1 }
        }
    }
    precondition(trueCount == iterations)
    return (timing.wall, timing.cpu)
}

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5_000_000
var bestWall = Double.infinity
var bestCPU = Double.infinity
for round in 1...5 {
    let (wall, cpu) = try measureRound(iterations: iterations)
    bestWall = min(bestWall, wall)
    bestCPU = min(bestCPU, cpu)
    print(
        "round \(round): \(iterations) evaluations, wall \(formatted(wall)) s = \(Int(Double(iterations) / wall)) evaluations/s, "
            + "CPU \(formatted(cpu)) s = \(Int(Double(iterations) / cpu)) evaluations/s (\(formatted(cpu / Double(iterations) * 1e9)) ns each)")
}
print("expression: \(source)")
print("best wall-clock: \(Int(Double(iterations) / bestWall)) evaluations/s")
print("best CPU time:   \(Int(Double(iterations) / bestCPU)) evaluations/s on one core (\(formatted(bestCPU / Double(iterations) * 1e9)) ns per evaluation)")
