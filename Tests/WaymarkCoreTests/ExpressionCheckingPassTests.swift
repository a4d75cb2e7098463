import Testing
@testable import WaymarkCore

/// The expression rules of validation: every expression of a journey compiles against the
/// configuration's schemas, and errors carry their code, node, setting and position.
@Suite struct ExpressionCheckingPassTests {
    static let purchase = """
        {"kind": "event", "id": "evt-purchase", "name": "purchase", "namespace": "Email",
         "eventIDType": {"kind": "systemGenerated", "eventID": "abc"},
         "schema": [{"name": "email", "type": "string", "primaryIdentity": true},
                    {"name": "amount", "type": "decimal"},
                    {"name": "items", "type": "listObject", "fields": [{"name": "sku", "type": "string"}]}]}
        """

    /// A journey `purchase → condition(expression) → end` in the Email namespace.
    static func journey(condition expression: String) -> String {
        let escaped = expression.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
            {"kind": "journey", "id": "j", "name": "J", "version": "1.0", "status": "draft", "namespace": "Email",
             "nodes": [
               {"id": "start", "kind": "event", "label": "Purchase", "position": {"x": 0, "y": 0}, "event": "purchase",
                "transitions": [{"kind": "next", "target": "check"}]},
               {"id": "check", "kind": "condition", "label": "Check", "position": {"x": 100, "y": 0},
                "condition": {"type": "dataSource", "paths": [{"label": "Yes", "expression": "\(escaped)"}]},
                "transitions": [{"kind": "path", "label": "Yes", "target": "done"}]},
               {"id": "done", "kind": "end", "label": "Done", "position": {"x": 200, "y": 0}}]}
            """
    }

    private func issues(condition expression: String) throws -> [ValidationIssue] {
        let event = try ConfigDocument.decode(from: Array(Self.purchase.utf8))
        guard case .journey(let journey) = try ConfigDocument.decode(from: Array(Self.journey(condition: expression).utf8)) else {
            Issue.record("not a journey")
            return []
        }
        let configuration = Configuration(documents: [event])
        return JourneyValidator(configuration: configuration, passes: [ExpressionCheckingPass()]).validate(journey)
    }

    @Test(arguments: [
        "@{purchase.amount} > 100",
        "@event{purchase.items}.first(currentEventField.sku == \"x\") is not null",
        "startWith(@{purchase.email}, \"vip\") and @{purchase.identityMap.entry('Email').first().id} is not null",
        "#{ExperiencePlatform.ProfileFieldGroup.person.name.firstName} is null or true",
    ])
    func validConditionsGiveNoIssue(expression: String) throws {
        let found = try issues(condition: expression)
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: [
        ("@{purchase.amont} > 100", "ERR_EXPR_UNKNOWN_FIELD", 11),
        ("@{purchse.amount} > 100", "ERR_EXPR_UNKNOWN_EVENT", 2),
        ("@{purchase.amount} +", "ERR_EXPR_SYNTAX", 20),
        ("@{purchase.amount}", "ERR_EXPR_TYPE", 0),
        ("startsWith(@{purchase.email}, \"a\")", "ERR_EXPR_UNKNOWN_FUNCTION", 0),
    ])
    func brokenConditionsAreErrorsWithPosition(expression: String, code: String, offset: Int) throws {
        let found = try issues(condition: expression)
        let issue = try #require(found.first)
        #expect(found.count == 1)
        #expect(issue.severity == .error)
        #expect(issue.code.rawValue == code)
        #expect(issue.nodeId == "check")
        #expect(issue.field == "condition.paths[0].expression")
        #expect(issue.position?.offset == offset)
        #expect(issue.position?.line == 1)
    }

    @Test func eventKeyAndRuleConditionsAreChecked() throws {
        let document = """
            {"kind": "event", "id": "evt-visit", "name": "visit", "namespace": "Email",
             "eventIDType": {"kind": "ruleBased", "condition": "@event{visit.city} == 3"},
             "key": "@event{visit.mail}",
             "schema": [{"name": "city", "type": "string"}, {"name": "email", "type": "string"}]}
            """
        guard case .event(let event) = try ConfigDocument.decode(from: Array(document.utf8)) else {
            Issue.record("not an event")
            return
        }
        let found = ConfigValidator.expressionIssues(of: event, in: Configuration(events: [event]))
        #expect(found.map(\.code.rawValue) == ["ERR_EXPR_UNKNOWN_FIELD", "ERR_EXPR_TYPE"])
        #expect(found.map(\.field) == ["key", "eventIDType.condition"])
    }

    @Test func theDefaultKeyOfAnEventWithoutPrimaryIdentityCompiles() throws {
        let event = EventConfig(
            id: "e", name: "signup", eventIDType: .systemGenerated(eventID: "x"), schema: FieldSchema(), namespace: "Email")
        #expect(ConfigValidator.expressionIssues(of: event, in: Configuration(events: [event])).isEmpty)
    }
}
