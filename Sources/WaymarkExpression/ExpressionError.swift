/// Where in an expression's source something is: a 0-based UTF-8... see `offset`.
public struct SourcePosition: Hashable, Sendable, Codable {
    /// 0-based offset in Unicode scalars from the start of the expression.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// A parse, type or evaluation error of an expression.
///
/// The message is written for a business user; the code is stable (`ERR_EXPR_…`) so tools can
/// react to it; the position, when known, points at the offending part of the source.
public struct ExpressionError: Error, Hashable, Sendable {
    /// A stable error code such as `ERR_EXPR_SYNTAX`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public var code: Code
    public var message: String
    public var position: SourcePosition?

    public init(_ code: Code, _ message: String, at position: SourcePosition? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }
}

extension ExpressionError: CustomStringConvertible {
    public var description: String {
        guard let position else { return "\(code): \(message)" }
        return "\(code) at line \(position.line), column \(position.column): \(message)"
    }
}
