import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore

/// A gate that answers what it is told and keeps what it is told.
private final class ScriptedGate: CallGate {
    let decision: GateDecision
    let slot: Int64?
    let records = Mutex<[(host: String, succeeded: Bool)]>([])
    let checkedURLs = Mutex<[String]>([])

    init(decision: GateDecision = .proceed, slot: Int64? = nil) {
        self.decision = decision
        self.slot = slot
    }

    func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision {
        checkedURLs.withLock { $0.append(url) }
        return decision
    }

    func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64 { slot ?? now }

    func record(host: String, succeeded: Bool, now: Int64) {
        records.withLock { $0.append((host, succeeded)) }
    }
}

@Suite struct GateTests {
    /// A capped call fails as `capped`, a call to an open circuit as `internal`/`circuitOpen`; neither is made.
    @Test(arguments: [
        (GateDecision.capped, ExternalCallErrorKind.capped, "capped"), (.circuitOpen, .internal, "circuitOpen"),
    ])
    func refusedCallIsNotMade(decision: GateDecision, kind: ExternalCallErrorKind, code: String) async throws {
        let gate = ScriptedGate(decision: decision)
        try await Harness.run(gate: gate, handler: { _ in .json("{}") }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == kind)
            #expect(result.errorCode == code)
            #expect(result.status == nil)
            #expect(harness.recorder.all.isEmpty)
            #expect(gate.checkedURLs.withLock { $0 } == [harness.baseURL + "/x"])
            #expect(gate.records.withLock { $0.isEmpty })
        }
    }

    @Test(arguments: [(200, true), (404, true), (500, false)])
    func outcomesAreRecordedForTheHost(status: Int, succeeded: Bool) async throws {
        let gate = ScriptedGate()
        try await Harness.run(gate: gate, handler: { _ in .status(status) }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            _ = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            let records = gate.records.withLock { $0 }
            #expect(records.map(\.host) == [harness.baseURL])
            #expect(records.map(\.succeeded) == [succeeded])
        }
    }

    @Test func timeoutCountsAsAFailure() async throws {
        let gate = ScriptedGate()
        try await Harness.run(gate: gate, handler: { _ in
            try? await Task.sleep(for: .seconds(1))
            return .status(200)
        }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let result = await harness.executor.execute(Fixture.actionRequest(timeout: 150), configuration: configuration)
            #expect(result.errorKind == .timeout)
            #expect(gate.records.withLock { $0.map(\.succeeded) } == [false])
        }
    }

    @Test func admissionFollowsTheReservedSlot() async throws {
        try await Harness.run(handler: { _ in .json("{}") }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let request = Fixture.actionRequest()
            let throttled = HTTPCallExecutor(transport: harness.transport, gate: ScriptedGate(slot: 5_000))
            #expect(throttled.admission(for: request, configuration: configuration, now: 1_000) == .at(5_000))
            let barely = HTTPCallExecutor(transport: harness.transport, gate: ScriptedGate(slot: 1_003))
            #expect(barely.admission(for: request, configuration: configuration, now: 1_000) == .now)
            #expect(harness.executor.admission(for: request, configuration: configuration, now: 1_000) == .now)
        }
    }
}
