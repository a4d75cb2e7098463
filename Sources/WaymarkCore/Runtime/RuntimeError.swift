/// A failure of the journey runtime: a journey that cannot run, or bytes that cannot be decoded.
public struct RuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public enum Code: String, Hashable, Sendable {
        /// The journey has validation errors (or no entry node) and cannot run.
        case journeyInvalid = "ERR_RUNTIME_JOURNEY_INVALID"
        /// An expression of the journey does not compile against the configuration.
        case expressionInvalid = "ERR_RUNTIME_EXPRESSION"
        /// Encoded bytes (instance state, timer payload, call request or result) are malformed.
        case corruptData = "ERR_RUNTIME_CORRUPT_DATA"
    }

    /// The stable code.
    public var code: Code
    /// A message naming what and where.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `CODE: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
