import Foundation
import Testing
import WaymarkCore

/// `waymark simulate` run as a real process on the example journeys.
@Suite struct SimulateTests {
    static let signupID = "b1f0c6a4e2d94b0c8a3f5e7d9c1b2a30"
    static let cartAbandonedID = "6c1e4b2f9a8d47e0b3c5d7f9a1b3c5d7"

    /// Writes `lines` to a new temporary file and returns its path.
    static func file(_ name: String, _ lines: [String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    static func signup(_ id: String, _ email: String, at time: String) -> String {
        """
        {"_id":"\(id)","timestamp":"\(time)","_experience":{"campaign":{"orchestration":{"eventID":"\(signupID)"}}},\
        "email":"\(email)","signedUpAt":"\(time)"}
        """
    }

    static func cartAbandoned(_ id: String, _ email: String, at time: String) -> String {
        """
        {"_id":"\(id)","timestamp":"\(time)","_experience":{"campaign":{"orchestration":{"eventID":"\(cartAbandonedID)"}}},\
        "email":"\(email)","cartId":"cart-\(id)","cartTotal":42.5}
        """
    }

    /// The `count` of a summary line `label  count` in `section`.
    /// Eve's order (the multi-step example journey's entry event).
    static let orderPlaced = """
        {"_id":"o1","timestamp":"2026-03-03T08:00:00Z","_experience":{"campaign":{"orchestration":\
        {"eventID":"0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"}}},"orderId":"O-1","total":99.9,\
        "customer":{"email":"eve@example.com","loyaltyId":"L-1"}}
        """
    /// Eve's order shipped two days later.
    static let orderShipped = """
        {"_id":"s1","timestamp":"2026-03-05T12:00:00Z","_experience":{"campaign":{"orchestration":\
        {"eventID":"7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"}}},"orderId":"O-1",\
        "identityMap":{"Email":[{"id":"eve@example.com","primary":true}]}}
        """

    static func count(_ label: String, in section: String, of output: String) -> Int? {
        let lines = output.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(of: "\(section):") else { return nil }
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  ") else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(label + " ") { return Int(trimmed.split(separator: " ").last ?? "") }
        }
        return nil
    }

    @Test func welcomeYAMLGreetsEveryoneOnceAfterTenMinutes() throws {
        let events = try Self.file("signups.ndjson", [
            Self.signup("e1", "ann@example.com", at: "2026-03-01T09:00:00Z"),
            Self.signup("e2", "bob@example.com", at: "2026-03-01T09:05:00Z"),
            Self.signup("e3", "ann@example.com", at: "2026-03-01T09:06:00Z"),  // no re-entrance
        ])
        let outcome = try WaymarkProcess.run([
            "simulate", "--config", "examples", "--journey", "examples/journeys/welcome.yaml", "--events", events,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let output = outcome.standardOutput
        #expect(output.contains("Entered: 2"))
        #expect(Self.count("pause -> welcome-email [next]", in: "Transitions", of: output) == 2)
        #expect(Self.count("end (End)", in: "Ended at", of: output) == 2)
        #expect(Self.count("reentranceNotAllowed", in: "Discarded events", of: output) == 1)
        #expect(Self.count("WelcomeEmail", in: "Calls", of: output) == 2)
    }

    @Test func cartAbandonmentBuyersEndAtBoughtOthersSplitByLoyaltyTier() throws {
        let events = try Self.file("carts.json", [
            "[",
            Self.cartAbandoned("c1", "ann@example.com", at: "2026-03-02T10:00:00Z") + ",",
            Self.cartAbandoned("c2", "bob@example.com", at: "2026-03-02T10:00:00Z") + ",",
            Self.cartAbandoned("c3", "cat@example.com", at: "2026-03-02T10:05:00Z") + ",",
            """
            {"_id":"p1","timestamp":"2026-03-02T15:00:00Z","eventType":"commerce.purchases","email":"ann@example.com"}
            """,
            "]",
        ])
        let profiles = try Self.file("profiles.ndjson", [
            #"{"namespace":"Email","id":"bob@example.com","attributes":{"ProfileFieldGroup":{"loyalty":{"tier":"gold"}}}}"#,
            #"{"namespace":"Email","id":"cat@example.com","attributes":{"ProfileFieldGroup":{"loyalty":{"tier":"silver"}}}}"#,
        ])
        let outcome = try WaymarkProcess.run([
            "simulate", "--config", "examples/events", "--config", "examples/actions", "--config", "examples/data-sources",
            "--journey", "examples/journeys/cart-abandonment.json", "--events", events, "--profiles", profiles,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let output = outcome.standardOutput
        #expect(output.contains("Entered: 3"))
        #expect(Self.count("end-purchased (Bought)", in: "Ended at", of: output) == 1)
        #expect(Self.count("purchased -> loyalty [timeout]", in: "Transitions", of: output) == 2)
        #expect(Self.count("loyalty -> coupon [Gold]", in: "Transitions", of: output) == 1)
        #expect(Self.count("loyalty -> reminder [otherCases]", in: "Transitions", of: output) == 1)
        #expect(Self.count("end-coupon (Coupon sent)", in: "Ended at", of: output) == 1)
        #expect(Self.count("end-reminder (Reminded)", in: "Ended at", of: output) == 1)
    }

    @Test func orderFollowUpPrintsEveryStepAsNDJSON() throws {
        let events = try Self.file("orders.ndjson", [Self.orderPlaced, Self.orderShipped])
        let outcome = try WaymarkProcess.run([
            "simulate", "--config", "examples", "--journey", "examples/journeys/order-follow-up.json", "--events", events,
            "--format", "ndjson",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let steps = try outcome.standardOutput.split(separator: "\n").map { line -> OrderedFields<JSONValue> in
            guard case .object(let fields) = try JSONValue(parsing: String(line)) else { throw CocoaError(.coderReadCorrupt) }
            return fields
        }
        #expect(steps.map { $0["nodeID"] } == ["order", "crm", "shipped", "sms", "wait-3d", "tier", "vip", "end-vip"].map(JSONValue.string))
        #expect(steps.first?["entrance"] == .bool(true))
        #expect(steps.last?["instanceEnded"] == .bool(true))
        #expect(Set(steps.compactMap { $0["stepID"] }).count == steps.count)
    }

    @Test func anEventWithoutTimestampIsNamedByLine() throws {
        let events = try Self.file("bad.ndjson", [Self.signup("e1", "ann@example.com", at: "2026-03-01T09:00:00Z"), #"{"_id":"e2"}"#])
        let outcome = try WaymarkProcess.run([
            "simulate", "--config", "examples", "--journey", "examples/journeys/welcome.yaml", "--events", events,
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("bad.ndjson line 2: no timestamp"))
    }
}
