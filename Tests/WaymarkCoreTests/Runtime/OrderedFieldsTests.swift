import Testing
import WaymarkExpression

/// `OrderedFields` searches small objects linearly and indexes larger ones: both must behave alike.
@Suite struct OrderedFieldsTests {
    @Test(arguments: [3, 8, 9, 20])
    func lookupsUpdatesAndRemovalsKeepTheOrder(count: Int) {
        var fields = OrderedFields<JSONValue>()
        for index in 0..<count { fields["k\(index)"] = .int(Int64(index)) }
        fields["k0"] = .string("first")
        #expect(fields.keys == (0..<count).map { "k\($0)" })
        #expect(fields["k0"] == .string("first"))
        #expect(fields["k\(count - 1)"] == .int(Int64(count - 1)))
        #expect(fields["missing"] == nil)
        fields["k1"] = nil
        #expect(fields.count == count - 1)
        #expect(fields["k1"] == nil)
        #expect(fields["k2"] == .int(2))
        #expect(fields.keys.first == "k0" && !fields.keys.contains("k1"))
        #expect(fields.values.count == fields.keys.count)
        fields["k1"] = .null
        #expect(fields.keys.last == "k1")
        #expect(fields.pairs.map(\.key) == fields.keys)
    }

    @Test func equalityFollowsKeysOrderAndValues() {
        let a = OrderedFields<JSONValue>([("x", .int(1)), ("y", .int(2))])
        let b = OrderedFields<JSONValue>([("y", .int(2)), ("x", .int(1))])
        #expect(a != b)
        #expect(a == OrderedFields([("x", .int(1)), ("y", .int(2)), ("x", .int(1))]))
        #expect(a.hashValue == OrderedFields<JSONValue>([("x", .int(1)), ("y", .int(2))]).hashValue)
    }
}
