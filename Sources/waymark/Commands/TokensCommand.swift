import ArgumentParser
import Foundation
import WaymarkServer

/// `waymark tokens create`: mints an API token in a data directory, without a running server
/// (set-up scripts, CI, a lost administrator password).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Creates API tokens in a data directory.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Creates an API token and prints its secret (shown once).")

        @OptionGroup var account: AccountOptions

        func run() async throws {
            do {
                print(try await WaymarkServer.createToken(name: account.name, role: account.role, dataDirectory: account.dataDir))
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
