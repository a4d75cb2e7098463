import Foundation
import Testing
import WaymarkEngine
import WaymarkServer

/// `waymark serve`'s settings from flags, the environment and a settings file.
@Suite struct ServerSettingsTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-settings-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws {
        let path = try Self.file(#"{"host":"0.0.0.0","port":9000,"dataDir":"/var/lib/waymark","acceptance":"inbox","testModeWaitMs":"2500"}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try ServerSettings.resolve(
            flags: ServerSettings.Layer(port: 7000), environment: ["WAYMARK_DATA_DIR": "/srv/waymark", "WAYMARK_MAX_EVENT_BYTES": "2048"],
            file: path)
        #expect(settings.port == 7000, "the flag")
        #expect(settings.dataDirectory == "/srv/waymark", "the environment")
        #expect(settings.limits.maximumEventBytes == 2048)
        #expect(settings.host == "0.0.0.0", "the file")
        #expect(settings.engine.acceptance == .inbox)
        #expect(settings.engine.testModeWaitDuration == 2500)

        let defaults = try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: [:], file: nil)
        #expect(defaults.host == "127.0.0.1" && defaults.port == 8080 && defaults.dataDirectory == "./waymark-data")
        #expect(defaults.engine.acceptance == .routed)

        let named = try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: ["WAYMARK_CONFIG": path], file: nil)
        #expect(named.port == 9000, "WAYMARK_CONFIG names the file")
    }

    @Test func wrongValuesAreNamedWithWhereTheyCameFrom() throws {
        let port = #expect(throws: ServerError.self) {
            try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: ["WAYMARK_PORT": "eighty"], file: nil)
        }
        #expect(port?.message.contains("WAYMARK_PORT is eighty") == true, "\(port?.message ?? "")")
        let acceptance = #expect(throws: ServerError.self) {
            try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: ["WAYMARK_ACCEPTANCE": "later"], file: nil)
        }
        #expect(acceptance?.message.contains("routed or inbox") == true)

        let unknown = try Self.file(#"{"prot":8080}"#)
        defer { try? FileManager.default.removeItem(atPath: unknown) }
        let key = #expect(throws: ServerError.self) { try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: [:], file: unknown) }
        #expect(key?.message.contains("unknown key prot") == true)
        let missing = #expect(throws: ServerError.self) {
            try ServerSettings.resolve(flags: ServerSettings.Layer(), environment: [:], file: "/nonexistent/waymark.json")
        }
        #expect(missing?.message.contains("cannot read") == true)
    }
}
