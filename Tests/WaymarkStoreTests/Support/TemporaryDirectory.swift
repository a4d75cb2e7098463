import Foundation

/// A new directory under the system's temporary directory, removed after use.
struct TemporaryDirectory {
    let url: URL

    var path: String { url.path }

    /// Runs `body` with a new empty directory, and removes it afterwards.
    static func with<Result>(_ body: (TemporaryDirectory) async throws -> Result) async throws -> Result {
        let url = FileManager.default.temporaryDirectory.appending(path: "waymark-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(TemporaryDirectory(url: url))
    }
}
