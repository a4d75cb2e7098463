/// A problem found in a journey or a config: an error blocks test mode and publication, a warning does not.
public struct ValidationIssue: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Whether the issue blocks publication.
    public var severity: Severity
    /// The stable code, e.g. `ERR_NO_ENTRY` or `WARN_DISCONNECTED_NODE`.
    public var code: ValidationCode
    /// The node concerned; `nil` for a journey-wide issue.
    public var nodeId: String?
    /// What is wrong, for a business user.
    public var message: String
    /// The setting concerned, as a path inside the node or journey (e.g. `wait.duration`).
    public var field: String?
    /// Where in the setting's expression the problem is, for expression errors.
    public var position: SourcePosition?

    /// Creates an issue.
    public init(severity: Severity, code: ValidationCode, nodeId: String? = nil, message: String, field: String? = nil) {
        self.severity = severity
        self.code = code
        self.nodeId = nodeId
        self.message = message
        self.field = field
    }

    /// An error.
    public static func error(_ code: ValidationCode, node: String? = nil, field: String? = nil, _ message: String) -> ValidationIssue {
        ValidationIssue(severity: .error, code: code, nodeId: node, message: message, field: field)
    }

    /// A warning.
    public static func warning(_ code: ValidationCode, node: String? = nil, field: String? = nil, _ message: String) -> ValidationIssue {
        ValidationIssue(severity: .warning, code: code, nodeId: node, message: message, field: field)
    }

    /// `CODE [node] field: message`.
    public var description: String {
        var text = code.rawValue
        if let nodeId { text += " [\(nodeId)]" }
        if let field { text += " \(field)" }
        if let position { text += " (line \(position.line), column \(position.column))" }
        return text + ": " + message
    }

    /// How serious an issue is.
    public enum Severity: String, Codable, Hashable, Sendable {
        /// Blocks test mode and publication.
        case error
        /// Shown, does not block.
        case warning
    }
}

extension Array where Element == ValidationIssue {
    /// Whether any issue is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
