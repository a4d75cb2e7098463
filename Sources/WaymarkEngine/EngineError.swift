import WaymarkCore

/// A failure of an engine operation, with a code, a message and context.
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// A published journey version cannot run (validation or expression errors).
        case journeyCannotRun = "ERR_ENGINE_JOURNEY_CANNOT_RUN"
        /// The store failed.
        case store = "ERR_ENGINE_STORE"
        /// `runUntilIdle` stopped at its round limit with work left (a journey that never settles).
        case notIdle = "ERR_ENGINE_NOT_IDLE"
        /// No record has the id asked for (e.g. a failed call to replay).
        case notFound = "ERR_ENGINE_NOT_FOUND"
        /// A change the rules refuse (a lifecycle step, an edit of a published version, a
        /// deletion); `issues` says which rules.
        case invalidChange = "ERR_ENGINE_INVALID_CHANGE"
    }

    /// The stable code.
    public var code: Code
    /// What went wrong, naming what.
    public var message: String
    /// The validation issues behind the failure, with their codes (empty when none apply).
    public var issues: [ValidationIssue]

    /// Creates an error.
    public init(_ code: Code, _ message: String, issues: [ValidationIssue] = []) {
        self.code = code
        self.message = message
        self.issues = issues
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
