import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct ThrottlingTests {
    private static let noHorizon = Int64.max / 4

    @Test func aBurstOfOneSecondsWorthThenSlotsSpacedAtTheRate() {
        var schedule = ThrottleSchedule(perSecond: 10)
        let slots = (0..<15).map { _ in schedule.reserve(now: 0, horizon: Self.noHorizon) }
        #expect(slots == Array(repeating: 0, count: 10) + [100, 200, 300, 400, 500])
        // Once every slot has passed, a full burst again.
        #expect((0..<11).map { _ in schedule.reserve(now: 2_000, horizon: Self.noHorizon) } == Array(repeating: 2_000, count: 10) + [2_100])
    }

    @Test func anIdleMomentRefillsThePartOfTheBurstItLasted() {
        var schedule = ThrottleSchedule(perSecond: 10)
        for _ in 0..<10 { _ = schedule.reserve(now: 0, horizon: Self.noHorizon) }
        // 300 ms later, three calls' worth came back.
        let slots = (0..<5).map { _ in schedule.reserve(now: 300, horizon: Self.noHorizon) }
        #expect(slots == [300, 300, 300, 400, 500])
    }

    @Test func manyReservationsAreSpacedExactlyAndNeverDecrease() {
        var schedule = ThrottleSchedule(perSecond: 200)
        let slots = (0..<10_000).map { _ in schedule.reserve(now: 0, horizon: Self.noHorizon) }
        #expect(slots.prefix(200).allSatisfy { $0 == 0 })
        #expect(zip(slots.dropFirst(200), slots.dropFirst(201)).allSatisfy { $1 - $0 == 5 })
        #expect(slots.last == 49_000)

        var third = ThrottleSchedule(perSecond: 3)
        #expect((0..<9).map { _ in third.reserve(now: 0, horizon: Self.noHorizon) } == [0, 0, 0, 334, 667, 1_000, 1_334, 1_667, 2_000])
    }

    @Test func slotsNeverGoBackWhenCallersComeOutOfOrder() {
        var schedule = ThrottleSchedule(perSecond: 1)
        #expect(schedule.reserve(now: 1_000, horizon: Self.noHorizon) == 1_000)
        #expect(schedule.reserve(now: 500, horizon: Self.noHorizon) == 2_000)
        #expect(schedule.reserve(now: 400, horizon: Self.noHorizon) == 3_000)
    }

    @Test func aSlotBeyondTheHorizonIsNotReserved() {
        var schedule = ThrottleSchedule(perSecond: 1)
        #expect((0..<3).map { _ in schedule.reserve(now: 0, horizon: 2_000) } == [0, 1_000, 2_000])
        #expect(schedule.reserve(now: 0, horizon: 2_000) == 3_000)
        #expect(schedule.reserve(now: 0, horizon: 2_000) == 3_000)
        #expect(schedule.reserve(now: 1_500, horizon: 2_000) == 3_000)
        #expect(schedule.reserve(now: 1_500, horizon: 2_000) == 4_000)
        #expect(schedule.reserve(now: 1_500, horizon: 2_000) == 4_000)
    }

    @Test func theGateThrottlesPerRuleAndQueuesAtMostSixHours() throws {
        #expect(EndpointGate.maxQueueDuration == .hours(6))
        let rules = try EndpointRules([
            EndpointRule(name: "slow", urlPattern: "https://slow.example.com/", throttle: .init(perSecond: 1)),
            EndpointRule(name: "capped", urlPattern: "https://capped.example.com/", cap: .init(calls: 1, period: .seconds(1))),
        ])
        let gate = EndpointGate(rules: rules)
        #expect(gate.reserveSlot(method: .post, url: "https://fast.example.com/", now: 7) == 7)
        #expect(gate.reserveSlot(method: .post, url: "https://capped.example.com/", now: 7) == 7)
        let slots = (0...21_600).map { _ in gate.reserveSlot(method: .post, url: "https://slow.example.com/x", now: 0) }
        #expect(slots.last == 21_600_000)
        #expect(gate.reserveSlot(method: .post, url: "https://slow.example.com/x", now: 0) == 21_601_000)
        #expect(gate.reserveSlot(method: .get, url: "https://slow.example.com/y", now: 0) == 21_601_000)
        #expect(gate.reserveSlot(method: .get, url: "https://slow.example.com/y", now: 1_000) == 21_601_000)
        #expect(gate.reserveSlot(method: .get, url: "https://slow.example.com/y", now: 1_000) == 21_602_000)
    }
}
