import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkSQLite
import WaymarkStore

/// Config secrets are sealed in the database file and opened when read back.
@Suite struct SQLiteSecretSealingTests {
    static let source = DataSourceConfig(
        name: "Weather", provider: .rest(baseURL: "https://weather.example", authentication: .basic(username: "ops", password: "hunter2-secret")))
    static let action = ActionConfig(
        name: "Notify",
        definition: .custom(
            CustomAction(
                url: "https://hooks.example/notify",
                authentication: .custom(
                    CustomAuthentication(
                        endpoint: "https://auth.example/token",
                        body: [.init(name: "client_id", value: "waymark"), .init(name: "client_secret", value: "s3cr3t-value", secret: true)])))))

    /// Every stored config document, as the raw text in the file.
    static func storedText(_ directory: String) throws -> String {
        let queue = try DatabaseQueue(path: (directory as NSString).appendingPathComponent(SQLiteStore.fileName))
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT document FROM configs").joined(separator: "\n") }
    }

    @Test func secretsAreSealedInTheFileAndOpenedOnRead() async throws {
        try await TemporaryDirectory.with { directory in
            let documents: [ConfigDocument] = [.dataSource(Self.source), .action(Self.action)]
            do {
                let store = try SQLiteStore(directory: directory.path)
                try await store.saveConfigs(documents)
                #expect(Set(try await store.configs()) == Set(documents))
            }
            let text = try Self.storedText(directory.path)
            #expect(!text.contains("hunter2-secret"))
            #expect(!text.contains("s3cr3t-value"))
            #expect(text.contains(SecretBox.sealedPrefix))
            #expect(text.contains("client_id") && text.contains("waymark"), "what is not secret stays readable")
            let keyFile = (directory.path as NSString).appendingPathComponent(SQLiteStore.secretKeyFileName)
            let permissions = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            // Reopened with the key file of the directory: the secrets open again.
            #expect(Set(try await SQLiteStore(directory: directory.path).configs()) == Set(documents))
        }
    }

    @Test func aGivenKeyIsUsedAndAnotherKeyCannotOpen() async throws {
        try await TemporaryDirectory.with { directory in
            let key = SecretBox.generateKey()
            try await SQLiteStore(directory: directory.path, secrets: try SecretBox(base64: key)).saveConfigs([.dataSource(Self.source)])
            #expect(!FileManager.default.fileExists(atPath: (directory.path as NSString).appendingPathComponent(SQLiteStore.secretKeyFileName)))
            #expect(try await SQLiteStore(directory: directory.path, secrets: try SecretBox(base64: key)).configs() == [.dataSource(Self.source)])
            let other = try SQLiteStore(directory: directory.path, secrets: try SecretBox(base64: SecretBox.generateKey()))
            let error = await expectStoreError(.corrupt) { _ = try await other.configs() }
            #expect(error?.message.contains("Weather") == true)
        }
    }

    @Test func badKeysAreRejectedWithAClearError() throws {
        #expect(throws: StoreError.self) { try SecretBox(base64: "not base64 !") }
        #expect(throws: StoreError.self) { try SecretBox(key: [1, 2, 3]) }
        let box = try SecretBox(base64: SecretBox.generateKey())
        #expect(try box.open("plain, stored before sealing") == "plain, stored before sealing")
        let sealed = try box.seal("é secret ✓")
        #expect(sealed != (try box.seal("é secret ✓")), "a new nonce each time")
        #expect(try box.open(sealed) == "é secret ✓")
    }
}
