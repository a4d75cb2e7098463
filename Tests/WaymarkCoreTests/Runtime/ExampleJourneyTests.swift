import Foundation
import Testing
@testable import WaymarkCore

/// The example journeys (examples/journeys) driven through the runtime with a fixed clock.
@Suite struct RuntimeExampleJourneyTests {
    typealias F = RuntimeFixtures

    static func example(_ id: String) throws -> RunnableJourney {
        let configuration = Configuration(documents: try ExampleTests.documents().map(\.1))
        var journey = try #require(configuration.journey(id: id))
        journey.status = .live
        return try RunnableJourney(journey: journey, configuration: configuration)
    }

    static func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    static let cart = """
        {"_id": "c1", "email": "ada@example.com", "cartId": "K-9", "cartTotal": 120.5, "currency": "EUR",
         "items": [{"sku": "A1", "name": "Lamp", "quantity": 1, "price": 120.5}]}
        """

    static func abandon() throws -> (RunnableJourney, JourneyInstance, [RuntimeEffect]) {
        let journey = try example("cart-abandonment")
        let event = IncomingEvent(eventName: "cart_abandoned", eventID: "c1", payload: try json(cart), timestamp: F.t0)
        let (instance, effects) = try F.enter(journey, event)
        return (journey, instance, effects)
    }

    @Test func cartAbandonmentEndsQuietlyWhenThePersonBuys() throws {
        var (journey, instance, effects) = try Self.abandon()
        #expect(effects.path == ["abandoned:transitions"])
        print("cart-abandonment waiting instance state: \(instance.encoded.count) bytes")
        let wait = try #require(effects.timer(for: "wait-1h"))
        let waited = instance.fire(wait, in: journey, context: F.context(wait.dueAt))
        #expect(waited.path == ["wait-1h:transitions"])
        #expect(waited.timer(for: "purchased")?.dueAt == wait.dueAt + 24 * F.hour)
        let bought = instance.handle(.event(F.event("purchased", id: "p1")), in: journey, context: F.context(wait.dueAt + F.hour))
        #expect(bought.path == ["purchased:transitions", "end-purchased:ended"])
    }

    /// (tier, coupon outcome, expected path after the purchase timeout)
    @Test(arguments: [
        ("gold", true, ["purchased:transitions", "loyalty:transitions", "coupon:transitions", "end-coupon:ended"]),
        ("gold", false, ["purchased:transitions", "loyalty:transitions", "coupon:error", "reminder:transitions", "end-reminder:ended"]),
        ("silver", true, ["purchased:transitions", "loyalty:transitions", "reminder:transitions", "end-reminder:ended"]),
    ])
    func cartAbandonmentOffersACouponToGoldMembersAndRemindsTheOthers(tier: String, couponWorks: Bool, expected: [String]) throws {
        var (journey, instance, effects) = try Self.abandon()
        let wait = try #require(effects.timer(for: "wait-1h"))
        let waited = instance.fire(wait, in: journey, context: F.context(wait.dueAt))
        let timeout = try #require(waited.timer(for: "purchased"))
        let profile = RuntimeProfile(attributes: try Self.json(#"{"ProfileFieldGroup": {"loyalty": {"tier": "\#(tier)"}}}"#))
        var all = instance.fire(timeout, in: journey, context: F.context(timeout.dueAt, profile: profile))
        while let call = all.calls.last, instance.pendingCall != nil {
            if call.actionName == "CouponService" {
                #expect(call.payload["customerEmail"] == .string("ada@example.com"))
                #expect(call.payload["cart"]?["id"] == .string("K-9"))
                #expect(call.timeout == 10_000)
            }
            let result = call.actionName == "CouponService" && !couponWorks
                ? ExternalCallResult(callID: call.id, status: 502, errorKind: .http)
                : ExternalCallResult(callID: call.id)
            let more = instance.handle(.actionResult(result), in: journey, context: F.context(timeout.dueAt + 100, profile: profile))
            all += more
            if more.isEmpty { break }
        }
        #expect(all.path == expected)
        #expect(!instance.isActive)
    }

    @Test func orderFollowUpSyncsTheOrderAndAsksForAReviewOrAVIPPush() throws {
        let journey = try Self.example("order-follow-up")
        let order = try Self.json("""
            {"_id": "o1", "orderId": "O-1", "total": 99.9, "placedAt": "2026-11-23T09:00:00Z",
             "customer": {"email": "ada@example.com", "loyaltyId": "L-7", "phone": "+33600000000"}, "lines": []}
            """)
        var (instance, effects) = try F.enter(journey, IncomingEvent(eventName: "order_placed", eventID: "o1", payload: order, timestamp: F.t0))
        let crm = try #require(effects.calls.first)
        #expect(crm.actionName == "CrmOrderSync")
        #expect(crm.dynamicPath == "/ada@example.com/orders")
        #expect(crm.payload["tags"] == .array([.string("web"), .string("journey")]))
        let synced = instance.handle(.actionResult(ExternalCallResult(callID: crm.id)), in: journey, context: F.context(F.t0 + 50))
        #expect(synced.path == ["crm:transitions"])
        let shipped = IncomingEvent(
            eventName: "order_shipped", eventID: "s1",
            payload: try Self.json(#"{"_id": "s1", "orderId": "O-1", "trackingUrl": "https://t.example/1"}"#), timestamp: F.t0 + F.day)
        let sms = instance.handle(.event(shipped), in: journey, context: F.context(F.t0 + F.day))
        let smsCall = try #require(sms.calls.first)
        #expect(smsCall.payload["phoneNumber"] == .string("+33600000000"))
        #expect(smsCall.payload["trackingUrl"] == .string("https://t.example/1"))
        #expect(instance.events["order_shipped"] == nil)
        let sent = instance.handle(.actionResult(ExternalCallResult(callID: smsCall.id)), in: journey, context: F.context(F.t0 + F.day))
        let wait = try #require(sent.timer(for: "wait-3d"))
        let waited = instance.fire(wait, in: journey, context: F.context(wait.dueAt))
        let fetch = try #require(waited.calls.first)
        #expect(fetch.kind == .fetch)
        #expect(fetch.fetches.first?.parameters == ["memberId": .string("L-7")])
        let data = try Self.json(#"{"LoyaltyAPI.Membership": {"tier": "bronze"}}"#)
        let decided = instance.handle(.fetchResult(ExternalCallResult(callID: fetch.id, response: data)), in: journey, context: F.context(wait.dueAt))
        #expect(decided.path == ["tier:transitions"])
        #expect(decided.calls.first?.actionName == "ReviewRequestEmail")
        #expect(decided.calls.first?.payload["orderId"] == .string("O-1"))
    }
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }
}
