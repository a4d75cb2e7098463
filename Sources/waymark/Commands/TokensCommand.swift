import ArgumentParser
import Foundation
import WaymarkServer
import WaymarkStore

/// `waymark tokens create`: mints an API token in a data directory, without a running server
/// (set-up scripts, CI, a lost administrator password).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Creates API tokens in a data directory.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Creates an API token and prints its secret (shown once).")

        @Option(help: "The token's name (who uses it).")
        var name: String

        @Option(help: "Its role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "The server's data directory.")
        var dataDir: String = "./waymark-data"

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            do {
                print(try await WaymarkServer.createToken(name: name, role: role, dataDirectory: dataDir))
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
