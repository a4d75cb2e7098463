import Foundation
import Testing
@testable import WaymarkCore

/// Every JSON file under examples/ decodes, round-trips, and every example journey validates clean.
///
/// YAML examples need the CLI's YAML reader; `ValidateCommandTests` validates the whole folder.
@Suite struct ExampleTests {
    static func exampleFiles() throws -> [URL] {
        let enumerator = try #require(FileManager.default.enumerator(at: Fixtures.examplesDirectory, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    static func documents() throws -> [(URL, ConfigDocument)] {
        try exampleFiles().map { url in
            do {
                return (url, try ConfigDocument.decode(from: Array(try Data(contentsOf: url))))
            } catch let error as ConfigDecodingError {
                Issue.record("\(url.lastPathComponent): \(error)")
                throw error
            }
        }
    }

    @Test func everyExampleDecodesAndRoundTrips() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 15)
        for (url, document) in documents {
            let folder = url.deletingLastPathComponent().lastPathComponent
            let expectedFolder = ["event": "events", "dataSource": "data-sources", "action": "actions", "journey": "journeys"][document.kind]
            #expect(folder == expectedFolder, "\(url.lastPathComponent) is a \(document.kind)")
            let again: ConfigDocument = try Fixtures.decode(try Fixtures.encode(document))
            #expect(again == document, "\(url.lastPathComponent)")
        }
    }

    @Test func exampleJourneysValidateClean() throws {
        let documents = try Self.documents().map(\.1)
        let configuration = Configuration(documents: documents)
        #expect(configuration.journeys.count >= 2)
        let validator = JourneyValidator(configuration: configuration)
        #expect(ConfigValidator.issues(of: configuration) == [])
        for journey in configuration.journeys {
            #expect(validator.validate(journey) == [], "\(journey.id)")
        }
    }

    @Test func exampleSecretsAreRedactable() throws {
        let documents = try Self.documents().map(\.1)
        let withSecrets = documents.filter { $0.redacted() != $0 }
        #expect(withSecrets.count >= 3)
        for document in withSecrets {
            let json = try Fixtures.encode(document.redacted())
            #expect(!json.contains("change-me"), "\(document.name)")
        }
    }
}
