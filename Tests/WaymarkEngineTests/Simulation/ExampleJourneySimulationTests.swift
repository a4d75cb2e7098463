import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// The example journeys run on the real engine (memory store, virtual clock) take their expected paths.
@Suite struct ExampleJourneySimulationTests {
    static func profile(_ email: String, tier: String) -> ProfileRecord {
        ProfileRecord(
            key: ProfileKey(namespace: "Email", id: email),
            attributes: .object(OrderedFields([
                ("ProfileFieldGroup", .object(OrderedFields([("loyalty", .object(OrderedFields([("tier", .string(tier))])))]))),
            ])),
            updatedAt: 0)
    }

    static func cartAbandoned(_ id: String, _ email: String, at time: String) -> TimedEvent {
        Examples.event(id, at: time, eventID: Examples.cartAbandonedID, [
            "email": .string(email), "cartId": .string("cart-\(id)"), "cartTotal": .double(42.5),
        ])
    }

    @Test func cartAbandonmentBuyersEndAtBoughtOthersSplitByLoyaltyTier() async throws {
        let journey = try Examples.journey("cart-abandonment.json")
        let simulation = Simulation(
            documents: try Examples.configs() + [Simulation.asLive(journey)],
            profiles: [Self.profile("ann@example.com", tier: "gold"), Self.profile("bob@example.com", tier: "gold"),
                Self.profile("cat@example.com", tier: "silver")])
        let events = [
            Self.cartAbandoned("c1", "ann@example.com", at: "2026-03-02T10:00:00Z"),
            Self.cartAbandoned("c2", "bob@example.com", at: "2026-03-02T10:00:00Z"),
            Self.cartAbandoned("c3", "cat@example.com", at: "2026-03-02T10:05:00Z"),
            Self.cartAbandoned("c4", "dan@example.com", at: "2026-03-02T10:10:00Z"),
            // Ann buys 5 hours later, within the 24 hours the journey waits after its first hour.
            Examples.event("p1", at: "2026-03-02T15:00:00Z", [
                "eventType": .string("commerce.purchases"), "email": .string("ann@example.com"),
            ]),
        ]
        let outcome = try await simulation.run(events)
        let summary = outcome.summary
        #expect(summary.entered == 4)
        #expect(summary.endedCount(atNode: "end-purchased") == 1)
        #expect(summary.transitionCount(from: "purchased", to: "loyalty") == 3)
        #expect(summary.endedCount(atNode: "end-coupon") == 1)
        #expect(summary.endedCount(atNode: "end-reminder") == 2)
        #expect(outcome.steps.first { $0.nodeID == "end-purchased" }?.profileID == "ann@example.com")
        #expect(outcome.steps.first { $0.nodeID == "end-coupon" }?.profileID == "bob@example.com")
        #expect(outcome.calls.compactMap(\.actionName).sorted() == ["CartReminderEmail", "CartReminderEmail", "CouponService"])
        #expect(Set(outcome.steps.map(\.stepID)).count == outcome.steps.count)
    }

    @Test func aFailingActionTakesItsErrorPath() async throws {
        let journey = try Examples.journey("cart-abandonment.json")
        let executor = RecordingCallExecutor()
        executor.fail(action: "CouponService", with: .http, errorCode: "503")
        let simulation = Simulation(
            documents: try Examples.configs() + [Simulation.asLive(journey)],
            profiles: [Self.profile("bob@example.com", tier: "gold")], executor: executor)
        let outcome = try await simulation.run([Self.cartAbandoned("c2", "bob@example.com", at: "2026-03-02T10:00:00Z")])
        #expect(outcome.summary.transitionCount(from: "coupon", to: "reminder") == 1)
        #expect(outcome.summary.endedCount(atNode: "end-reminder") == 1)
        let coupon = try #require(outcome.steps.first { $0.nodeID == "coupon" })
        #expect(coupon.stepStatus == .error)
        #expect(coupon.actionExecutionErrorCode == "503")
        #expect(outcome.calls.compactMap(\.actionName) == ["CouponService", "CartReminderEmail"])
    }

    @Test func orderFollowUpShippedOrdersGetTheirMessagesUnshippedOnesTimeOutAfterAWeek() async throws {
        let journey = try Examples.journey("order-follow-up.json")
        let simulation = Simulation(documents: try Examples.configs() + [Simulation.asLive(journey)])
        let events = [
            Examples.event("o1", at: "2026-03-03T08:00:00Z", eventID: Examples.orderPlacedID, [
                "orderId": .string("O-1"), "total": .double(99.9),
                "customer": .object(OrderedFields([("email", .string("eve@example.com")), ("loyaltyId", .string("L-1"))])),
            ]),
            Examples.event("o2", at: "2026-03-03T09:00:00Z", eventID: Examples.orderPlacedID, [
                "orderId": .string("O-2"), "total": .int(15),
                "customer": .object(OrderedFields([("email", .string("fay@example.com"))])),
            ]),
            Examples.event("s1", at: "2026-03-05T12:00:00Z", eventID: Examples.orderShippedID, [
                "orderId": .string("O-1"),
                "identityMap": .object(OrderedFields([
                    ("Email", .array([.object(OrderedFields([("id", .string("eve@example.com")), ("primary", .bool(true))]))])),
                ])),
            ]),
        ]
        let outcome = try await simulation.run(events)
        let summary = outcome.summary
        #expect(summary.entered == 2)
        #expect(summary.transitionCount(from: "shipped", to: "sms") == 1)
        #expect(summary.transitionCount(from: "wait-3d", to: "tier") == 1)
        // The recorder answers the loyalty API with the field group's example payload: tier gold.
        #expect(summary.endedCount(atNode: "end-vip") == 1)
        #expect(summary.endedCount(atNode: "end-not-shipped") == 1)
        let notShipped = try #require(outcome.steps.first { $0.nodeID == "end-not-shipped" })
        #expect(notShipped.profileID == "fay@example.com")
        #expect(notShipped.timestamp == Examples.event("x", at: "2026-03-10T09:00:00Z", [:]).timestamp)
        #expect(outcome.calls.compactMap(\.actionName).sorted() == ["CrmOrderSync", "CrmOrderSync", "ShippingSms", "VipPush"])
    }

    @Test func twoThousandPeopleWaitingAWeekRunOnTheVirtualClock() async throws {
        // Every person waits up to 7 days for a shipment that never comes: the clock jumps a week.
        let journey = try Examples.journey("order-follow-up.json")
        let simulation = Simulation(documents: try Examples.configs() + [Simulation.asLive(journey)])
        let events = (0..<2_000).map { index in
            Examples.event("o\(index)", at: "2026-03-03T08:00:00Z", eventID: Examples.orderPlacedID, [
                "orderId": .string("O-\(index)"), "total": .int(10),
                "customer": .object(OrderedFields([("email", .string("p\(index)@example.com"))])),
            ])
        }
        let outcome = try await simulation.run(events)
        #expect(outcome.summary.entered == 2_000)
        #expect(outcome.summary.endedCount(atNode: "end-not-shipped") == 2_000)
        #expect(outcome.endedAt >= events[0].timestamp + 7 * 86_400_000)
    }
}
