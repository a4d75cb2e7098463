import Testing
import WaymarkCore
@testable import waymark

@Suite struct YAMLConversionTests {
    @Test func mappingsKeepOrderAndScalarsTakeCoreTypes() throws {
        let yaml = """
            name: cart_abandoned
            count: 3
            ratio: 0.5
            enabled: true
            missing: null
            quoted: "42"
            date: 2021-02-19
            tags: [a, b]
            """
        let value = try YAMLConversion.jsonValue(fromYAML: yaml)
        guard case .object(let fields) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(fields.keys == ["name", "count", "ratio", "enabled", "missing", "quoted", "date", "tags"])
        #expect(fields["name"] == .string("cart_abandoned"))
        #expect(fields["count"] == .int(3))
        #expect(fields["ratio"] == .double(0.5))
        #expect(fields["enabled"] == .bool(true))
        #expect(fields["missing"] == .null)
        #expect(fields["quoted"] == .string("42"))
        #expect(fields["date"] == .string("2021-02-19"))
        #expect(fields["tags"] == .array([.string("a"), .string("b")]))
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect {
            _ = try YAMLConversion.jsonValue(fromYAML: "a: 1\nb: [unclosed\n")
        } throws: { error in
            (error as? ConfigFileError)?.message.contains("line") == true
        }
    }

    @Test func aliasesAreExpanded() throws {
        let value = try YAMLConversion.jsonValue(fromYAML: "base: &b {x: 1}\ncopy: *b\n")
        let expected = JSONValue.object(OrderedFields([("x", .int(1))]))
        #expect(value == .object(OrderedFields([("base", expected), ("copy", expected)])))
    }

    @Test func nonStringKeysAreRefusedWithThePath() {
        #expect {
            _ = try YAMLConversion.jsonValue(fromYAML: "outer:\n  ? [a, b]\n  : 1\n")
        } throws: { error in
            (error as? ConfigFileError)?.message.contains("outer") == true
        }
    }
}
