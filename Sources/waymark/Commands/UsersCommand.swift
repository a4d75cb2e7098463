import ArgumentParser
import Foundation
import WaymarkServer

/// `waymark users create`: creates a user in a data directory, without a running server (the
/// first administrator, or one more when the password is lost).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Creates users in a data directory.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Creates a user; prints the password when it was generated (shown once).")

        @OptionGroup var account: AccountOptions

        @Option(help: "Its password, at least 12 characters (default: WAYMARK_PASSWORD, else a random one, printed).")
        var password: String?

        func run() async throws {
            let given = password ?? ProcessInfo.processInfo.environment["WAYMARK_PASSWORD"]
            let chosen: String
            do {
                chosen = try await WaymarkServer.createUser(
                    name: account.name, role: account.role, password: given, dataDirectory: account.dataDir)
            } catch {
                throw ValidationError(error.message)
            }
            let created = "created \(account.name) (\(account.role.rawValue))"
            print(given == nil ? "\(created) with the password \(chosen)" : created)
        }
    }
}
