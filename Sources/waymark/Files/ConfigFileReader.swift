import Foundation
import WaymarkCore

/// Reads one config file, JSON or YAML (by extension), into a `JSONValue`.
enum ConfigFileReader {
    /// The largest config file read, so a wrong path cannot exhaust memory.
    static let maximumSize = 16 << 20

    /// Reads and parses the file at `url`.
    /// - Throws: `ConfigFileError` whose message starts with the path and says what and where.
    static func read(_ url: URL) throws(ConfigFileError) -> JSONValue {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumSize {
                throw ConfigFileError(message: "\(url.relativePath): larger than \(maximumSize >> 20) MB")
            }
            data = try Data(contentsOf: url)
        } catch let error as ConfigFileError {
            throw error
        } catch {
            throw ConfigFileError(message: "\(url.relativePath): cannot be read (\(error.localizedDescription))")
        }
        switch url.pathExtension.lowercased() {
        case "yaml", "yml":
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigFileError(message: "\(url.relativePath): not UTF-8 text")
            }
            do {
                return try YAMLConversion.jsonValue(fromYAML: text)
            } catch {
                throw ConfigFileError(message: "\(url.relativePath): \(error.message)")
            }
        default:
            do {
                return try JSONValue(parsing: data)
            } catch {
                throw ConfigFileError(message: "\(url.relativePath): \(error)")
            }
        }
    }
}
