import Testing
import WaymarkEngine

@Suite struct VirtualClockTests {
    /// Waits until `count` tasks sleep on `clock` (they register asynchronously).
    static func waitForSleepers(_ count: Int, on clock: VirtualClock) async {
        while clock.sleeperCount < count { await Task.yield() }
    }

    @Test func timeMovesOnlyWhenAdvanced() {
        let clock = VirtualClock(now: 1_000)
        #expect(clock.now() == 1_000)
        clock.advance(by: 500)
        #expect(clock.now() == 1_500)
        clock.advance(to: 1_200)  // never backward
        #expect(clock.now() == 1_500)
    }

    @Test func sleeperWakesWhenItsDeadlineIsReached() async throws {
        let clock = VirtualClock(now: 0)
        let sleeper = Task { try await clock.sleep(until: 3_600_000) }
        await Self.waitForSleepers(1, on: clock)
        clock.advance(to: 3_599_999)
        #expect(clock.sleeperCount == 1)
        clock.advance(to: 3_600_000)
        try await sleeper.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepingUntilThePastReturnsAtOnce() async throws {
        let clock = VirtualClock(now: 10)
        try await clock.sleep(until: 5)
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancellingASleeperThrowsAndForgetsIt() async {
        let clock = VirtualClock(now: 0)
        let sleeper = Task { try await clock.sleep(until: 1_000) }
        await Self.waitForSleepers(1, on: clock)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func doorbellRungBeforeWaitingIsRemembered() async {
        let doorbell = Doorbell()
        doorbell.ring()
        await doorbell.wait()  // returns at once: the ring was kept
    }

    @Test func doorbellWaitEndsAtItsDeadlineOnTheClock() async {
        let clock = VirtualClock(now: 0)
        let doorbell = Doorbell()
        let waiter = Task { await doorbell.wait(until: 60_000, on: clock) }
        await Self.waitForSleepers(1, on: clock)
        clock.advance(to: 60_000)
        await waiter.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func doorbellRingEndsAWaitBeforeItsDeadline() async {
        let clock = VirtualClock(now: 0)
        let doorbell = Doorbell()
        let waiter = Task { await doorbell.wait(until: 60_000, on: clock) }
        await Self.waitForSleepers(1, on: clock)
        doorbell.ring()
        await waiter.value
        #expect(clock.now() == 0)
        #expect(clock.sleeperCount == 0)
    }
}
