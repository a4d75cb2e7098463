import Foundation
import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkLoopback

/// `waymark serve` as a real process: configured over its API with the multi-step example,
/// published with `waymark journeys publish`, it takes an event over HTTP, its journey calls a
/// real receiver, the steps and the report read back, and SIGTERM stops it cleanly.
@Suite struct ServeProcessTests {
    /// A running `waymark serve` and the address it listens on.
    final class Server: Sendable {
        let process: Process
        let baseURL: String

        private init(process: Process, baseURL: String) {
            self.process = process
            self.baseURL = baseURL
        }

        /// Starts `waymark serve --port 0` on `dataDirectory`; returns once it listens.
        static func start(dataDirectory: String) async throws -> Server {
            let process = Process()
            process.executableURL = try WaymarkProcess.executable
            process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory]
            process.currentDirectoryURL = WaymarkProcess.packageRoot
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // The first line names the address; read on a thread of its own (blocking reads).
            let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
                Thread.detachNewThread {
                    var text = ""
                    while !text.contains("\n") {
                        let data = output.fileHandleForReading.availableData
                        if data.isEmpty { break }
                        text += String(decoding: data, as: UTF8.self)
                    }
                    continuation.resume(returning: text)
                }
            }
            guard let range = line.range(of: "http://") else {
                process.terminate()
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "waymark serve printed: \(line)"])
            }
            return Server(process: process, baseURL: String(line[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// Sends SIGTERM and waits for the exit status.
        func terminate() async -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            let process = process
            return await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }
            }
        }
    }

    /// The example configs the order follow-up journey needs, its CRM action sent to `crmURL`,
    /// the journey a draft.
    static func exampleConfigs(crmURL: String) throws -> String {
        let root = WaymarkProcess.packageRoot.appendingPathComponent("examples")
        var documents: [JSONValue] = []
        for folder in ["events", "data-sources", "actions"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".json") {
                var document = try JSONValue(parsing: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
                if name == "crm-order-sync.json", case .object(var fields) = document {
                    fields["url"] = .string(crmURL)
                    document = .object(fields)
                }
                documents.append(document)
            }
        }
        let journeyFile = root.appendingPathComponent("journeys/order-follow-up.json")
        documents.append(try JSONValue(parsing: Array(try Data(contentsOf: journeyFile))))
        var body = OrderedFields<JSONValue>()
        body["configs"] = .array(documents)
        return String(decoding: JSONValue.object(body).serializedBytes(), as: UTF8.self)
    }

    @Test func theServerRunsTheOrderFollowUpJourneyAndStopsOnSIGTERM() async throws {
        let received = Mutex<[LoopbackRequest]>([])
        let crm = try await LoopbackServer { request in
            received.withLock { $0.append(request) }
            return .json(#"{"status":"recorded","customerId":"C-7"}"#)
        }.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let minted = try await WaymarkProcess.runDetached(["tokens", "create", "--data-dir", directory, "--name", "tests", "--role", "administrator"])
        #expect(minted.status == 0, "\(minted.standardError)")
        let token = minted.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("wm_"))
        let user = try await WaymarkProcess.runDetached([
            "users", "create", "--data-dir", directory, "--name", "ana", "--role", "journeyApprover", "--password", "a long enough pass",
        ])
        #expect(user.status == 0, "\(user.standardError)")
        let shortPassword = try await WaymarkProcess.runDetached(["users", "create", "--data-dir", directory, "--name", "bo", "--role", "viewer", "--password", "short"])
        #expect(shortPassword.status != 0)
        #expect(shortPassword.standardError.contains("at least 12 characters"))
        let server = try await Server.start(dataDirectory: directory)
        let client = PooledHTTP1Transport()

        func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> (status: Int, body: String) {
            let response = try await client.send(
                HTTPRequestSpec(
                    method: method, url: server.baseURL + path, headers: [NamedValue("Authorization", "Bearer " + token)],
                    body: body.map { Array($0.utf8) }), timeout: 30_000)
            return (response.status, String(decoding: response.body, as: UTF8.self))
        }

        #expect(try await send(.get, "/healthz").status == 200)
        let session = try await send(.post, "/v1/sessions", #"{"name":"ana","password":"a long enough pass"}"#)
        #expect(session.status == 201, "the user made by waymark users create signs in: \(session.body)")
        let configured = try await send(.post, "/v1/config", try Self.exampleConfigs(crmURL: crm.baseURL + "/api/customers"))
        #expect(configured.status == 200, "\(configured.body)")
        // Published with `waymark journeys`, as a journey approver would.
        let published = try await WaymarkProcess.runDetached(["journeys", "publish", "order-follow-up", "--server", server.baseURL, "--token", token])
        #expect(published.status == 0, "\(published.standardError)")
        #expect(published.standardOutput == "order-follow-up 1.0 live\n")
        let listed = try await WaymarkProcess.runDetached(["journeys", "list", "--server", server.baseURL, "--token", token])
        #expect(listed.standardOutput == "order-follow-up\t1.0\tlive\tOrder follow-up\n")
        let again = try await WaymarkProcess.runDetached(["journeys", "publish", "order-follow-up", "1.0", "--server", server.baseURL, "--token", token])
        #expect(again.status != 0)
        #expect(again.standardError.contains("ERR_INVALID_STATUS_CHANGE"), "\(again.standardError)")
        // Events sent with `waymark send`, as an operator would.
        let events = try SimulateTests.file("serve-orders.ndjson", [SimulateTests.orderPlaced])
        #expect(try await client.send(HTTPRequestSpec(method: .get, url: server.baseURL + "/v1/config"), timeout: 30_000).status == 401)
        let sent = try await WaymarkProcess.runDetached(["send", events, "--server", server.baseURL, "--token", token])
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.contains("1 events sent: accepted 1"))

        let deadline = ContinuousClock.now + .seconds(30)
        while received.withLock({ $0.isEmpty }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let call = try #require(received.withLock { $0.first })
        #expect(call.method == "PUT")
        #expect(call.path == "/api/customers/eve@example.com/orders")
        #expect(call.header("authorization") == "Basic " + Data("waymark:change-me".utf8).base64EncodedString())
        #expect(try JSONValue(parsing: call.bodyText) == JSONValue(parsing: #"{"orderId":"O-1","total":99.9,"tags":["web","journey"]}"#))

        // The steps read back by SQL with `waymark query`.
        var rows = ""
        while !rows.contains("crm"), ContinuousClock.now < deadline {
            let query = try await WaymarkProcess.runDetached([
                "query", "SELECT nodeID, stepStatus FROM step_events WHERE journeyID = 'order-follow-up' ORDER BY position",
                "--format", "csv", "--server", server.baseURL, "--token", token,
            ])
            #expect(query.status == 0, "\(query.standardError)")
            rows = query.standardOutput
        }
        #expect(rows.hasPrefix("nodeID,stepStatus\norder,"))
        #expect(rows.contains("crm,"))
        let refused = try await WaymarkProcess.runDetached(["query", "SELECT * FROM instances", "--server", server.baseURL, "--token", token])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("ERR_QUERY"))
        // The report by API: one person entered, the CRM action executed once.
        let report = try JSONValue(parsing: Array(try await send(.get, "/v1/reports/order-follow-up@1.0").body.utf8))
        guard case .object(let fields) = report, case .object(let journey)? = fields["journey"], case .object(let nodes)? = fields["nodes"],
            case .object(let crmNode)? = nodes["crm"]
        else {
            Issue.record("the report reads \(report)")
            return
        }
        #expect(journey["entered"] == .int(1))
        #expect(crmNode["actionsExecuted"] == .int(1))

        try await client.shutdown()
        #expect(await server.terminate() == 0)
        try await crm.shutdown()
    }
}
