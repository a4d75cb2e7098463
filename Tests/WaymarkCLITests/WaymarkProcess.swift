import Foundation
import Testing

/// Runs the built `waymark` executable as a real process, as a user would.
struct WaymarkProcess {
    /// What a run printed and how it exited.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `waymark` binary next to the test bundle (both are build products of one build),
    /// or the one named by `WAYMARK_BINARY`.
    static var executable: URL {
        get throws {
            if let path = ProcessInfo.processInfo.environment["WAYMARK_BINARY"] {
                return URL(fileURLWithPath: path)
            }
            var directory = Bundle.main.bundleURL
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("waymark")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "waymark executable near \(Bundle.main.bundleURL.path)"])
        }
    }

    /// The package's root folder, for reaching `examples/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `waymark` with `arguments` from the package root and waits for it to exit.
    static func run(_ arguments: [String], standardInput: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// `run` on a thread of its own: the test's tasks (a server on loopback the process calls)
    /// keep the cooperative threads while the process runs.
    static func runDetached(_ arguments: [String]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, any Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try run(arguments) }) }
        }
    }
}
