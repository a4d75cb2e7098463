import Foundation
import WaymarkCore

/// Validates a set of config files together: each file on its own, then every journey against
/// the events, data sources and actions of the whole set.
enum ConfigSetValidator {
    /// The code of a file that cannot be read or decoded.
    static let invalidConfig: ValidationCode = "ERR_CONFIG_INVALID"

    /// Validates the files at `urls` as one configuration.
    static func validate(_ urls: [URL]) -> FileValidationReport {
        var results: [FileValidationReport.FileResult] = []
        var documents: [(index: Int, document: ConfigDocument)] = []
        var seen: [String: String] = [:]  // "kind name" → first path
        for url in urls {
            let path = url.relativePath
            let document: ConfigDocument
            switch decode(url) {
            case .failure(let failure):
                results.append(.init(path: path, kind: nil, name: nil, issues: [failure.issue]))
                continue
            case .success(let decoded):
                document = decoded
            }
            var issues: [ValidationIssue] = []
            let identity = "\(document.kind) \(identityName(of: document))"
            if let first = seen[identity] {
                issues.append(.error(.duplicateName, "Another \(document.kind) named \"\(document.name)\" is already defined in \(first)."))
            } else {
                seen[identity] = path
                documents.append((results.count, document))
            }
            results.append(.init(path: path, kind: document.kind, name: document.name, issues: issues))
        }
        let configuration = Configuration(documents: documents.map(\.document))
        for (index, document) in documents {
            results[index].issues += ConfigValidator.issues(of: document, in: configuration)
        }
        return FileValidationReport(files: results)
    }

    /// Journeys are identified by id and version (several versions may sit side by side);
    /// other configs by name.
    private static func identityName(of document: ConfigDocument) -> String {
        if case .journey(let journey) = document { return "\(journey.id)@\(journey.version)" }
        return document.name
    }

    /// Why a file could not be decoded, as the issue to report.
    private struct UnreadableFile: Error {
        var issue: ValidationIssue
    }

    /// Reads and decodes one file.
    private static func decode(_ url: URL) -> Result<ConfigDocument, UnreadableFile> {
        let json: JSONValue
        do {
            json = try ConfigFileReader.read(url)
        } catch {
            return .failure(UnreadableFile(issue: .error(invalidConfig, error.message)))
        }
        do {
            return .success(try ConfigDocument.decode(from: json.serializedBytes()))
        } catch {
            let field = error.path.isEmpty ? nil : error.path
            return .failure(UnreadableFile(issue: .error(invalidConfig, field: field, error.message)))
        }
    }
}
