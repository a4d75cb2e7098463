import ArgumentParser
import WaymarkStore

extension Role: ExpressibleByArgument {}

/// The options of the commands that create an account (a user, an API token) in a data
/// directory without a running server.
struct AccountOptions: ParsableArguments {
    @Option(help: "Its name (who uses it).")
    var name: String

    @Option(help: "Its role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: Role

    @Option(help: "The server's data directory.")
    var dataDir: String = "./waymark-data"
}
