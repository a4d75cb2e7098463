import ArgumentParser
import Foundation
import WaymarkCore

/// `waymark journeys …`: the journey lifecycle on a running server.
struct JourneysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys",
        abstract: "Lists, saves, validates, publishes, closes, stops, versions, deletes and exports journeys on a server.",
        subcommands: [
            List.self, Save.self, Validate.self, Publish.self, TestMode.self, Close.self, Stop.self, NewVersion.self, Delete.self,
            Export.self,
        ])

    /// `waymark journeys list`: one line per version — id, version, status, name.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists every journey version with its status.")
        @OptionGroup var client: ServerClientOptions

        func run() async throws {
            let journeys = try await client.expect(200, .get, "/v1/journeys")
            var lines: [String] = []
            for journey in journeys.at("journeys")?.items ?? [] {
                for version in journey.at("versions")?.items ?? [] {
                    lines.append([journey.at("id"), version.at("version"), version.at("status"), version.at("name")].map(\.text).joined(separator: "\t"))
                }
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// `waymark journeys save FILE`: saves a journey version document (a draft, or an edit).
    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Saves a journey version from a JSON file; prints its issues.")
        @Argument(help: "The journey document (JSON).") var file: String
        @OptionGroup var client: ServerClientOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let answer = try await client.expect(200, .post, "/v1/journeys", body: Array(data))
            printIssues(answer.at("issues"))
        }
    }

    /// `waymark journeys validate ID [VERSION]`.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validates a stored journey version; fails when it has errors.")
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions

        func run() async throws {
            let answer = try await client.expect(200, .post, try await address.path(client) + "/validate")
            printIssues(answer.at("issues"))
            if answer.at("valid") != .bool(true) { throw ExitCode(1) }
        }
    }

    struct Publish: LifecycleStep {
        static let configuration = CommandConfiguration(abstract: "Publishes a journey version (the live one before it is closed).")
        static let route = "/publish"
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions
    }

    struct TestMode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test-mode", abstract: "Turns test mode on or off for a draft.")
        @Argument(help: "on or off.") var state: String
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions
        func run() async throws {
            guard state == "on" || state == "off" else { throw ValidationError("test-mode takes on or off, not \(state)") }
            try await step(state == "on" ? .post : .delete, "/test-mode", address, client)
        }
    }

    struct Close: LifecycleStep {
        static let configuration = CommandConfiguration(abstract: "Closes a live version to new entrances; people inside finish.")
        static let route = "/close"
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions
    }

    struct Stop: LifecycleStep {
        static let configuration = CommandConfiguration(abstract: "Stops a live or closed version: everyone inside leaves.")
        static let route = "/stop"
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions
    }

    struct NewVersion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-version", abstract: "Creates the draft of a new version from the latest published one.")
        @Argument(help: "The journey id.") var id: String
        @OptionGroup var client: ServerClientOptions
        func run() async throws {
            let created = try await client.expect(201, .post, "/v1/journeys/\(Address.escaped(id))/versions")
            print("\(id) \(created.at("version").text) \(created.at("status").text)")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deletes a finished version or one never published.")
        @OptionGroup var address: Address
        @OptionGroup var client: ServerClientOptions
        func run() async throws {
            let path = try await address.path(client)
            _ = try await client.expect(204, .delete, path)
            print("deleted \(path.dropFirst("/v1/journeys/".count))")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prints a journey with its events, data sources and actions, secrets redacted (import with POST /v1/config).")
        @Argument(help: "The journey id.") var id: String
        @OptionGroup var client: ServerClientOptions
        func run() async throws {
            let bundle = try await client.expect(200, .get, "/v1/journeys/\(Address.escaped(id))/export")
            print(String(decoding: bundle.serializedBytes(), as: UTF8.self))
        }
    }

    /// A journey version named on the command line: its id, and its version (default: the latest).
    struct Address: ParsableArguments {
        @Argument(help: "The journey id.") var id: String
        @Argument(help: "The version, such as 1.0 (default: the latest).") var version: String?

        /// `/v1/journeys/{id}/versions/{version}`, the latest version asked of the server when none was given.
        func path(_ client: ServerClientOptions) async throws -> String {
            var number = version
            if number == nil {
                let versions = try await client.expect(200, .get, "/v1/journeys/\(Self.escaped(id))")
                number = versions.at("versions")?.items.last?.at("version").text
            }
            return "/v1/journeys/\(Self.escaped(id))/versions/\(Self.escaped(number ?? ""))"
        }

        static func escaped(_ segment: String) -> String {
            segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
        }
    }
}

/// A command that posts one lifecycle step (`route`, after the version's path) and prints the new status.
private protocol LifecycleStep: AsyncParsableCommand {
    static var route: String { get }
    var address: JourneysCommand.Address { get }
    var client: ServerClientOptions { get }
}

extension LifecycleStep {
    func run() async throws { try await step(.post, Self.route, address, client) }
}

/// Runs one lifecycle step and prints the version's new status.
private func step(_ method: HTTPMethod, _ suffix: String, _ address: JourneysCommand.Address, _ client: ServerClientOptions) async throws {
    let changed = try await client.expect(200, method, try await address.path(client) + suffix)
    print("\(changed.at("id").text) \(changed.at("version").text) \(changed.at("status").text)")
}

/// Prints validation issues, one per line: severity, code, node, message.
private func printIssues(_ issues: JSONValue?) {
    for issue in issues?.items ?? [] {
        let node = issue.at("nodeId").flatMap { $0 == .null ? nil : " [\(Optional($0).text)]" } ?? ""
        print("\(issue.at("severity").text) \(issue.at("code").text)\(node): \(issue.at("message").text)")
    }
}

extension ServerClientOptions {
    /// Sends a request and returns its JSON answer when the status is `status`.
    /// - Throws: `ValidationError` with the server's error (code, message and any issues) otherwise.
    func expect(_ status: Int, _ method: HTTPMethod, _ path: String, body: [UInt8]? = nil) async throws -> JSONValue {
        let answer = try await send(method, path, body: body)
        guard answer.status == status else {
            var message = Self.message(of: answer.json)
            for issue in answer.json.at("error")?.at("details")?.at("issues")?.items ?? [] {
                message += "\n  \(issue.at("code").text): \(issue.at("message").text)"
            }
            throw ValidationError(message)
        }
        return answer.json
    }
}

extension JSONValue {
    /// The value of the field `key` of an object.
    fileprivate func at(_ key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The items of an array (none for anything else).
    fileprivate var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}

extension Optional where Wrapped == JSONValue {
    /// A string's text, another value's JSON, empty when absent.
    fileprivate var text: String {
        switch self {
        case .string(let text)?: text
        case let value?: String(decoding: value.serializedBytes(), as: UTF8.self)
        case nil: ""
        }
    }
}
