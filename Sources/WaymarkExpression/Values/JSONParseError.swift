/// Why a JSON text could not be parsed, and where.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in words (`expected ':' after an object key`).
    public var problem: String
    /// 0-based offset of the offending byte.
    public var offset: Int
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column of the offending byte, in bytes.
    public var column: Int

    /// Creates an error for a problem at a position.
    public init(problem: String, offset: Int, line: Int, column: Int) {
        self.problem = problem
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `invalid JSON at line L, column C: problem`.
    public var description: String { "invalid JSON at line \(line), column \(column): \(problem)" }
}
