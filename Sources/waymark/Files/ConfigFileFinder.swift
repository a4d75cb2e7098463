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
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                found += configFiles(under: url)
            } else {
                found.append(url)
            }
        }
        return found
    }

    private static func configFiles(under directory: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator
        where extensions.contains(url.pathExtension.lowercased())
            && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
