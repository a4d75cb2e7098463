import Foundation
import Testing
@testable import WaymarkCore

/// Decoding, encoding and shared configs for the tests.
enum Fixtures {
    static func decode<T: Decodable>(_ json: String, as type: T.Type = T.self) throws -> T {
        try ConfigCoder.decode(type, from: Array(json.utf8))
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try ConfigCoder.encode(value), as: UTF8.self)
    }

    /// Decodes, encodes, decodes again: both values equal and the second encoding is the first.
    static func expectRoundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let first: T = try decode(json)
        let encoded = try encode(first)
        let second: T = try decode(encoded)
        #expect(first == second, sourceLocation: sourceLocation)
        #expect(try encode(second) == encoded, sourceLocation: sourceLocation)
    }

    static let signup = EventConfig(
        id: "evt-1", name: "signup", eventIDType: .systemGenerated(eventID: "abc"),
        schema: FieldSchema([
            SchemaField(name: "email", type: .string, required: true, primaryIdentity: true),
            SchemaField(name: "firstName", type: .string),
        ]),
        namespace: "Email")

    static let crmEvent = EventConfig(
        id: "evt-2", name: "crm_update", eventIDType: .ruleBased(condition: "true"), namespace: "CRM")

    static let welcomeEmail = ActionConfig(
        name: "WelcomeEmail",
        definition: .message(MessageAction(
            channel: .email, template: "welcome",
            fields: [.variable("recipient", .string, required: true), .variable("firstName", .string)])))

    static let coupon = ActionConfig(
        name: "Coupon",
        definition: .custom(CustomAction(
            url: "https://coupons.example.com/v1", method: .post,
            headers: [.variable("X-Trace", .string, required: true), .constant("X-Source", .string("waymark"))],
            payload: [
                .variable("email", .string, required: true),
                ActionParameter(name: "cart", value: .object([.variable("id", .string, required: true)])),
            ],
            responseExample: .object(OrderedFields([("code", .string("X1"))])))))

    static let loyalty = DataSourceConfig(
        name: "Loyalty", provider: .rest(baseURL: "https://loyalty.example.com", authentication: .none),
        fieldGroups: [FieldGroup(name: "Membership", examplePayload: .object(OrderedFields([("tier", .string("gold"))])))])

    static let otherJourney = Journey(
        id: "other", name: "Other", namespace: "Email",
        nodes: [JourneyNode(id: "e", activity: .event(EventActivity(event: "signup")))])

    static let crmJourney = Journey(
        id: "crm-journey", name: "CRM", namespace: "CRM",
        nodes: [JourneyNode(id: "e", activity: .event(EventActivity(event: "crm_update")))])

    static let configuration = Configuration(
        events: [signup, crmEvent], dataSources: [loyalty], actions: [welcomeEmail, coupon],
        journeys: [otherJourney, crmJourney])

    static func node(_ id: String, x: Double, _ activity: NodeActivity, _ transitions: [Transition] = []) -> JourneyNode {
        JourneyNode(id: id, label: id, position: CanvasPosition(x: x, y: 0), activity: activity, transitions: transitions)
    }

    /// signup → wait 1 h → welcome email → end: valid.
    static let validJourney = Journey(
        id: "welcome", name: "Welcome", namespace: "Email",
        nodes: [
            node("start", x: 0, .event(EventActivity(event: "signup")), [Transition(.next, to: "pause")]),
            node("pause", x: 100, .wait(.duration(.hours(1))), [Transition(.next, to: "send")]),
            node("send", x: 200, .action(ActionActivity(action: "WelcomeEmail", parameters: ["recipient": "@event{signup.email}"])),
                 [Transition(.next, to: "end")]),
            node("end", x: 300, .end),
        ])

    /// The directory of the examples, found from this file.
    static let examplesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")
}
