import Foundation
import Testing
import WaymarkCore

@Suite struct EvaluateExpressionCommandTests {
    /// Runs `waymark expression evaluate` and parses the one JSON line it prints.
    private func evaluate(_ arguments: [String]) throws -> (status: Int32, document: JSONValue) {
        let outcome = try WaymarkProcess.run(["expression", "evaluate"] + arguments)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(outcome.standardOutput)")
        return (outcome.status, try JSONValue(parsing: String(lines.first ?? "")))
    }

    private func writeTemporary(_ text: String, extension fileExtension: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("waymark-context-\(UUID().uuidString).\(fileExtension)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: [
        ("1 + 2 * 3", #"{"type":"integer","value":7}"#),
        (#""abc" + 1234"#, #"{"type":"string","value":"abc1234"}"#),
        ("toDuration(\"PT1H30M\")", #"{"type":"duration","value":"PT1H30M"}"#),
        ("now()", #"{"type":"dateTime","value":"2021-02-19T10:00:00+01:00"}"#),
        ("[1.5, 2.5]", #"{"type":"listDecimal","value":[1.5,2.5]}"#),
    ])
    func printsTypeAndValue(expression: String, expected: String) throws {
        let result = try evaluate(["--now", "2021-02-19T10:00:00+01:00", "--", expression])
        #expect(result.status == 0)
        #expect(result.document == (try JSONValue(parsing: expected)))
    }

    @Test func readsFieldsFromAJSONContextFile() throws {
        let context = try writeTemporary(
            #"{"events": {"Purchase": {"amount": 12, "identityMap": {"Email": [{"id": "a@b.c"}]}}}, "audiences": ["vip"]}"#,
            extension: "json")
        let condition = try evaluate(["--context", context, "@{Purchase.amount} > 10 and inAudience(\"vip\")"])
        #expect(condition.document == (try JSONValue(parsing: #"{"type":"boolean","value":true}"#)))
        let identity = try evaluate(["--context", context, "@{Purchase.identityMap.entry('Email').first().id}"])
        #expect(identity.document == (try JSONValue(parsing: #"{"type":"string","value":"a@b.c"}"#)))
    }

    @Test func readsAYAMLContextFile() throws {
        let context = try writeTemporary("dataSources:\n  Weather:\n    Current:\n      rain: {'3h': 1.5}\n", extension: "yaml")
        let result = try evaluate(["--context", context, "#{Weather.Current.rain.'3h'}"])
        #expect(result.document == (try JSONValue(parsing: #"{"type":"decimal","value":1.5}"#)))
    }

    @Test func anUnknownFieldIsAnErrorWithItsPosition() throws {
        let context = try writeTemporary(#"{"events": {"Purchase": {"amount": 12}}}"#, extension: "json")
        let result = try evaluate(["--context", context, "1 +\n  @{Purchase.amont}"])
        #expect(result.status == 1)
        let expected = try JSONValue(parsing: #"{"offset": 17, "line": 2, "column": 14}"#)
        guard case .object(let root) = result.document, case .object(let error)? = root["error"] else {
            Issue.record("not an error document: \(result.document)")
            return
        }
        #expect(error["code"] == .string("ERR_EXPR_UNKNOWN_FIELD"))
        #expect(error["position"] == expected)
    }

    @Test func aSyntaxErrorExitsNonZeroWithCodeAndPosition() throws {
        let result = try evaluate(["1 +"])
        #expect(result.status == 1)
        guard case .object(let root) = result.document, case .object(let error)? = root["error"] else {
            Issue.record("not an error document: \(result.document)")
            return
        }
        #expect(error["code"] == .string("ERR_EXPR_SYNTAX"))
        #expect(error["position"] != .null)
    }

    @Test func aMalformedContextFileIsAnError() throws {
        let context = try writeTemporary(#"{"events": {"#, extension: "json")
        let result = try evaluate(["--context", context, "1"])
        #expect(result.status == 1)
        guard case .object(let root) = result.document, case .object(let error)? = root["error"] else {
            Issue.record("not an error document: \(result.document)")
            return
        }
        #expect(error["code"] == .string("ERR_EXPR_CONTEXT"))
        #expect(error["position"] == .null)
    }

    @Test func aBadNowIsRejectedBeforeEvaluating() throws {
        let outcome = try WaymarkProcess.run(["expression", "evaluate", "--now", "yesterday", "1"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--now"))
    }
}
