/// The bytes of one event inside a batch body, with where they start in the body.
public struct EventChunk: Hashable, Sendable {
    /// The event's JSON text.
    public var bytes: [UInt8]
    /// 0-based byte offset of the first byte in the body.
    public var offset: Int
    /// 1-based line of the first byte in the body.
    public var line: Int
    /// 1-based column (in bytes) of the first byte in the body.
    public var column: Int

    /// Creates a chunk.
    public init(bytes: [UInt8], offset: Int, line: Int, column: Int) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `error` (found in this chunk's bytes) with its line and column moved to the body's.
    public func locatedInBody(_ error: IngestionError) -> IngestionError {
        guard let errorLine = error.line, let errorColumn = error.column else { return error }
        var located = error
        located.line = line + errorLine - 1
        located.column = errorLine == 1 ? column + errorColumn - 1 : errorColumn
        return located
    }
}
