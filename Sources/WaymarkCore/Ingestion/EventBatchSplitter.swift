/// Splits a request body into events without parsing them: a JSON array of events, NDJSON
/// (one event per line), or JSON values one after another (e.g. one pretty-printed event).
///
/// Each event is parsed later on its own, so one bad event does not spoil the batch; its errors
/// are moved to body positions with `EventChunk.locatedInBody(_:)`. A body whose first
/// character is `[` is an array; otherwise, when every non-blank line starts with `{`, each line
/// is one event (a broken line stays one bad event); otherwise values are read one after another.
public enum EventBatchSplitter {
    /// The events of a body, in order.
    /// - Throws: `IngestionError` `malformedBatch`, with line and column, when the body's
    ///   structure cannot be followed (an unterminated array, string or object, a missing comma).
    public static func split(_ body: some Collection<UInt8>) throws(IngestionError) -> [EventChunk] {
        var scanner = BatchScanner(bytes: Array(body))
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "[") { return try scanner.arrayElements() }
        if scanner.everyLineStartsAnObject { return scanner.lines() }
        return try scanner.values()
    }
}

/// The byte scanner behind `EventBatchSplitter`.
private struct BatchScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    func error(_ problem: String, line: Int? = nil, column: Int? = nil) -> IngestionError {
        IngestionError(.malformedBatch, problem, line: line ?? self.line, column: column ?? (index - lineStart + 1))
    }

    /// Whether every non-blank line's first non-blank byte is `{`.
    var everyLineStartsAnObject: Bool {
        var atLineStart = true
        for byte in bytes[index...] {
            if atLineStart {
                switch byte {
                case 0x20, 0x09, 0x0D: continue
                case 0x0A: continue
                case UInt8(ascii: "{"): atLineStart = false
                default: return false
                }
            } else if byte == 0x0A {
                atLineStart = true
            }
        }
        return true
    }

    /// Each non-blank line, trimmed.
    mutating func lines() -> [EventChunk] {
        var chunks: [EventChunk] = []
        while peek != nil {
            skipWhitespace()
            guard peek != nil else { break }
            let start = index, startLine = line, startColumn = index - lineStart + 1
            while let byte = peek, byte != 0x0A { advance() }
            var end = index
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            chunks.append(EventChunk(bytes: Array(bytes[start..<end]), offset: start, line: startLine, column: startColumn))
        }
        return chunks
    }

    /// JSON values one after another, separated by whitespace.
    mutating func values() throws(IngestionError) -> [EventChunk] {
        var chunks: [EventChunk] = []
        skipWhitespace()
        while peek != nil {
            chunks.append(try value())
            skipWhitespace()
        }
        return chunks
    }

    /// The elements of a top-level array.
    mutating func arrayElements() throws(IngestionError) -> [EventChunk] {
        let openLine = line, openColumn = index - lineStart + 1
        advance()
        skipWhitespace()
        var chunks: [EventChunk] = []
        if peek == UInt8(ascii: "]") {
            advance()
        } else {
            while true {
                skipWhitespace()
                guard peek != nil else { throw error("unterminated array", line: openLine, column: openColumn) }
                chunks.append(try value())
                skipWhitespace()
                guard let byte = peek else { throw error("unterminated array", line: openLine, column: openColumn) }
                advance()
                if byte == UInt8(ascii: "]") { break }
                guard byte == UInt8(ascii: ",") else {
                    index -= 1
                    throw error("expected ',' or ']' between the events of the array")
                }
            }
        }
        skipWhitespace()
        guard peek == nil else { throw error("unexpected content after the array of events") }
        return chunks
    }

    /// One JSON value's extent: containers and strings are followed, scalars read to a delimiter.
    mutating func value() throws(IngestionError) -> EventChunk {
        let start = index, startLine = line, startColumn = index - lineStart + 1
        func chunk() -> EventChunk {
            EventChunk(bytes: Array(bytes[start..<index]), offset: start, line: startLine, column: startColumn)
        }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = peek {
                switch byte {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                advance()
                if depth == 0 { return chunk() }
            }
            throw error("unterminated event starting here", line: startLine, column: startColumn)
        case UInt8(ascii: "\""):
            try skipString()
            return chunk()
        default:
            while let byte = peek, !isDelimiter(byte) { advance() }
            guard index > start else { throw error("unexpected '\(Unicode.Scalar(bytes[index]))', expected an event") }
            return chunk()
        }
    }

    func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
    }

    /// Moves past a string starting at the current quote.
    mutating func skipString() throws(IngestionError) {
        let startLine = line, startColumn = index - lineStart + 1
        advance()
        while let byte = peek {
            advance()
            if byte == UInt8(ascii: "\\") {
                guard peek != nil else { break }
                advance()
            } else if byte == UInt8(ascii: "\"") {
                return
            }
        }
        throw error("unterminated string", line: startLine, column: startColumn)
    }
}
