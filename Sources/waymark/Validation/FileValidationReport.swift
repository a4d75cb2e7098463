import WaymarkCore

/// The outcome of validating config files: the issues of each file, in the order read.
struct FileValidationReport: Sendable {
    /// One file and what was found in it.
    struct FileResult: Sendable {
        /// The path as given or found.
        var path: String
        /// The document kind (`event`, `dataSource`, `action`, `journey`), `nil` when unreadable.
        var kind: String?
        /// The config's name, `nil` when unreadable.
        var name: String?
        /// The issues, errors and warnings, in validation order.
        var issues: [ValidationIssue]
    }

    /// Every file read, in order.
    var files: [FileResult]

    /// The number of errors in all files.
    var errorCount: Int { files.reduce(0) { $0 + $1.issues.count { $0.severity == .error } } }

    /// The number of warnings in all files.
    var warningCount: Int { files.reduce(0) { $0 + $1.issues.count { $0.severity == .warning } } }
}
