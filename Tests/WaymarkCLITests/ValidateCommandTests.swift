import Foundation
import Testing
import WaymarkCore

@Suite struct ValidateCommandTests {
    /// The issues of a `--format json` report, flattened with their file.
    private func issues(in report: JSONValue) throws -> [(path: String, issue: OrderedFields<JSONValue>)] {
        guard case .object(let root) = report, case .array(let files)? = root["files"] else {
            Issue.record("not a report: \(report)")
            return []
        }
        return files.flatMap { file -> [(path: String, issue: OrderedFields<JSONValue>)] in
            guard case .object(let fields) = file, case .string(let path)? = fields["path"],
                case .array(let issues)? = fields["issues"]
            else { return [] }
            return issues.compactMap { if case .object(let issue) = $0 { (path, issue) } else { nil } }
        }
    }

    @Test func theExamplesValidateClean() throws {
        let outcome = try WaymarkProcess.run(["validate", "examples"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.hasSuffix("0 errors, 0 warnings\n"))
        let journeys = outcome.standardOutput.split(separator: "\n").filter { $0.contains("(journey ") }
        #expect(journeys.count >= 3)
        #expect(outcome.standardOutput.contains("examples/journeys/welcome.yaml (journey \"Welcome new members\"): ok"))
    }

    @Test func aBrokenJourneyGetsItsCodesNodesAndPositions() throws {
        let outcome = try WaymarkProcess.run([
            "validate", "--format", "json", "examples/events", "examples/actions", "examples/data-sources",
            "Tests/WaymarkCLITests/Fixtures/broken-cart-abandonment.json",
        ])
        #expect(outcome.status == 1)
        let report = try JSONValue(parsing: outcome.standardOutput)
        let found = try issues(in: report).filter { $0.path.hasSuffix("broken-cart-abandonment.json") }.map(\.issue)
        #expect(found.map { $0["code"] } == [
            .string("ERR_WAIT_TOO_LONG"), .string("ERR_EXPR_UNKNOWN_FIELD"), .string("ERR_EXPR_SYNTAX"),
            .string("WARN_DISCONNECTED_NODE"),
        ])
        #expect(found.map { $0["nodeId"] } == [.string("wait-1h"), .string("loyalty"), .string("coupon"), .string("orphan")])
        #expect(found[1]["field"] == .string("condition.paths[0].expression"))
        #expect(found[1]["position"] == (try JSONValue(parsing: #"{"offset": 86, "line": 2, "column": 20}"#)))
        #expect(found[2]["position"] == (try JSONValue(parsing: #"{"offset": 34, "line": 1, "column": 35}"#)))
        #expect(found[3]["severity"] == .string("warning"))
        guard case .object(let root) = report else { return }
        #expect(root["errors"] == .int(3))
        #expect(root["warnings"] == .int(1))
    }

    @Test func aJourneyAloneCannotFindItsEvents() throws {
        let outcome = try WaymarkProcess.run(["validate", "examples/journeys/cart-abandonment.json"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("ERR_UNKNOWN_EVENT"))
    }

    @Test func warningsAloneDoNotFail() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let journey = try String(contentsOfFile: "\(WaymarkProcess.packageRoot.path)/examples/journeys/order-follow-up.json", encoding: .utf8)
        let withOrphan = journey.replacingOccurrences(
            of: #""nodes": ["#, with: #""nodes": [{"id": "orphan", "kind": "end", "label": "Orphan", "position": {"x": 9000, "y": 0}},"#)
        try withOrphan.write(to: directory.appendingPathComponent("journey.json"), atomically: true, encoding: .utf8)
        let outcome = try WaymarkProcess.run([
            "validate", "examples/events", "examples/actions", "examples/data-sources", directory.path,
        ])
        #expect(outcome.standardOutput.contains("WARN_DISCONNECTED_NODE"))
        #expect(outcome.status == 0)
    }

    @Test func unreadableFilesAreErrorsNamingWhere() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "{\"kind\": \"event\", \"name\": \"x\",\n \"id\": }".write(
            to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try "kind: event\nname: this_name_is_far_too_long_for_an_event\nid: e\nnamespace: Email\neventIDType: {kind: systemGenerated, eventID: x}\n"
            .write(to: directory.appendingPathComponent("long.yaml"), atomically: true, encoding: .utf8)
        let outcome = try WaymarkProcess.run(["validate", "--format", "json", directory.path])
        #expect(outcome.status == 1)
        let found = try issues(in: try JSONValue(parsing: outcome.standardOutput))
        #expect(found.map { $0.issue["code"] } == [.string("ERR_CONFIG_INVALID"), .string("ERR_CONFIG_INVALID")])
        guard case .string(let badMessage)? = found.first?.issue["message"],
            case .string(let longMessage)? = found.last?.issue["message"]
        else {
            Issue.record("messages missing")
            return
        }
        #expect(badMessage.contains("line 2"))
        #expect(longMessage.contains("30"))
        #expect(found.last?.issue["field"] == .string("name"))
    }

    @Test func aConfigDefinedInTwoFilesIsAnErrorNamingTheFirst() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let signup = try String(contentsOfFile: "\(WaymarkProcess.packageRoot.path)/examples/events/signup.json", encoding: .utf8)
        try signup.write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try signup.write(to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        let outcome = try WaymarkProcess.run(["validate", "--format", "json", directory.path])
        #expect(outcome.status == 1)
        let found = try issues(in: try JSONValue(parsing: outcome.standardOutput))
        #expect(found.map(\.path.lastPathComponentOfPath) == ["b.json"])
        #expect(found.first?.issue["code"] == .string("ERR_DUPLICATE_NAME"))
        guard case .string(let message)? = found.first?.issue["message"] else {
            Issue.record("no message")
            return
        }
        #expect(message.contains("a.json"))
    }

    @Test func aMissingPathIsAUsageError() throws {
        let outcome = try WaymarkProcess.run(["validate", "no/such/folder"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no/such/folder"))
    }
}

private extension String {
    /// The last component of a path such as `/tmp/x/b.json`.
    var lastPathComponentOfPath: String { split(separator: "/").last.map(String.init) ?? self }
}
