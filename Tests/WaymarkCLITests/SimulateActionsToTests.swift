import Foundation
import Synchronization
import Testing
import WaymarkCore
import WaymarkLoopback

/// `waymark simulate --actions-to URL`: the multi-step example journey's custom action goes over
/// HTTP to a real server on loopback, with its payload, path, authentication and idempotency key.
@Suite struct SimulateActionsToTests {
    /// The requests a server received.
    final class Received: Sendable {
        let requests = Mutex<[LoopbackRequest]>([])
    }

    @Test func theOrderFollowUpJourneyCallsItsCRMOverHTTP() async throws {
        let received = Received()
        let server = try await LoopbackServer { request in
            received.requests.withLock { $0.append(request) }
            return LoopbackResponse(status: 200, body: Array(#"{"status":"recorded","customerId":"C-7"}"#.utf8))
        }.start()
        defer { Task { try? await server.shutdown() } }
        let events = try SimulateTests.file("orders.ndjson", [SimulateTests.orderPlaced, SimulateTests.orderShipped])
        let outcome = try await WaymarkProcess.runDetached([
            "simulate", "--config", "examples", "--journey", "examples/journeys/order-follow-up.json", "--events", events,
            "--format", "ndjson", "--actions-to", server.baseURL,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let steps = try outcome.standardOutput.split(separator: "\n").map { line -> OrderedFields<JSONValue> in
            guard case .object(let fields) = try JSONValue(parsing: String(line)) else { throw CocoaError(.coderReadCorrupt) }
            return fields
        }
        #expect(steps.map { $0["nodeID"] } == ["order", "crm", "shipped", "sms", "wait-3d", "tier", "vip", "end-vip"].map(JSONValue.string))

        // One call: the CRM sync (the messages are not HTTP actions), as configured.
        let requests = received.requests.withLock { $0 }
        #expect(requests.count == 1)
        let call = try #require(requests.first)
        #expect(call.method == "PUT")
        #expect(call.path == "/api/customers/eve@example.com/orders")
        #expect(call.header("authorization") == "Basic " + Data("waymark:change-me".utf8).base64EncodedString())
        #expect(call.header("content-type") == "application/json")
        let crm = try #require(steps.first { $0["nodeID"] == .string("crm") })
        #expect(call.header("idempotency-key")?.isEmpty == false)
        #expect(try JSONValue(parsing: call.bodyText) == JSONValue(parsing: #"{"orderId":"O-1","total":99.9,"tags":["web","journey"]}"#))
        // The step event of the action carries the real call.
        #expect(crm["actionExecutionError"] == nil || crm["actionExecutionError"] == .null)
        #expect(crm["actionOriginEndpoint"] == .string(server.baseURL + "/api/customers/eve@example.com/orders"))
        #expect(crm["actionOriginMethod"] == .string("PUT"))
    }

    @Test func aRefusedCallTakesTheErrorPathAndNamesTheStatus() async throws {
        let server = try await LoopbackServer { _ in LoopbackResponse(status: 404) }.start()
        defer { Task { try? await server.shutdown() } }
        let events = try SimulateTests.file("orders.ndjson", [SimulateTests.orderPlaced])
        let outcome = try await WaymarkProcess.runDetached([
            "simulate", "--config", "examples", "--journey", "examples/journeys/order-follow-up.json", "--events", events,
            "--format", "ndjson", "--actions-to", server.baseURL,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let crm = try #require(outcome.standardOutput.split(separator: "\n").lazy.compactMap { line -> OrderedFields<JSONValue>? in
            guard case .object(let fields) = try? JSONValue(parsing: String(line)), fields["nodeID"] == .string("crm") else { return nil }
            return fields
        }.first)
        #expect(crm["stepStatus"] == .string("error"))
        #expect(crm["actionExecutionError"] == .string("http"))
        #expect(crm["actionExecutionErrorCode"] == .string("404"))
    }

    @Test func aBadActionsToURLIsRefused() throws {
        let outcome = try WaymarkProcess.run([
            "simulate", "--config", "examples", "--journey", "examples/journeys/order-follow-up.json", "--events", "x.ndjson",
            "--actions-to", "ftp://example.com",
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--actions-to must be an http:// or https:// URL"))
    }
}
