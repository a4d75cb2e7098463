import Testing
@testable import WaymarkExpression

@Suite struct FieldValueIndexTests {
    @Test func findsEveryFieldOfATreeAndNothingElse() {
        var index = FieldValueIndex()
        let payload = Value.object(ObjectValue([
            ("a", .integer(1)), ("nested", .object(ObjectValue([("b", .string("x"))]))), ("list", .list([.integer(2)])),
        ]))
        index.insertTree(payload, kind: .event, source: "E")
        #expect(index[FieldReference(kind: .event, source: "E", path: ["a"])] == .integer(1))
        #expect(index[FieldReference(kind: .event, source: "E", path: ["nested", "b"])] == .string("x"))
        #expect(index[FieldReference(kind: .event, source: "E", path: ["list"])] == .list([.integer(2)]))
        #expect(index[FieldReference(kind: .event, source: "E", path: [])] == payload)
        #expect(index[FieldReference(kind: .event, source: "E", path: ["missing"])] == nil)
        #expect(index[FieldReference(kind: .event, source: "F", path: ["a"])] == nil)
        #expect(index[FieldReference(kind: .action, source: "E", path: ["a"])] == nil)
        #expect(index[FieldReference(kind: .event, source: "E", path: ["nested.b"])] == nil)
    }

    @Test func growsAndReplaces() {
        var index = FieldValueIndex()
        for number in 0..<1_000 {
            index.insert(.integer(Int64(number)), kind: .dataSource, source: "DS", fieldGroup: "G", path: ["f\(number)"])
        }
        index.insert(.string("again"), kind: .dataSource, source: "DS", fieldGroup: "G", path: ["f7"])
        #expect(index[FieldReference(kind: .dataSource, source: "DS", fieldGroup: "G", path: ["f999"])] == .integer(999))
        #expect(index[FieldReference(kind: .dataSource, source: "DS", fieldGroup: "G", path: ["f7"])] == .string("again"))
        #expect(index[FieldReference(kind: .dataSource, source: "DS", fieldGroup: "H", path: ["f7"])] == nil)
    }

    @Test func fingerprintsSeparateTheParts() {
        let plain = FieldReference.fingerprint(kind: .event, source: "ab", fieldGroup: nil, path: ["c"])
        #expect(plain != FieldReference.fingerprint(kind: .event, source: "a", fieldGroup: nil, path: ["bc"]))
        #expect(plain != FieldReference.fingerprint(kind: .event, source: "ab", fieldGroup: nil, path: ["c", ""]))
        #expect(plain != FieldReference.fingerprint(kind: .action, source: "ab", fieldGroup: nil, path: ["c"]))
        #expect(plain == FieldReference(kind: .event, source: "ab", path: ["c"]).fingerprint)
        let keys = [
            FieldReference(kind: .event, source: "ab", path: ["c"]), FieldReference(kind: .event, source: "a", path: ["bc"]),
            FieldReference(kind: .event, source: "a", path: ["1:b"]), FieldReference(kind: .event, source: "a", path: ["1", "b"]),
            FieldReference(kind: .dataSource, source: "a", fieldGroup: "b", path: ["c"]),
            FieldReference(kind: .dataSource, source: "a", fieldGroup: nil, path: ["b", "c"]),
        ].map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func reusedBuffersGiveTheSameResultsAsFreshOnes() throws {
        let context = try sampleContext()
        let sources = [
            "twice(twice(@{E.a})) + twice(1)", "startWith(@{E.b}, 'x') and contain(concat(@{E.b}, 'y'), 'ey')",
            "@{MyEvent.items.all(currentEventField.price > twice(5)).first().sku}", "false and boom()",
        ]
        var buffers = EvaluationBuffers()
        for source in sources {
            let compiled = try Expression.compile(source, schema: context, library: testLibrary)
            for _ in 0..<3 {
                #expect(try compiled.evaluate(in: context, reusing: &buffers) == compiled.evaluate(in: context))
            }
        }
        #expect(try Expression.compile("twice(twice(@{E.a}))", schema: context, library: testLibrary).evaluate(in: context, reusing: &buffers) == .integer(48))
    }

    @Test func buffersSharedByExpressionsWithDifferentConstantsAtTheSameCallSite() throws {
        let context = try sampleContext()
        let startsWithX = try Expression.compile("startWith(@{E.b}, 'x')", schema: context)
        let startsWithY = try Expression.compile("startWith(@{E.b}, 'y')", schema: context)
        let parameterized = try Expression.compile(
            "#{Weather.data.city, params: {p: concat('a', @{E.b})}} == concat('Par', 'is')", schema: context)
        let parameter = try #require(parameterized.references.first { $0.source == "Weather" }?.parameters.first?.value)
        var buffers = EvaluationBuffers()
        for _ in 0..<3 {
            #expect(try startsWithX.evaluate(in: context, reusing: &buffers) == .boolean(true))
            #expect(try startsWithY.evaluate(in: context, reusing: &buffers) == .boolean(false))
            #expect(try parameter.evaluate(in: context, reusing: &buffers) == .string("axylophone"))
            #expect(try parameterized.evaluate(in: context, reusing: &buffers) == .boolean(true))
        }
    }
}
