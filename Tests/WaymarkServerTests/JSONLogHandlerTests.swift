import Foundation
import Logging
import Testing
import WaymarkCore
@testable import WaymarkServer

/// Structured logs: one JSON object per line.
@Suite struct JSONLogHandlerTests {
    @Test func aLineIsOneJSONObjectWithTheMetadataAsFields() throws {
        let line = JSONLogHandler.line(
            level: .warning, label: "waymark.engine", message: "a \"quoted\"\nmessage",
            metadata: ["partition": "3", "error": .stringConvertible(42), "tags": .array(["a", "b"]), "message": "ignored"],
            at: Date(timeIntervalSince1970: 1_795_000_000.25))
        #expect(line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1, "one line whatever the message holds")
        let object = try JSONValue(parsing: Array(line.utf8))
        #expect(object.at("time") == .string("2026-11-18T11:06:40.250Z"))
        #expect(object.at("level") == .string("warning"))
        #expect(object.at("logger") == .string("waymark.engine"))
        #expect(object.at("message") == .string("a \"quoted\"\nmessage"), "metadata never overwrites the message")
        #expect(object.at("partition") == .string("3"))
        #expect(object.at("error") == .string("42"))
        #expect(object.at("tags") == .array([.string("a"), .string("b")]))
    }
}
