import Testing
@testable import WaymarkExpression

@Suite struct FunctionLibraryAggregationTests {
    @Test func averages() throws {
        #expect(try call("avg", [.list([.integer(1), .null, .integer(2)])], types: [.list(.integer)]) == .decimal(1.5))
        #expect(try call("avg", [.integer(1), .decimal(2)]) == .decimal(1.5))
        #expect(try call("avg", [.null, .integer(4)], types: [.integer, .integer]) == .decimal(4))
        #expect(try call("avg", [.list([])], types: [.list(.decimal)]) == .null)
        #expect(try call("avg", [.null], types: [.list(.decimal)]) == .null)
        #expect(resultType("avg", [.list(.string)]) == nil)
    }

    @Test func counts() throws {
        let list = Value.list([.string("a"), .null, .string("a"), .string("b"), .null])
        #expect(try call("count", [list], types: [.list(.string)]) == .integer(3))
        #expect(try call("countOnlyNull", [list], types: [.list(.string)]) == .integer(2))
        #expect(try call("countWithNull", [list], types: [.list(.string)]) == .integer(5))
        #expect(try call("distinctCount", [list], types: [.list(.string)]) == .integer(2))
        #expect(try call("distinctCountWithNull", [list], types: [.list(.string)]) == .integer(3))
        #expect(try call("count", [.null], types: [.list(.string)]) == .integer(0))
        #expect(try call("distinctCount", [.list([.integer(1), .decimal(1)])], types: [.list(.decimal)]) == .integer(1))
    }

    @Test func sums() throws {
        #expect(try call("sum", [integers(1, 2, 3)]) == .integer(6))
        #expect(resultType("sum", [.list(.integer)]) == .integer)
        #expect(resultType("sum", [.list(.decimal)]) == .decimal)
        #expect(resultType("sum", [.integer, .decimal]) == .decimal)
        #expect(resultType("sum", [.list(.any)]) == .any)
        #expect(resultType("sum", [.list(.string)]) == nil)
        #expect(try call("sum", [.list([.integer(1), .decimal(0.5), .null])], types: [.list(.decimal)]) == .decimal(1.5))
        #expect(try call("sum", [.integer(2), .integer(3)]) == .integer(5))
        #expect(try call("sum", [.null, .integer(3)], types: [.integer, .integer]) == .integer(3))
        #expect(try call("sum", [.list([])], types: [.list(.integer)]) == .integer(0))
        #expect(errorCode { try call("sum", [integers(.max, 1)]) } == "ERR_EXPR_OVERFLOW")
        #expect(errorCode { try call("sum", [strings("a")], types: [.list(.any)]) } == "ERR_EXPR_RUNTIME_TYPE")
    }

    @Test func maxAndMin() throws {
        #expect(try call("max", [integers(3, 9, 2)]) == .integer(9))
        #expect(try call("min", [integers(3, 9, 2)]) == .integer(2))
        #expect(try call("max", [.list([.integer(3), .null, .decimal(2.5)])], types: [.list(.decimal)]) == .decimal(3))
        #expect(try call("max", [.integer(1), .decimal(0.5)]) == .decimal(1))
        #expect(try call("min", [.null, .integer(4)], types: [.integer, .integer]) == .integer(4))
        #expect(try call("max", [.list([])], types: [.list(.integer)]) == .null)
        let early = dateTime("2021-02-19T10:00:00Z"), late = dateTime("2021-02-19T12:00:00+01:00")
        #expect(try call("max", [.list([early, late])]) == late)
        #expect(try call("min", [early, late]) == early)
        let short = Value.duration(TimeSpan(milliseconds: 1)), long = Value.duration(TimeSpan(milliseconds: 2))
        #expect(try call("max", [short, long]) == long)
        #expect(resultType("max", [.list(.dateOnly)]) == .dateOnly)
        #expect(resultType("max", [.integer, .decimal]) == .decimal)
        #expect(resultType("max", [.dateTime, .dateTimeOnly]) == nil)
        #expect(resultType("max", [.list(.string)]) == nil)
        #expect(resultType("min", [.list(.any)]) == .any)
        #expect(errorCode { try call("max", [.list([.integer(1), .string("a")])], types: [.list(.any)]) } == "ERR_EXPR_RUNTIME_TYPE")
    }
}
