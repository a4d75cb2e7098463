import Foundation
import Synchronization
import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkLoopback

/// Profiles (one by one and imported from CSV or JSON) and test mode over the API.
@Suite struct TestModeTests {
    @Test func profilesAreUpsertedMergedAndRead() async throws {
        try await ServerHarness.run { server in
            let created = try await server.send(
                .put, "/v1/profiles/Email/ann@example.com",
                body: #"{"attributes":{"person":{"firstName":"Ann"}},"testProfile":true,"timeZone":"Europe/Paris"}"#)
            #expect(created.status == 200, "\(created.json)")
            #expect(created.json.at("testProfile") == .bool(true))
            let merged = try await server.send(.put, "/v1/profiles/Email/ann@example.com", body: #"{"attributes":{"loyalty":{"tier":"gold"}}}"#)
            #expect(merged.json.at("attributes", "person", "firstName") == .string("Ann"))
            #expect(merged.json.at("attributes", "loyalty", "tier") == .string("gold"))
            #expect(merged.json.at("testProfile") == .bool(true), "a flag not sent stays")
            #expect(merged.json.at("timeZone") == .string("Europe/Paris"))

            let badZone = try await server.send(.put, "/v1/profiles/Email/bo@example.com", body: #"{"timeZone":"Mars/Base"}"#)
            #expect(badZone.status == 400)
            #expect(badZone.json.at("error", "code") == .string("ERR_PROFILE"))
            #expect(try await server.send(.put, "/v1/profiles/Email/bo@example.com", body: "[1]").status == 400)
            #expect(try await server.send(.get, "/v1/profiles/Email/nobody@example.com").status == 404)
        }
    }

    @Test func profilesAreImportedFromCSVAndJSONNamingTheRefusedLines() async throws {
        try await ServerHarness.run { server in
            let csv = """
                namespace,id,testProfile,person.firstName,person.city
                Email,cy@example.com,true,Cy,"Paris, France"
                Email,,false,Nobody,Nowhere
                Email,di@example.com,maybe,Di,Lyon
                Email,ed@example.com,,"Ed ""the"" Edge",Nice

                """
            let imported = try await server.send(.post, "/v1/profiles", body: csv, contentType: "text/csv")
            #expect(imported.status == 400)
            #expect(imported.json.at("error", "code") == .string("ERR_PROFILES_REJECTED"))
            #expect(imported.json.at("error", "details", "imported") == .int(2))
            #expect(imported.json.at("error", "details", "refused", 0, "line") == .int(3))
            #expect(imported.json.at("error", "details", "refused", 1, "line") == .int(4))
            let cy = try await server.send(.get, "/v1/profiles/Email/cy@example.com")
            #expect(cy.json.at("attributes", "person", "city") == .string("Paris, France"))
            #expect(cy.json.at("testProfile") == .bool(true))
            #expect(try await server.send(.get, "/v1/profiles/Email/ed@example.com").json.at("attributes", "person", "firstName") == .string(#"Ed "the" Edge"#))

            let open = try await server.send(.post, "/v1/profiles", body: "namespace,id\nEmail,\"unclosed\n", contentType: "text/csv")
            #expect(open.json.at("error", "code") == .string("ERR_PROFILES_BATCH"))
            let noID = try await server.send(.post, "/v1/profiles", body: "namespace,name\nEmail,x\n", contentType: "text/csv")
            #expect(noID.json.at("error", "code") == .string("ERR_PROFILES_BATCH"))

            let ndjson = #"{"namespace":"Email","id":"fay@example.com","testProfile":true}"# + "\n" + #"{"namespace":"Email","id":"gus@example.com","attributes":{"a":1}}"#
            let json = try await server.send(.post, "/v1/profiles", body: ndjson)
            #expect(json.status == 200, "\(json.json)")
            #expect(json.json.at("imported") == .int(2))
        }
    }

    @Test func testProfilesRunADraftInTestModeWithShortWaitsAndTheirLogIsClearedAfter() async throws {
        let received = Mutex<[LoopbackRequest]>([])
        let receiver = try await LoopbackServer { request in
            received.withLock { $0.append(request) }
            return .json(#"{"ok":true}"#)
        }.start()
        try await ServerHarness.run(engine: EngineConfiguration(testModeWaitDuration: 200)) { server in
            #expect(try await server.send(.put, "/v1/config/event/signup", body: ServerAPITests.signup).status == 200)
            #expect(try await server.send(.put, "/v1/config/action/SignupHook", body: ServerAPITests.hook(url: receiver.baseURL + "/hook")).status == 200)
            // The greeting journey with an hour's wait before its call.
            let waiting = JourneyLifecycleTests.draft().replacingOccurrences(
                of: #""transitions":[{"kind":"next","target":"call"}]},"#,
                with: #""transitions":[{"kind":"next","target":"pause"}]},{"id":"pause","kind":"wait","wait":{"type":"duration","duration":"PT1H"},"transitions":[{"kind":"next","target":"call"}]},"#)
            #expect(try await server.send(.post, "/v1/journeys", body: waiting).status == 200)
            _ = try await server.send(.put, "/v1/profiles/Email/tess@example.com", body: #"{"testProfile":true}"#)
            let path = "/v1/journeys/greet/versions/1.0"

            let notYet = try await server.send(.post, path + "/test-events", body: ServerAPITests.event("t0", email: "tess@example.com"))
            #expect(notYet.json.at("error", "details", "issues", 0, "code") == .string("ERR_NOT_IN_TEST_MODE"))
            #expect(try await server.send(.post, path + "/test-mode").status == 200)

            let body = ServerAPITests.event("t1", email: "tess@example.com") + "\n" + ServerAPITests.event("t2", email: "real@example.com")
            let sent = try await server.send(.post, path + "/test-events", body: body)
            #expect(sent.status == 202, "\(sent.json)")
            #expect(sent.json.at("results", 0, "status") == .string("accepted"))
            // Real people do not enter a version in test mode: discarded when routed.
            let discards = try await server.send(.post, "/v1/query", body: #"{"sql":"SELECT * FROM discards"}"#)
            #expect("\(discards.json)".contains("notTestProfile"), "\(discards.json)")

            // The hour's wait lasts 200 ms in test mode: the call arrives.
            let deadline = ContinuousClock.now + .seconds(30)
            while received.withLock({ $0.isEmpty }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(received.withLock { $0.count } == 1)
            var log = try await server.send(.get, path + "/test-log?namespace=Email&id=tess@example.com")
            while log.json.at("runs", 0, "active") != .bool(false), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                log = try await server.send(.get, path + "/test-log?namespace=Email&id=tess@example.com")
            }
            #expect(log.status == 200, "\(log.json)")
            let steps = "\(log.json.at("runs", 0, "steps") ?? .null)"
            for node in ["start", "pause", "call", "end"] { #expect(steps.contains("\"\(node)\""), "\(node) in the log") }
            #expect(log.json.at("runs", 0, "current", "node") == .string("end"))
            #expect(try await server.send(.get, path + "/test-log?namespace=Email").status == 400)

            let tooMany = (0..<101).map { ServerAPITests.event("m\($0)", email: "m\($0)@example.com") }.joined(separator: "\n")
            let refused = try await server.send(.post, path + "/test-events", body: tooMany)
            #expect(refused.json.at("error", "details", "issues", 0, "code") == .string("ERR_TEST_PROFILE_LIMIT"))

            // Test mode off: the runs are cleared.
            let off = try await server.send(.delete, path + "/test-mode")
            #expect(off.json.at("status") == .string("draft"), "\(off.json)")
            #expect(try await server.send(.get, path + "/test-log?namespace=Email&id=tess@example.com").json.at("runs") == .array([]))
        }
        try await receiver.shutdown()
    }
}
