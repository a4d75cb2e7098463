import Foundation
import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkLoopback

/// The REST API of `WaymarkServer`, over real HTTP on loopback: health, configs, ingestion, and
/// a published journey calling a real receiver.
@Suite struct ServerAPITests {
    static let signup = """
        {"kind":"event","id":"evt-signup","name":"signup","eventIDType":{"kind":"systemGenerated","eventID":"evt-signup-1"},"namespace":"Email",
         "schema":[{"name":"email","type":"string","required":true,"primaryIdentity":true},{"name":"plan","type":"string"}]}
        """

    static func hook(url: String) -> String {
        """
        {"kind":"action","name":"SignupHook","type":"custom","url":"\(url)","method":"POST",
         "authentication":{"kind":"basic","username":"waymark","password":"s3cret-pw"},
         "payload":[{"name":"email","kind":"variable","type":"string","required":true},{"name":"plan","kind":"variable","type":"string"}]}
        """
    }

    static let journey = """
        {"kind":"journey","id":"greet","name":"Greet","version":"1.0","status":"live","namespace":"Email",
         "nodes":[
          {"id":"start","kind":"event","event":"signup","transitions":[{"kind":"next","target":"call"}]},
          {"id":"call","kind":"action","action":"SignupHook",
           "parameters":{"email":"@event{signup.email}","plan":"@event{signup.plan}"},
           "transitions":[{"kind":"next","target":"end"}]},
          {"id":"end","kind":"end"}]}
        """

    static func event(_ id: String, email: String, plan: String = "pro") -> String {
        #"{"_id":"\#(id)","timestamp":"2026-11-23T08:00:00Z","eventType":"signup","_experience":{"campaign":{"orchestration":{"eventID":"evt-signup-1"}}},"email":"\#(email)","plan":"\#(plan)"}"#
    }

    @Test func healthAndReadinessAnswer() async throws {
        try await ServerHarness.run { server in
            let health = try await server.send(.get, "/healthz")
            #expect(health.status == 200)
            #expect(health.json == (try JSONValue(parsing: #"{"status":"ok"}"#)))
            #expect(try await server.send(.get, "/readyz").json.at("status") == .string("ready"))
        }
    }

    @Test func unknownRoutesAndMethodsGetTheErrorShape() async throws {
        try await ServerHarness.run { server in
            let missing = try await server.send(.get, "/v1/nothing")
            #expect(missing.status == 404)
            #expect(missing.json.at("error", "code") == .string("ERR_NOT_FOUND"))
            let wrongMethod = try await server.send(.put, "/healthz")
            #expect([404, 405].contains(wrongMethod.status))
            #expect(wrongMethod.json.at("error", "message") != nil)
        }
    }

    @Test func configsAreSavedAndReadWithoutTheirSecrets() async throws {
        try await ServerHarness.run { server in
            let saved = try await server.send(.put, "/v1/config/action/SignupHook", body: Self.hook(url: "http://127.0.0.1:9/hook"))
            #expect(saved.status == 200)
            let read = try await server.send(.get, "/v1/config/action/SignupHook")
            #expect(read.status == 200)
            #expect(read.json.at("authentication", "password") == .string("<redacted>"))
            #expect(read.json.at("url") == .string("http://127.0.0.1:9/hook"))
            let listed = try await server.send(.get, "/v1/config?kind=action")
            #expect(listed.json.at("configs", 0, "name") == .string("SignupHook"))
            #expect(listed.json.at("configs", 1) == nil)

            let missing = try await server.send(.get, "/v1/config/action/Nope")
            #expect(missing.status == 404)
            #expect(missing.json.at("error", "code") == .string("ERR_NOT_FOUND"))
            let mismatch = try await server.send(.put, "/v1/config/action/Other", body: Self.hook(url: "http://127.0.0.1:9/hook"))
            #expect(mismatch.status == 400)
            #expect(mismatch.json.at("error", "code") == .string("ERR_CONFIG_MISMATCH"))
            let broken = try await server.send(.put, "/v1/config/event/signup", body: #"{"kind":"event","name":"signup","schema":[{"type":7}]}"#)
            #expect(broken.status == 400)
            #expect(broken.json.at("error", "code") == .string("ERR_CONFIG_DECODING"))
            let notJSON = try await server.send(.post, "/v1/config", body: "{nope")
            #expect(notJSON.status == 400)
            let badKind = try await server.send(.get, "/v1/config/widget/x")
            #expect(badKind.status == 404)
        }
    }

    @Test func acceptedEventsRunThePublishedJourneyAndItsActionIsCalled() async throws {
        let received = Mutex<[LoopbackRequest]>([])
        let receiver = try await LoopbackServer { request in
            received.withLock { $0.append(request) }
            return .json(#"{"ok":true}"#)
        }.start()
        try await ServerHarness.run { server in
            let imported = try await server.send(
                .post, "/v1/config", body: #"{"configs":[\#(Self.signup),\#(Self.hook(url: receiver.baseURL + "/hook")),\#(Self.journey)]}"#)
            #expect(imported.status == 200, "\(imported.json)")

            let body = [Self.event("e1", email: "ann@example.com"), Self.event("e2", email: "bob@example.com", plan: "free")]
                .joined(separator: "\n")
            let accepted = try await server.send(.post, "/v1/events", body: body)
            #expect(accepted.status == 202, "\(accepted.json)")
            #expect(accepted.json.at("accepted") == .int(2))
            #expect(accepted.json.at("results", 0, "status") == .string("accepted"))
            #expect(accepted.json.at("results", 1, "entries", 0, "profile", "id") == .string("bob@example.com"))

            // The journey calls the receiver once per person, with the payload built from the event.
            let deadline = ContinuousClock.now + .seconds(30)
            while received.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            let calls = received.withLock { $0 }.sorted { $0.bodyText < $1.bodyText }
            #expect(calls.count == 2)
            #expect(calls.first?.path == "/hook")
            #expect(calls.first.map { try? JSONValue(parsing: $0.body) } == (try JSONValue(parsing: #"{"email":"ann@example.com","plan":"pro"}"#)))
            #expect(calls.first?.header("authorization") == "Basic " + Data("waymark:s3cret-pw".utf8).base64EncodedString())

            // Sent again: duplicates, nothing called twice.
            let again = try await server.send(.post, "/v1/events", body: body)
            #expect(again.status == 202)
            #expect(again.json.at("duplicates") == .int(2))

            // The analyst reads the steps back by SQL, joined with the journey dataset.
            let steps = try await server.send(.post, "/v1/query", body: #"""
                {"sql":"SELECT s.externalKey, s.nodeID, s.stepStatus, j.status FROM step_events s JOIN journey_versions j ON j.journeyVersionID = s.journeyVersionID WHERE s.journeyID = 'greet' AND s.nodeID = 'call' ORDER BY s.externalKey"}
                """#)
            #expect(steps.status == 200, "\(steps.json)")
            #expect(steps.json.at("columns") == (try JSONValue(parsing: #"["externalKey","nodeID","stepStatus","status"]"#)))
            #expect(steps.json.at("rows") == (try JSONValue(parsing: #"[["ann@example.com","call","transitions","live"],["bob@example.com","call","transitions","live"]]"#)), "\(steps.json)")
            #expect(steps.json.at("truncated") == .bool(false))
            // The report by API: two entered, both past the action, called twice.
            let report = try await server.send(.get, "/v1/reports/greet@1.0")
            #expect(report.status == 200, "\(report.json)")
            #expect(report.json.at("journey", "entered") == .int(2))
            #expect(report.json.at("journey", "completed") == .int(2))
            #expect(report.json.at("inProgress") == .int(0))
            #expect(report.json.at("nodes", "call", "actionsExecuted") == .int(2))
            #expect(report.json.at("nodes", "start", "eventsReceived") == .int(2))
            #expect(report.json.at("series", 0, "entered") == .int(2))
            let past = try await server.send(.get, "/v1/reports/greet@1.0?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z")
            #expect(past.json.at("journey") == .object(OrderedFields()))
            #expect(try await server.send(.get, "/v1/reports/nope@1").status == 404)
            #expect(try await server.send(.get, "/v1/reports/greet@1.0?from=yesterday").status == 400)

            let one = try await server.send(.post, "/v1/query", body: #"{"sql":"SELECT nodeID FROM step_events","limit":1}"#)
            #expect(one.json.at("rows", 1) == nil)
            #expect(one.json.at("truncated") == .bool(true))
        }
        try await receiver.shutdown()
    }

    @Test func metricsCountRequestsEventsCallsAndTheEnginesWork() async throws {
        let receiver = try await LoopbackServer { _ in .json(#"{"ok":true}"#) }.start()
        try await ServerHarness.run { server in
            _ = try await server.send(
                .post, "/v1/config", body: #"{"configs":[\#(Self.signup),\#(Self.hook(url: receiver.baseURL + "/hook")),\#(Self.journey)]}"#)
            let noEmail = #"{"_id":"m3","timestamp":"2026-11-23T08:00:00Z","_experience":{"campaign":{"orchestration":{"eventID":"evt-signup-1"}}},"plan":"pro"}"#
            let body = [Self.event("m1", email: "ann@example.com"), Self.event("m2", email: "bob@example.com"), noEmail].joined(separator: "\n")
            #expect(try await server.send(.post, "/v1/events", body: body).status == 400, "one refused")

            func scrape() async throws -> String {
                let response = try await server.client.send(HTTPRequestSpec(method: .get, url: server.baseURL + "/metrics"), timeout: 30_000)
                #expect(response.status == 200, "open, like the health checks")
                return String(decoding: response.body, as: UTF8.self)
            }
            let deadline = ContinuousClock.now + .seconds(30)
            var text = try await scrape()
            // Until both calls were made and their results took both people to the end.
            while !(text.contains(#"waymark_calls_total{kind="action",outcome="ok"} 2"#) && text.contains("waymark_active_instances 0\n")),
                ContinuousClock.now < deadline
            {
                try await Task.sleep(for: .milliseconds(20))
                text = try await scrape()
            }
            for line in [
                #"waymark_events_ingested_total{status="accepted"} 2"#, #"waymark_events_ingested_total{status="rejected"} 1"#,
                #"waymark_calls_total{kind="action",outcome="ok"} 2"#, #"waymark_call_duration_seconds_count{kind="action"} 2"#,
                "waymark_engine_entrances_total 2", #"waymark_http_requests_total{method="POST",status="4xx"} 1"#,
                "# TYPE waymark_inbox_depth gauge", "waymark_active_instances 0",
            ] {
                #expect(text.contains(line + "\n"), "\(line) in\n\(text)")
            }
        }
        try await receiver.shutdown()
    }

    @Test func exportsStreamEveryRowAsCSVOrNDJSON() async throws {
        try await ServerHarness.run { server in
            let rows = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000) SELECT x, 'a,\\\"b' AS text, NULL AS empty FROM n"
            let csv = try await server.send(.post, "/v1/exports", body: #"{"sql":"\#(rows)","format":"csv"}"#)
            #expect(csv.status == 200)
            guard case .string(let text)? = Optional(csv.json) else {
                Issue.record("not text: \(csv.json)")
                return
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3_002, "header, 3,000 rows, the final newline")
            #expect(lines[0] == "x,text,empty")
            #expect(lines[1] == #"1,"a,""b","#)
            #expect(lines[3_000] == #"3000,"a,""b","#)

            let ndjson = try await server.send(.post, "/v1/exports", body: #"{"sql":"SELECT 1 AS one UNION ALL SELECT 2","format":"ndjson"}"#)
            #expect(ndjson.json == .string("{\"one\":1}\n{\"one\":2}\n"))
            let refused = try await server.send(.post, "/v1/exports", body: #"{"sql":"SELECT * FROM instances","format":"csv"}"#)
            #expect(refused.status == 400)
            #expect(refused.json.at("error", "code") == .string("ERR_QUERY"))
            #expect(try await server.send(.post, "/v1/exports", body: #"{"sql":"SELECT 1","format":"xml"}"#).status == 400)
        }
    }

    @Test func everyStepEventIsStreamedToTheWarehouseInOrderRetryingARefusedBatch() async throws {
        let batches = Mutex<[String]>([])
        let refusedOnce = Mutex(false)
        let receiver = try await LoopbackServer { request in
            guard request.path == "/steps" else { return .json(#"{"ok":true}"#) }
            let first = refusedOnce.withLock { refused in
                defer { refused = true }
                return !refused
            }
            if first { return LoopbackResponse(status: 503, body: Array("busy".utf8)) }
            batches.withLock { $0.append(request.bodyText) }
            return .json(#"{"ok":true}"#)
        }.start()
        try await ServerHarness.run(stepStream: receiver.baseURL + "/steps") { server in
            _ = try await server.send(
                .post, "/v1/config", body: #"{"configs":[\#(Self.signup),\#(Self.hook(url: receiver.baseURL + "/hook")),\#(Self.journey)]}"#)
            let body = [Self.event("w1", email: "ann@example.com"), Self.event("w2", email: "bob@example.com")].joined(separator: "\n")
            #expect(try await server.send(.post, "/v1/events", body: body).status == 202)

            // Each person: start, call, end — six step events, the call's after its result came back.
            func lines() -> [JSONValue] {
                batches.withLock { $0 }.flatMap { $0.split(separator: "\n") }.compactMap { try? JSONValue(parsing: Array($0.utf8)) }
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while lines().count < 6, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            let steps = lines()
            #expect(steps.count == 6, "\(steps) from \(batches.withLock { $0 }.map { String($0.prefix(300)) })")
            #expect(Set(steps.compactMap { $0.at("stepID") }).count == steps.count, "each once")
            #expect(steps.filter { $0.at("profileID") == .string("ann@example.com") }.compactMap { $0.at("nodeID") } == [
                .string("start"), .string("call"), .string("end"),
            ])
            #expect(refusedOnce.withLock { $0 }, "the first batch was refused and sent again")
            let cursor = try String(contentsOfFile: server.server.settings.dataDirectory + "/step-stream.cursor", encoding: .utf8)
            #expect((Int64(cursor.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0)
        }
        try await receiver.shutdown()
    }

    @Test func aBatchWithABadEventIsRefusedNamingItAndKeepsTheOthers() async throws {
        try await ServerHarness.run { server in
            _ = try await server.send(.put, "/v1/config/event/signup", body: Self.signup)
            let body = "[" + Self.event("ok-1", email: "cy@example.com") + ",\n" + #"{"_id":"bad","timestamp":"2026-11-23T08:00:00Z","eventType":"signup","_experience":{"campaign":{"orchestration":{"eventID":"evt-signup-1"}}},"plan":"pro"}"# + "]"
            let answer = try await server.send(.post, "/v1/events", body: body)
            #expect(answer.status == 400)
            #expect(answer.json.at("error", "code") == .string("ERR_EVENTS_REJECTED"))
            #expect(answer.json.at("error", "details", "results", 0, "status") != .string("rejected"))
            #expect(answer.json.at("error", "details", "results", 1, "status") == .string("rejected"))
            #expect(answer.json.at("error", "details", "results", 1, "errors", 0, "code") == .string("ERR_EVENT_MISSING_FIELD"))

            let malformed = try await server.send(.post, "/v1/events", body: "[{\"_id\":")
            #expect(malformed.status == 400)
            #expect(malformed.json.at("error", "code") == .string("ERR_EVENT_BATCH"))
            let empty = try await server.send(.post, "/v1/events", body: "  ")
            #expect(empty.status == 400)
        }
    }

    @Test func anOversizedEventIsRefusedWith413() async throws {
        try await ServerHarness.run(limits: .init(maximumEventBytes: 300)) { server in
            let big = Self.event("big", email: String(repeating: "x", count: 400) + "@example.com")
            let answer = try await server.send(.post, "/v1/events", body: Self.event("small", email: "a@b.c") + "\n" + big)
            #expect(answer.status == 413)
            #expect(answer.json.at("error", "code") == .string("ERR_TOO_LARGE"))
            #expect(answer.json.at("error", "message").map { "\($0)".contains("event 1") } == true)
        }
    }

    @Test(arguments: [
        "SELECT * FROM instances", "DELETE FROM discards", "SELECT 1; SELECT 2", "PRAGMA table_info(configs)",
        "ATTACH DATABASE '/tmp/x.db' AS x", "SELECT document FROM configs", "SELEKT 1", "",
    ])
    func queriesBeyondTheDatasetsAreRefused(sql: String) async throws {
        try await ServerHarness.run { server in
            let answer = try await server.send(.post, "/v1/query", body: #"{"sql":"\#(sql)"}"#)
            #expect(answer.status == 400, "\(sql): \(answer.json)")
            #expect(answer.json.at("error", "code") == .string("ERR_QUERY"))
        }
    }

    @Test func queryRequestsAreChecked() async throws {
        try await ServerHarness.run { server in
            #expect(try await server.send(.post, "/v1/query", body: #"{"query":"SELECT 1"}"#).status == 400)
            #expect(try await server.send(.post, "/v1/query", body: #"{"sql":"SELECT 1","limit":0}"#).status == 400)
            let plain = try await server.send(.post, "/v1/query", body: #"{"sql":"SELECT 1 AS one, 'a' AS letter, NULL AS absent, 2.5 AS half"}"#)
            #expect(plain.json.at("rows", 0) == (try JSONValue(parsing: #"[1,"a",null,2.5]"#)))
        }
    }
}
