import Testing
import WaymarkCore

@Suite("EventBatchSplitter")
struct EventBatchSplitterTests {
    static func texts(_ body: String) throws(IngestionError) -> [String] {
        try EventBatchSplitter.split(Array(body.utf8)).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test("a JSON array gives its elements, strings with brackets and escapes included")
    func array() throws {
        #expect(try Self.texts(#" [ {"a": "}]\"{"}, {"b": [1, {"c": 2}]} ,3, "s" ] "#) == [
            #"{"a": "}]\"{"}"#, #"{"b": [1, {"c": 2}]}"#, "3", #""s""#,
        ])
        #expect(try Self.texts("[]").isEmpty)
        #expect(try Self.texts("\u{FEFF}[{}]") == ["{}"])
    }

    @Test("NDJSON gives one event per line, a broken line alone")
    func ndjson() throws {
        let chunks = try EventBatchSplitter.split(Array("{\"a\": 1}\r\n\n  {\"b\": \n{\"c\": 3}  \n".utf8))
        #expect(chunks.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"a": 1}"#, #"{"b":"#, #"{"c": 3}"#])
        #expect(chunks.map(\.line) == [1, 3, 4])
        #expect(chunks.map(\.column) == [1, 3, 1])
        #expect(chunks.map(\.offset) == [0, 13, 20])
    }

    @Test("values one after another: one pretty-printed event")
    func pretty() throws {
        #expect(try Self.texts("{\n  \"a\": {\"b\": 1}\n}\n") == ["{\n  \"a\": {\"b\": 1}\n}"])
    }

    @Test(
        "a body whose structure cannot be followed is refused with its position",
        arguments: [
            ("[{\"a\": 1}", "unterminated array", 1, 1),
            ("[{\"a\": 1} {\"b\": 2}]", "expected ',' or ']' between the events of the array", 1, 11),
            ("[{\"a\": 1}] x", "unexpected content after the array of events", 1, 12),
            ("[{\"a\": \"x}]", "unterminated string", 1, 8),
            ("[\n  {\"a\": [1}", "unterminated event starting here", 2, 3),
            ("[,]", "unexpected ',', expected an event", 1, 2),
            ("{\n\"a\": 1", "unterminated event starting here", 1, 1),
        ])
    func malformed(body: String, message: String, line: Int, column: Int) throws {
        let error = try #require(throws: IngestionError.self) { try EventBatchSplitter.split(Array(body.utf8)) }
        #expect(error == IngestionError(.malformedBatch, message, line: line, column: column))
    }

    @Test("an error found in one event is moved to its place in the body")
    func located() throws {
        let chunks = try EventBatchSplitter.split(Array("[\n  {\"a\": 1},  {\"b\" 2}\n]".utf8))
        let error = try #require(throws: IngestionError.self) {
            try EventParser().parse(chunks[1].bytes, receivedAt: 0, makeID: { "x" })
        }
        let located = chunks[1].locatedInBody(error)
        #expect(located.line == 2)
        #expect(located.column == 19)
        let multiLine = IngestionError(.malformedJSON, "m", line: 3, column: 4)
        #expect(chunks[1].locatedInBody(multiLine).line == 4)
        #expect(chunks[1].locatedInBody(multiLine).column == 4)
    }
}
