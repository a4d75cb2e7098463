import ArgumentParser
import Foundation
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

/// `waymark calls`: the external calls that failed, kept for operators to list and replay.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "List and replay the external calls (custom actions, data fetches) that failed.",
        subcommands: [CallsListCommand.self, CallsReplayCommand.self])
}

/// The data directory of the store the calls are kept in.
struct CallsStoreOptions: ParsableArguments {
    @Option(help: "The data directory.")
    var dataDir: String = SQLiteStore.defaultDirectory

    /// Opens the store (an error naming the directory when it cannot).
    func open() throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: (dataDir as NSString).appendingPathComponent(SQLiteStore.fileName)) else {
            throw ValidationError("no Waymark store in \(dataDir)")
        }
        return try SQLiteStore(directory: dataDir)
    }
}

/// `waymark calls list`: one JSON line per failed call, oldest first.
struct CallsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the failed calls as NDJSON, oldest first.")

    @OptionGroup var store: CallsStoreOptions

    @Option(help: "Start after the call with this id (paging).")
    var after: String?

    @Option(help: "The most calls printed.")
    var limit: Int = 100

    func run() async throws {
        for call in try await store.open().failedCalls(after: after, limit: max(1, limit)) {
            print(Self.line(call).serialized())
        }
    }

    /// A failed call as one JSON object (its request's id, action, instance and error; no payload).
    static func line(_ call: FailedCallRecord) -> JSONValue {
        var fields = OrderedFields<JSONValue>()
        fields["id"] = .string(call.id)
        fields["kind"] = .string(call.kind.rawValue)
        if let request = try? ExternalCallRequest(decoding: call.request) {
            fields["action"] = request.actionName.map(JSONValue.string) ?? .null
            fields["journeyVersionID"] = .string(request.journeyVersionID)
            fields["nodeID"] = .string(request.nodeID)
        }
        fields["instanceID"] = .string(call.instanceID)
        fields["profile"] = .string("\(call.profile.namespace):\(call.profile.id)")
        fields["error"] = .string(call.errorKind.actionErrorName)
        fields["errorCode"] = call.errorCode.map(JSONValue.string) ?? .null
        fields["failedAt"] = .string(Self.instant(call.failedAt))
        fields["replayedAt"] = call.replayedAt.map { .string(Self.instant($0)) } ?? .null
        fields["replaySucceeded"] = call.replaySucceeded.map(JSONValue.bool) ?? .null
        return .object(fields)
    }

    /// Milliseconds since the epoch as an ISO-8601 date-time.
    static func instant(_ milliseconds: Int64) -> String {
        Timestamp(Date(timeIntervalSince1970: Double(milliseconds) / 1_000)).description
    }
}

/// `waymark calls replay ID…`: makes failed calls again with the store's configs.
struct CallsReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Make failed calls again (same request, same Idempotency-Key) and print how each went.",
        discussion: "The journeys are not touched: the people took their node's error path when the call failed.")

    @OptionGroup var store: CallsStoreOptions

    @Option(help: "A JSON file of endpoint rules (capping and throttling).")
    var endpoints: String?

    @Argument(help: "The ids of the calls (from `waymark calls list`).")
    var ids: [String]

    func run() async throws {
        let rules = try endpoints.map(SimulateCommand.readRules) ?? .none
        let transport = PooledHTTP1Transport()
        let engine = Engine(store: try store.open(), executor: HTTPCallExecutor(transport: transport, gate: EndpointGate(rules: rules)))
        var failures = 0
        do {
            try await engine.loadConfigurations()
            for id in ids {
                var fields = OrderedFields<JSONValue>()
                fields["id"] = .string(id)
                do {
                    let result = try await engine.replayFailedCall(id: id)
                    fields["status"] = result.status.map { JSONValue.int(Int64($0)) } ?? .null
                    fields["error"] = result.errorKind.map { .string($0.actionErrorName) } ?? .null
                    if result.errorKind != nil { failures += 1 }
                } catch {
                    fields["error"] = .string(error.message)
                    failures += 1
                }
                print(JSONValue.object(fields).serialized())
            }
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try? await transport.shutdown()
        if failures > 0 { throw ExitCode(1) }
    }
}
