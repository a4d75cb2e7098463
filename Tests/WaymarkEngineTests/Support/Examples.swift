import Foundation
import WaymarkCore
import WaymarkEngine

/// The repository's example configs and helpers to write events for them.
enum Examples {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every JSON config of `examples/` except journeys (events, data sources, actions).
    static func configs() throws -> [ConfigDocument] {
        try ["events", "data-sources", "actions"].flatMap { folder in
            let directory = root.appendingPathComponent("examples/\(folder)")
            return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                .filter { $0.hasSuffix(".json") }
                .map { try document(at: directory.appendingPathComponent($0)) }
        }
    }

    /// The example journey `examples/journeys/<name>`.
    static func journey(_ name: String) throws -> Journey {
        guard case .journey(let journey) = try document(at: root.appendingPathComponent("examples/journeys/\(name)")) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return journey
    }

    static func document(at url: URL) throws -> ConfigDocument {
        try ConfigDocument.decode(from: [UInt8](try Data(contentsOf: url)))
    }

    /// An event as sent: `fields` plus `_id`, `timestamp` and the system-generated `eventID` when given.
    static func event(_ id: String, at timestamp: String, eventID: String? = nil, _ fields: [String: JSONValue]) -> TimedEvent {
        var object = OrderedFields<JSONValue>()
        object["_id"] = .string(id)
        object["timestamp"] = .string(timestamp)
        if let eventID {
            object["_experience"] = .object(OrderedFields([
                ("campaign", .object(OrderedFields([("orchestration", .object(OrderedFields([("eventID", .string(eventID))])))]))),
            ]))
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { object[key] = value }
        return TimedEvent(timestamp: Int64((Timestamp(timestamp)!.date.timeIntervalSince1970 * 1000).rounded()), json: .object(object))
    }

    static let cartAbandonedID = "6c1e4b2f9a8d47e0b3c5d7f9a1b3c5d7"
    static let orderPlacedID = "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"
    static let orderShippedID = "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"
    static let signupID = "b1f0c6a4e2d94b0c8a3f5e7d9c1b2a30"
}
