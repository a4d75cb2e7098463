import Testing
@testable import WaymarkExpression

@Suite struct ObjectValueTests {
    @Test func keepsInsertionOrderAndLastValue() {
        var object = ObjectValue([("b", .integer(1)), ("a", .string("x")), ("b", .integer(2))])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .integer(2))
        object["b"] = nil
        #expect(object.keys == ["a"])
        #expect(object["b"] == nil)
    }
}
