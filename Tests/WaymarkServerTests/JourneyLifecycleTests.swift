import Foundation
import Synchronization
import Testing
import WaymarkCore
import WaymarkLoopback

/// The journey lifecycle over the API: save, validate, test mode, publish, new version, close,
/// stop, delete, duplicate, export and import; and the rules on configs journeys use.
@Suite struct JourneyLifecycleTests {
    /// The greeting journey of `ServerAPITests` as a draft of `version`.
    static func draft(version: String = "1.0", name: String = "Greet", action: String = "SignupHook") -> String {
        ServerAPITests.journey.replacingOccurrences(of: #""status":"live""#, with: #""status":"draft""#)
            .replacingOccurrences(of: #""version":"1.0""#, with: #""version":"\#(version)""#)
            .replacingOccurrences(of: #""name":"Greet""#, with: #""name":"\#(name)""#)
            .replacingOccurrences(of: #""action":"SignupHook""#, with: #""action":"\#(action)""#)
    }

    /// The event and action the journey uses.
    static func configure(_ server: ServerHarness) async throws {
        #expect(try await server.send(.put, "/v1/config/event/signup", body: ServerAPITests.signup).status == 200)
        #expect(try await server.send(.put, "/v1/config/action/SignupHook", body: ServerAPITests.hook(url: "http://127.0.0.1:9/hook")).status == 200)
    }

    static func status(_ server: ServerHarness, _ version: String) async throws -> JSONValue? {
        try await server.send(.get, "/v1/journeys/greet/versions/\(version)").json.at("status")
    }

    @Test func aDraftIsValidatedTestedPublishedVersionedClosedAndStopped() async throws {
        try await ServerHarness.run { server in
            // Saved before its action exists: a draft may hold errors, and validation names them.
            #expect(try await server.send(.put, "/v1/config/event/signup", body: ServerAPITests.signup).status == 200)
            let saved = try await server.send(.post, "/v1/journeys", body: Self.draft())
            #expect(saved.status == 200, "\(saved.json)")
            #expect(saved.json.at("journey", "status") == .string("draft"))
            let invalid = try await server.send(.post, "/v1/journeys/greet/versions/1.0/validate")
            #expect(invalid.json.at("valid") == .bool(false))
            #expect("\(invalid.json.at("issues") ?? .null)".contains("ERR_UNKNOWN_ACTION"), "\(invalid.json)")
            let refused = try await server.send(.post, "/v1/journeys/greet/versions/1.0/publish")
            #expect(refused.status == 422)
            #expect(refused.json.at("error", "code") == .string("ERR_ENGINE_INVALID_CHANGE"))
            #expect(refused.json.at("error", "details", "issues", 0, "severity") == .string("error"))
            #expect(try await Self.status(server, "1.0") == .string("draft"))

            // With its action: valid; test mode on and off; published.
            #expect(try await server.send(.put, "/v1/config/action/SignupHook", body: ServerAPITests.hook(url: "http://127.0.0.1:9/hook")).status == 200)
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/1.0/validate").json.at("valid") == .bool(true))
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/1.0/test-mode").json.at("status") == .string("draftTest"))
            #expect(try await server.send(.delete, "/v1/journeys/greet/versions/1.0/test-mode").json.at("status") == .string("draft"))
            let live = try await server.send(.post, "/v1/journeys/greet/versions/1.0/publish")
            #expect(live.status == 200, "\(live.json)")
            #expect(live.json.at("status") == .string("live"))

            // A live version takes a new name, nothing else; its status moves only by the lifecycle.
            let renamed = try await server.send(.put, "/v1/journeys/greet/versions/1.0", body: Self.draft(name: "Hello").replacingOccurrences(of: #""status":"draft""#, with: #""status":"live""#))
            #expect(renamed.status == 200, "\(renamed.json)")
            let edited = try await server.send(
                .put, "/v1/journeys/greet/versions/1.0",
                body: Self.draft(action: "Other").replacingOccurrences(of: #""status":"draft""#, with: #""status":"live""#))
            #expect(edited.status == 422)
            #expect(edited.json.at("error", "details", "issues", 0, "code") == .string("ERR_VERSION_READ_ONLY"))
            let statusSaved = try await server.send(.put, "/v1/journeys/greet/versions/1.0", body: Self.draft())
            #expect(statusSaved.json.at("error", "details", "issues", 0, "code") == .string("ERR_STATUS_NOT_SAVED"))
            let undeletable = try await server.send(.delete, "/v1/journeys/greet/versions/1.0")
            #expect(undeletable.status == 422)
            #expect(undeletable.json.at("error", "details", "issues", 0, "code") == .string("ERR_VERSION_NOT_DELETABLE"))
            let usedAction = try await server.send(.delete, "/v1/config/action/SignupHook")
            #expect(usedAction.json.at("error", "details", "issues", 0, "code") == .string("ERR_CONFIG_IN_USE"))

            // A new version: a draft of 2.0; a second one waits for it to be published.
            let next = try await server.send(.post, "/v1/journeys/greet/versions")
            #expect(next.status == 201)
            #expect(next.json.at("version") == .string("2.0"))
            #expect(next.json.at("status") == .string("draft"))
            let another = try await server.send(.post, "/v1/journeys/greet/versions")
            #expect(another.json.at("error", "details", "issues", 0, "code") == .string("ERR_DRAFT_EXISTS"))
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/2.0/publish").json.at("status") == .string("live"))
            // Publishing 2.0 closed 1.0; nobody was in it, so it reads as finished and can be deleted.
            #expect(try await Self.status(server, "1.0") == .string("finished"))
            #expect(try await server.send(.delete, "/v1/journeys/greet/versions/1.0").status == 204)
            #expect(try await server.send(.get, "/v1/journeys/greet/versions/1.0").status == 404)

            // Close, then stop; stopped is final.
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/2.0/close").json.at("status") == .string("closed"))
            let stopped = try await server.send(.post, "/v1/journeys/greet/versions/2.0/stop")
            #expect(stopped.status == 422, "closed with nobody inside is finished: \(stopped.json)")
            let list = try await server.send(.get, "/v1/journeys")
            #expect(list.json.at("journeys", 0, "id") == .string("greet"))
            #expect(list.json.at("journeys", 0, "versions", 0, "status") == .string("finished"))
            #expect(list.json.at("journeys", 0, "versions", 0, "versionId") == .string("greet@2.0"))

            let audit = try await server.send(.get, "/v1/audit")
            let actions = "\(audit.json.at("entries") ?? .null)"
            for action in ["journey.publish", "journey.testMode.start", "journey.close", "journey.delete", "journey.newVersion"] {
                #expect(actions.contains(action), "\(action) in the audit log")
            }
        }
    }

    @Test func aLiveVersionIsStoppedAndUnknownOrMalformedAddressesAreNamed() async throws {
        try await ServerHarness.run { server in
            try await Self.configure(server)
            _ = try await server.send(.post, "/v1/journeys", body: Self.draft())
            _ = try await server.send(.post, "/v1/journeys/greet/versions/1.0/publish")
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/1.0/stop").json.at("status") == .string("stopped"))
            let restart = try await server.send(.post, "/v1/journeys/greet/versions/1.0/publish")
            #expect(restart.json.at("error", "details", "issues", 0, "code") == .string("ERR_INVALID_STATUS_CHANGE"))
            #expect(try await server.send(.post, "/v1/journeys/nope/versions/1.0/publish").status == 404)
            #expect(try await server.send(.post, "/v1/journeys/greet/versions/one/publish").status == 404)
            #expect(try await server.send(.get, "/v1/journeys/nope").status == 404)
            let notJourney = try await server.send(.post, "/v1/journeys", body: ServerAPITests.signup)
            #expect(notJourney.json.at("error", "code") == .string("ERR_CONFIG_KIND"))
            let mismatch = try await server.send(.put, "/v1/journeys/greet/versions/3.0", body: Self.draft())
            #expect(mismatch.json.at("error", "code") == .string("ERR_CONFIG_MISMATCH"))
            let newLive = try await server.send(.post, "/v1/journeys", body: Self.draft(version: "5.0").replacingOccurrences(of: #""status":"draft""#, with: #""status":"live""#))
            #expect(newLive.json.at("error", "details", "issues", 0, "code") == .string("ERR_STATUS_NOT_SAVED"))
        }
    }

    @Test func aJourneyIsDuplicatedExportedWithoutSecretsAndImportedElsewhere() async throws {
        var bundle = JSONValue.null
        try await ServerHarness.run { server in
            try await Self.configure(server)
            _ = try await server.send(.post, "/v1/journeys", body: Self.draft())
            let copy = try await server.send(.post, "/v1/journeys/greet/duplicate", body: #"{"id":"greet-copy","name":"Greet again"}"#)
            #expect(copy.status == 201, "\(copy.json)")
            #expect(copy.json.at("version") == .string("1.0"))
            #expect(try await server.send(.post, "/v1/journeys/greet/duplicate", body: #"{"id":"greet-copy","name":"x"}"#).status == 422)
            #expect(try await server.send(.post, "/v1/journeys/greet/duplicate", body: #"{"id":7}"#).status == 400)

            // A data source the journey does not read stays out of its export.
            let unrelated = #"{"kind":"dataSource","name":"Weather","provider":"rest","baseURL":"http://127.0.0.1:9","fieldGroups":[{"name":"Now","method":"GET","path":"/now","fields":[{"name":"temp","type":"decimal"}]}]}"#
            #expect(try await server.send(.put, "/v1/config/dataSource/Weather", body: unrelated).status == 200)
            let export = try await server.send(.get, "/v1/journeys/greet/export")
            #expect(export.status == 200)
            #expect(export.json.at("configs", 0, "kind") == .string("event"))
            #expect(export.json.at("configs", 1, "kind") == .string("dataSource"), "the profile store")
            #expect(export.json.at("configs", 2, "kind") == .string("action"))
            #expect(export.json.at("configs", 3, "kind") == .string("journey"))
            #expect(export.json.at("configs", 4) == nil)
            #expect(export.json.at("configs", 2, "authentication", "password") == .string("<redacted>"))
            bundle = export.json

            // Sent back as read: the stored secret is kept.
            let read = try await server.send(.get, "/v1/config/action/SignupHook")
            let resaved = try await server.send(.put, "/v1/config/action/SignupHook", body: String(decoding: read.json.serializedBytes(), as: UTF8.self))
            #expect(resaved.json.at("issues") == .array([]), "\(resaved.json)")
        }
        // Imported into another server, which has no secret for it: saved, with a warning.
        try await ServerHarness.run { server in
            let imported = try await server.send(.post, "/v1/config", body: String(decoding: bundle.serializedBytes(), as: UTF8.self))
            #expect(imported.status == 200, "\(imported.json)")
            #expect(imported.json.at("issues", 0, "code") == .string("WARN_SECRET_MISSING"))
            #expect(try await server.send(.get, "/v1/journeys/greet").json.at("versions", 0, "status") == .string("draft"))
        }
    }

    @Test func configsAreValidatedAndTheOnesJourneysUseKeepTheirShape() async throws {
        try await ServerHarness.run { server in
            try await Self.configure(server)
            let valid = try await server.send(.post, "/v1/config/validate", body: ServerAPITests.signup)
            #expect(valid.json.at("valid") == .bool(true), "\(valid.json)")
            let twice = ServerAPITests.signup.replacingOccurrences(of: #"{"name":"plan","type":"string"}"#, with: #"{"name":"plan","type":"string"},{"name":"plan","type":"integer"}"#)
            let invalid = try await server.send(.post, "/v1/config/validate", body: twice)
            #expect(invalid.json.at("valid") == .bool(false), "\(invalid.json)")
            #expect(invalid.json.at("issues", 0, "code") == .string("ERR_DUPLICATE_FIELD"))
            let refusedWhole = try await server.send(.put, "/v1/config/event/signup", body: twice)
            #expect(refusedWhole.status == 422)
            #expect(refusedWhole.json.at("error", "details", "issues", 0, "code") == .string("ERR_DUPLICATE_FIELD"))

            _ = try await server.send(.post, "/v1/journeys", body: Self.draft())
            _ = try await server.send(.post, "/v1/journeys/greet/versions/1.0/publish")
            // The live journey reads `plan` as a string: the event may not drop it or change its type.
            let dropped = ServerAPITests.signup.replacingOccurrences(of: #",{"name":"plan","type":"string"}"#, with: "")
            let refused = try await server.send(.put, "/v1/config/event/signup", body: dropped)
            #expect(refused.status == 422, "\(refused.json)")
            #expect(refused.json.at("error", "details", "issues", 0, "code") == .string("ERR_FIELD_REMOVED"))
            let added = ServerAPITests.signup.replacingOccurrences(of: #"{"name":"plan","type":"string"}"#, with: #"{"name":"plan","type":"string"},{"name":"source","type":"string"}"#)
            #expect(try await server.send(.put, "/v1/config/event/signup", body: added).status == 200)
            #expect(try await server.send(.delete, "/v1/config/event/nope").status == 404)

            // Fields inferred from an example payload, ready for a schema.
            let inferred = try await server.send(
                .post, "/v1/config/infer", body: #"{"email":"a@b.c","total":9.5,"items":[{"sku":"X","qty":2}],"vip":true}"#)
            #expect(inferred.json.at("fields", 0, "name") == .string("email"))
            #expect(inferred.json.at("fields", 1, "type") == .string("decimal"))
            #expect(inferred.json.at("fields", 2, "type") == .string("listObject"))
            #expect(inferred.json.at("fields", 2, "fields", 1, "type") == .string("integer"))
            #expect(inferred.json.at("fields", 3, "type") == .string("boolean"))
            #expect(try await server.send(.post, "/v1/config/infer", body: "[1,2]").status == 400)
        }
    }

    @Test func aDataSourcesAuthenticationIsTestedAgainstItsTokenEndpoint() async throws {
        let refuse = Mutex(false)
        let tokens = try await LoopbackServer { request in
            guard !refuse.withLock({ $0 }) else { return LoopbackResponse(status: 401, body: Array(#"{"error":"invalid_client"}"#.utf8)) }
            #expect(request.bodyText.contains("client_secret=s3cret"))
            return .json(#"{"access_token":"tok-1","expires_in":3600}"#)
        }.start()
        try await ServerHarness.run { server in
            let source = #"""
                {"kind":"dataSource","name":"Loyalty","provider":"rest","baseURL":"http://127.0.0.1:9/api",
                 "authentication":{"kind":"custom","endpoint":"\#(tokens.baseURL)/token","method":"POST","bodyKind":"form",
                  "body":[{"name":"client_id","value":"waymark"},{"name":"client_secret","value":"s3cret","secret":true}],
                  "tokenPath":"access_token","expiryPath":"expires_in"},
                 "fieldGroups":[{"name":"Member","method":"GET","path":"/m","fields":[{"name":"tier","type":"string"}]}]}
                """#
            #expect(try await server.send(.put, "/v1/config/dataSource/Loyalty", body: source).status == 200)
            let passed = try await server.send(.post, "/v1/config/dataSource/Loyalty/test-authentication")
            #expect(passed.json.at("succeeded") == .bool(true), "\(passed.json)")
            #expect(passed.json.at("expiresAt") != nil)
            refuse.withLock { $0 = true }
            let failed = try await server.send(.post, "/v1/config/dataSource/Loyalty/test-authentication")
            #expect(failed.json.at("succeeded") == .bool(false))
            #expect("\(failed.json.at("message") ?? .null)".contains("401"))
            #expect(!"\(failed.json)".contains("s3cret"), "no secret in the answer")

            try await Self.configure(server)
            let basic = try await server.send(.post, "/v1/config/action/SignupHook/test-authentication")
            #expect(basic.json.at("succeeded") == .bool(true))
            #expect(try await server.send(.post, "/v1/config/action/Nope/test-authentication").status == 404)
            #expect(try await server.send(.post, "/v1/config/event/signup/test-authentication").status == 400)
        }
        try await tokens.shutdown()
    }
}
