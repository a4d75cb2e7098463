import Foundation
import Testing
@testable import WaymarkCore

@Suite struct SchemaInferenceTests {
    static let example: JSONValue = .object(OrderedFields([
        ("name", .string("Ada")),
        ("age", .int(36)),
        ("score", .double(4.5)),
        ("vip", .bool(true)),
        ("since", .string("2020-01-01T00:00:00Z")),
        ("nothing", .null),
        ("address", .object(OrderedFields([("city", .string("Paris")), ("zip", .string("75001"))]))),
        ("tags", .array([.string("a"), .string("b")])),
        ("counts", .array([.null, .int(1)])),
        ("empty", .array([])),
        ("matrix", .array([.array([.int(1)])])),
        ("orders", .array([
            .object(OrderedFields([("id", .string("o1")), ("total", .double(10))])),
            .object(OrderedFields([("id", .string("o2")), ("coupon", .string("X"))])),
        ])),
    ]))

    @Test func infersTypedFieldsInOrder() {
        let schema = FieldSchema.inferred(from: Self.example)
        #expect(schema.fields.map(\.name) == ["name", "age", "score", "vip", "since", "nothing", "address", "tags", "counts", "empty", "matrix", "orders"])
        #expect(schema.fields.map(\.type) == [
            .string, .integer, .decimal, .boolean, .string, .string, .object, .listString, .listInteger, .listString, .listString, .listObject,
        ])
        #expect(schema.field(at: "address.city")?.type == .string)
        #expect(schema.field(at: "orders")?.fields.map(\.name) == ["id", "total", "coupon"])
        #expect(schema.fields.allSatisfy { !$0.required })
    }

    @Test func nonObjectPayloadHasNoFields() {
        #expect(FieldSchema.inferred(from: .array([.int(1)])).isEmpty)
        #expect(FieldSchema.inferred(from: .string("x")).isEmpty)
    }

    @Test func convertsToExpressionTypes() {
        let schema = FieldSchema.inferred(from: Self.example)
        let object = schema.objectSchema
        #expect(object.type(of: "age") == .integer)
        #expect(object.type(of: "tags") == .list(.string))
        #expect(object.type(of: "address") == .object(ObjectSchema(fields: [(name: "city", type: .string), (name: "zip", type: .string)])))
        guard case .list(.object(let order?))? = object.type(of: "orders") else {
            Issue.record("orders should be a list of objects")
            return
        }
        #expect(order.type(of: "total") == .decimal)
        #expect(object.type(of: "missing") == nil)
        for type in FieldType.allCases where !type.hasFields {
            #expect(SchemaField(name: "f", type: type).valueType != .any)
        }
    }

    @Test func fieldGroupsAndActionsInferFromExamples() throws {
        let group: FieldGroup = try Fixtures.decode(#"{"name":"G","examplePayload":{"tier":"gold","points":3}}"#)
        #expect(group.fields.fields.map(\.type) == [.integer, .string])  // JSONDecoder sorts keys
        let explicit: FieldGroup = try Fixtures.decode(#"{"name":"G","examplePayload":{"tier":"gold"},"fields":[{"name":"tier","type":"string","required":true}]}"#)
        #expect(explicit.fields.fields.first?.required == true)
        guard case .custom(let coupon) = Fixtures.coupon.definition else { return }
        #expect(coupon.responseFields.field(at: "code")?.type == .string)
    }

    @Test func pathsAndPrimaryIdentity() {
        let schema = FieldSchema([
            SchemaField(name: "customer", type: .object, fields: [SchemaField(name: "email", type: .string, primaryIdentity: true)]),
        ])
        #expect(schema.allPaths.map(\.path) == ["customer", "customer.email"])
        #expect(schema.primaryIdentityPath == "customer.email")
    }

    @Test func actionVariablesHaveDottedPaths() {
        #expect(Fixtures.coupon.variableFields.map(\.path) == ["email", "cart.id"])
        #expect(Fixtures.welcomeEmail.variableFields.filter(\.required).map(\.path) == ["recipient"])
    }
}
