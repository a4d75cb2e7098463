import Foundation

/// Finds the config files (JSON or YAML) named on a command line.
enum ConfigFileFinder {
    /// File extensions read as configs.
    static let extensions: Set<String> = ["json", "yaml", "yml"]

    /// The config files of `paths`: files as given, directories searched recursively; sorted
    /// within each directory so output is stable. Hidden files and folders are skipped.
    /// - Throws: `ConfigFileError` naming a path that does not exist.
    static func files(in paths: [String]) throws(ConfigFileError) -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ConfigFileError(message: "\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                found += configFiles(under: path)
            } else {
                found.append(URL(fileURLWithPath: path))
            }
        }
        return found
    }

    /// The config files below `directory`, named from it (`examples/events/signup.json`).
    private static func configFiles(under directory: String) -> [URL] {
        guard let relativePaths = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] else {
            return []
        }
        return relativePaths
            .filter { relative in
                extensions.contains((relative as NSString).pathExtension.lowercased())
                    && !relative.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            .sorted()
            .map { URL(fileURLWithPath: (directory as NSString).appendingPathComponent($0)) }
            .filter { url in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
    }
}
