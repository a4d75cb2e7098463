/// A CSV document (RFC 4180: comma-separated, fields quoted with `"` when they hold a comma, a
/// quote — doubled — or a line break; lines end with LF or CRLF): a header and its rows.
struct CSVTable {
    /// One data row: its fields, and the line it starts on (1-based, the header is line 1).
    struct Row {
        var fields: [String]
        var line: Int
    }

    /// The column names of the first line.
    var header: [String]
    /// The rows after it, blank lines left out.
    var rows: [Row]

    /// A CSV document that cannot be read: what, and on which line.
    struct ReadError: Error {
        var line: Int
        var message: String
    }

    /// Reads a document.
    /// - Throws: `ReadError` for an unterminated quote, a quote inside an unquoted field, a row
    ///   whose field count is not the header's, or a document with no header.
    init(bytes: [UInt8]) throws(ReadError) {
        var records: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a UTF-8 byte-order mark
        var quoted = false
        var fieldStarted = false

        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(fields: fields, line: recordLine)) }
            fields = []
            field = []
            fieldStarted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self))
                    field = []
                    fieldStarted = false
                case UInt8(ascii: "\n"):
                    if field.last == UInt8(ascii: "\r") { field.removeLast() }
                    endRecord()
                    line += 1
                    recordLine = line
                case UInt8(ascii: "\""):
                    guard !fieldStarted, field.isEmpty else {
                        throw ReadError(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    quoted = true
                    fieldStarted = true
                default:
                    field.append(byte)
                    fieldStarted = true
                }
            }
            index += 1
        }
        if quoted { throw ReadError(line: recordLine, message: "a quoted field is not closed") }
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        if !field.isEmpty || !fields.isEmpty { endRecord() }

        guard let first = records.first else { throw ReadError(line: 1, message: "no header line") }
        header = first.fields.map { $0.trimmingASCIISpaces }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw ReadError(line: row.line, message: "\(row.fields.count) fields, the header has \(header.count)")
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingASCIISpaces: String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
