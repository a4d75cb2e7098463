import Testing
@testable import WaymarkExpression

@Suite struct FunctionLibraryListTests {
    static func person(_ name: String, _ age: Int64?) -> Value {
        .object(ObjectValue([("name", .string(name))] + (age.map { [("age", Value.integer($0))] } ?? [])))
    }

    let people = Value.list([person("ann", 30), person("bob", 25), person("cid", nil), person("ann", 41)])
    let peopleType = ValueType.list(.object(ObjectSchema(fields: [("name", .string), ("age", .integer)])))

    @Test func distinctKeepsFirstOccurrences() throws {
        #expect(try call("distinct", [.list([.string("b"), .null, .string("a"), .string("b")])], types: [.list(.string)]) == strings("b", "a"))
        #expect(try call("distinctWithNull", [.list([.null, .string("a"), .null])], types: [.list(.string)]) == .list([.null, .string("a")]))
        #expect(resultType("distinct", [.list(.dateTime)]) == .list(.dateTime))
        let byName = try call("distinct", [people, .string("name")], types: [peopleType, .string])
        #expect(byName == .list([Self.person("ann", 30), Self.person("bob", 25), Self.person("cid", nil)]))
        #expect(resultType("distinct", [peopleType, .string]) == peopleType)
        #expect(resultType("distinct", [.list(.string), .string]) == nil)
    }

    @Test func filterByKeyValues() throws {
        let result = try call("filter", [people, .string("age"), integers(25, 41)], types: [peopleType, .string, .list(.integer)])
        #expect(result == .list([Self.person("bob", 25), Self.person("ann", 41)]))
    }

    @Test func getListItemIsZeroBased() throws {
        #expect(try call("getListItem", [strings("a", "b"), .integer(1)]) == .string("b"))
        #expect(try call("getListItem", [strings("a", "b"), .integer(2)]) == .null)
        #expect(try call("getListItem", [strings("a", "b"), .integer(-1)]) == .null)
        #expect(resultType("getListItem", [.list(.dateOnly), .integer]) == .dateOnly)
        #expect(resultType("getListItem", [.list(.any), .integer]) == .any)
    }

    @Test func membership() throws {
        #expect(try call("in", [.string("b"), strings("a", "b")]) == .boolean(true))
        #expect(try call("in", [.integer(2), .list([.decimal(2)])], types: [.integer, .list(.decimal)]) == .boolean(true))
        #expect(try call("in", [.string("c"), strings("a", "b")]) == .boolean(false))
        #expect(resultType("in", [.string, .list(.integer)]) == nil)
        #expect(resultType("in", [.integer, .list(.decimal)]) == .boolean)
        #expect(resultType("in", [.any, .list(.string)]) == .boolean)
        #expect(try call("in", [.string("c"), .null], types: [.string, .list(.string)]) == .boolean(false))
        #expect(try call("in", [.null, .list([.null])], types: [.string, .list(.string)]) == .boolean(true))
    }

    @Test func intersectKeepsTheFirstListsOrder() throws {
        #expect(try call("intersect", [strings("c", "a", "b"), strings("b", "c")]) == strings("c", "b"))
        #expect(try call("intersect", [.null, strings("b")], types: [.list(.string), .list(.string)]) == .list([]))
        #expect(try call("intersect", [strings("b"), .null], types: [.list(.string), .list(.string)]) == .list([]))
        #expect(resultType("intersect", [.list(.integer), .list(.integer)]) == .list(.integer))
    }

    @Test func limits() throws {
        #expect(try call("limit", [integers(1, 2, 3), .integer(2)]) == integers(1, 2))
        #expect(try call("limit", [integers(1, 2, 3), .integer(2), .boolean(false)]) == integers(2, 3))
        #expect(try call("limit", [integers(1, 2, 3), .integer(9)]) == integers(1, 2, 3))
        #expect(try call("limit", [integers(1, 2, 3), .integer(-1)]) == .list([]))
    }

    @Test func sizesAndSerialization() throws {
        #expect(try call("listSize", [integers(1, 2, 3)]) == .integer(3))
        #expect(try call("listSize", [.null], types: [.list(.integer)]) == .integer(0))
        #expect(try call("serializeList", [strings("a", "b"), .string(","), .boolean(true)]) == .string(#""a","b""#))
        #expect(try call("serializeList", [.list([.integer(1), .null, .integer(2)]), .string(";"), .boolean(false)],
                         types: [.list(.integer), .string, .boolean]) == .string("1;2"))
    }

    @Test func sorting() throws {
        #expect(try call("sort", [integers(3, 1, 2), .boolean(true)]) == integers(1, 2, 3))
        #expect(try call("sort", [.list([.decimal(2.5), .null, .integer(1)]), .boolean(false)], types: [.list(.decimal), .boolean])
            == .list([.decimal(2.5), .integer(1), .null]))
        let byAge = try call("sort", [people, .string("age"), .boolean(true)], types: [peopleType, .string, .boolean])
        #expect(byAge == .list([Self.person("bob", 25), Self.person("ann", 30), Self.person("ann", 41), Self.person("cid", nil)]))
        let byNameDescending = try call("sort", [people, .string("name"), .boolean(false)], types: [peopleType, .string, .boolean])
        #expect(byNameDescending == .list([Self.person("cid", nil), Self.person("bob", 25), Self.person("ann", 30), Self.person("ann", 41)]))
        #expect(errorCode { try call("sort", [.list([.integer(1), .string("a")]), .boolean(true)], types: [.list(.any), .boolean]) }
            == "ERR_EXPR_RUNTIME_TYPE")
    }
}
