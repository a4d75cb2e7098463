import Testing
import WaymarkCore

@Suite("FieldSchema.check(eventPayload:)")
struct PayloadCheckTests {
    static let schema = FieldSchema([
        SchemaField(name: "name", type: .string, required: true),
        SchemaField(name: "count", type: .integer),
        SchemaField(name: "price", type: .decimal),
        SchemaField(name: "vip", type: .boolean),
        SchemaField(name: "birthday", type: .dateOnly),
        SchemaField(name: "localTime", type: .dateTimeOnly),
        SchemaField(name: "at", type: .dateTime),
        SchemaField(name: "delay", type: .duration),
        SchemaField(name: "address", type: .object, fields: [
            SchemaField(name: "city", type: .string, required: true),
            SchemaField(name: "zip", type: .integer),
        ]),
        SchemaField(name: "tags", type: .listString),
        SchemaField(name: "scores", type: .listInteger),
        SchemaField(name: "days", type: .listDateOnly),
        SchemaField(name: "items", type: .listObject, fields: [
            SchemaField(name: "sku", type: .string, required: true),
            SchemaField(name: "price", type: .decimal),
        ]),
    ])

    static func check(_ json: String, prefix: String = "") throws -> PayloadCheck {
        schema.check(eventPayload: try JSONValue(parsing: json), pathPrefix: prefix)
    }

    @Test("a valid payload is typed by the schema; unknown fields are kept as they are")
    func typed() throws {
        let check = try Self.check("""
            {"name": "n", "count": 3.0, "price": 2, "vip": true, "birthday": "1990-02-03",
             "localTime": "2024-05-01T09:30:00", "at": "2024-05-01T10:00:00Z", "delay": "PT1H",
             "address": {"city": "Paris", "extra": 1}, "tags": ["a"], "scores": [1, 2], "days": ["2024-01-01"],
             "items": [{"sku": "s1", "price": 1.5}], "other": {"x": [1]}, "timestamp": "2024-05-01T10:00:00Z",
             "_id": "e1"}
            """)
        #expect(check.isValid, "\(check.problems)")
        guard case .object(let fields) = check.value else { Issue.record("not an object"); return }
        #expect(fields["count"] == .integer(3))
        #expect(fields["price"] == .decimal(2))
        #expect(fields["birthday"] == .dateOnly(LocalDate(year: 1990, month: 2, day: 3)))
        #expect(fields["at"] == .dateTime(ZonedDateTime(epochMilliseconds: 1_714_557_600_000)))
        #expect(fields["timestamp"] == .dateTime(ZonedDateTime(epochMilliseconds: 1_714_557_600_000)))
        #expect(fields["delay"] == .duration(TimeSpan(milliseconds: 3_600_000)))
        #expect(fields["_id"] == .string("e1"))
        #expect(fields["other"] == .object(ObjectValue([("x", .list([.integer(1)]))])))
        guard case .object(let address)? = fields["address"] else { Issue.record("address not an object"); return }
        #expect(address["extra"] == .integer(1))
        #expect(fields["items"] == .list([.object(ObjectValue([("sku", .string("s1")), ("price", .decimal(1.5))]))]))
    }

    @Test(
        "a field of the wrong type is named by its path",
        arguments: [
            (#"{"name": 5}"#, "name: expected a string, found 5"),
            (#"{"name": "n", "count": 1.5}"#, "count: expected an integer, found 1.5"),
            (#"{"name": "n", "count": "3"}"#, "count: expected an integer, found \"3\""),
            (#"{"name": "n", "price": "abc"}"#, "price: expected a decimal, found \"abc\""),
            (#"{"name": "n", "vip": "yes"}"#, "vip: expected true or false, found \"yes\""),
            (#"{"name": "n", "birthday": "03/02/1990"}"#, "birthday: expected an ISO-8601 date (YYYY-MM-DD), found \"03/02/1990\""),
            (#"{"name": "n", "localTime": "10:00"}"#,
             "localTime: expected an ISO-8601 local date-time (YYYY-MM-DDTHH:MM:SS), found \"10:00\""),
            (#"{"name": "n", "at": "2024-05-01"}"#,
             "at: expected an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z), found \"2024-05-01\""),
            (#"{"name": "n", "delay": "1 hour"}"#, "delay: expected an ISO-8601 duration (e.g. PT1H30M), found \"1 hour\""),
            (#"{"name": "n", "address": "Paris"}"#, "address: expected an object, found \"Paris\""),
            (#"{"name": "n", "address": {"city": "P", "zip": "75001"}}"#, "address.zip: expected an integer, found \"75001\""),
            (#"{"name": "n", "tags": "a"}"#, "tags: expected a list of strings, found \"a\""),
            (#"{"name": "n", "tags": ["a", 2]}"#, "tags[1]: expected a string, found 2"),
            (#"{"name": "n", "scores": [1, null]}"#, "scores[1]: expected an integer, found null"),
            (#"{"name": "n", "days": ["2024-13-01"]}"#, "days[0]: expected an ISO-8601 date (YYYY-MM-DD), found \"2024-13-01\""),
            (#"{"name": "n", "items": {"sku": "s"}}"#, "items: expected a list of objects, found an object"),
            (#"{"name": "n", "items": [{"sku": "a"}, "b"]}"#, "items[1]: expected an object, found \"b\""),
            (#"{"name": "n", "items": [{"sku": "a"}, {"sku": "b"}, {"sku": "c", "price": "abc"}]}"#,
             "items[2].price: expected a decimal, found \"abc\""),
            (#"{"name": "n", "timestamp": "now"}"#,
             "timestamp: expected an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z), found \"now\""),
        ])
    func wrongType(json: String, expected: String) throws {
        let check = try Self.check(json)
        #expect(check.problems.count == 1)
        let problem = try #require(check.problems.first)
        #expect(problem.code == .fieldType)
        #expect("\(problem.fieldPath ?? ""): \(problem.message)" == expected)
    }

    @Test(
        "a missing or null required field is named by its path",
        arguments: [
            (#"{}"#, "name: a required field (a string) is missing"),
            (#"{"name": null}"#, "name: a required field (a string) is null"),
            (#"{"name": "n", "address": {}}"#, "address.city: a required field (a string) is missing"),
            (#"{"name": "n", "items": [{"sku": "a"}, {"price": 1}]}"#, "items[1].sku: a required field (a string) is missing"),
        ])
    func missing(json: String, expected: String) throws {
        let check = try Self.check(json)
        let problem = try #require(check.problems.first)
        #expect(check.problems.count == 1)
        #expect(problem.code == .missingField)
        #expect("\(problem.fieldPath ?? ""): \(problem.message)" == expected)
    }

    @Test("optional fields may be null or absent")
    func optionalNull() throws {
        #expect(try Self.check(#"{"name": "n", "count": null, "address": null, "items": null}"#).isValid)
    }

    @Test("paths carry the envelope prefix; every problem is reported, up to the limit")
    func prefixAndLimit() throws {
        let check = try Self.check(#"{"count": "x", "price": "y"}"#, prefix: "body.xdmEntity.")
        #expect(check.problems.map { $0.fieldPath ?? "" } == [
            "body.xdmEntity.count", "body.xdmEntity.price", "body.xdmEntity.name",
        ])
        let many = "[" + Array(repeating: "\"x\"", count: 50).joined(separator: ",") + "]"
        #expect(try Self.check(#"{"name": "n", "scores": \#(many)}"#).problems.count == FieldSchema.maximumReportedProblems)
    }

    @Test("a value that does not fit keeps its JSON value in the typed payload")
    func keepsBadValue() throws {
        let check = try Self.check(#"{"name": "n", "count": "three"}"#)
        guard case .object(let fields) = check.value else { Issue.record("not an object"); return }
        #expect(fields["count"] == .string("three"))
    }
}
