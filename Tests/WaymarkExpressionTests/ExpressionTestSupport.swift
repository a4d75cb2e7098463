@testable import WaymarkExpression

/// The context document most evaluation tests run against.
let sampleDocument = #"""
{
  "events": {
    "MyEvent": {
      "identityMap": {
        "Email": [{"id": "ada@example.com", "primary": true}, {"id": "ada@work.example", "primary": false}],
        "ECID": [{"id": "123", "primary": false}]
      },
      "amount": 42,
      "price": 9.5,
      "name": "Ada",
      "vip": true,
      "nothing": null,
      "items": [
        {"sku": "a", "price": 5, "tags": ["x"]},
        {"sku": "b", "price": 15, "tags": ["y", "z"]},
        {"sku": "c", "price": 25, "tags": []}
      ],
      "codes": ["p", "q", null],
      "my-field": "dashed"
    },
    "E": {"a": 12, "b": "xylophone"}
  },
  "dataSources": {
    "Weather": {"data": {"rain": {"3h": 1.5}, "city": "Paris", "forecast": [{"day": 1, "max": 20}, {"day": 2, "max": 24}]}},
    "ExperiencePlatform": {"ProfileFieldGroup": {"person": {"name": {"firstName": "Ada"}}, "loyalty": {"points": 120}}}
  },
  "actions": {
    "SendOffer": {"offerId": "o-1", "rows": [{"ok": false, "id": 1}, {"ok": true, "id": 2}], "jo_status_code": "http_201"},
    "Ping": {"latency": 12}
  },
  "audiences": ["VIP", "Newsletter"],
  "journey": {"journeyVersionName": "Welcome v2", "profileId": "p-1", "lastDataFetchElapsedTime": 35}
}
"""#

/// 2026-11-22T10:00:00Z.
let sampleNow = ZonedDateTime(epochMilliseconds: 1_795_348_800_000)

/// The sample context.
func sampleContext() throws(ExpressionError) -> JSONExpressionContext {
    try JSONExpressionContext(json: sampleDocument, now: sampleNow)
}

/// Test-only functions: `boom()` fails at run time, `twice(integer)` doubles, `tag(string)` is constant-only.
let testLibrary = FunctionLibrary.standard.adding([
    "boom": [
        FunctionOverload(signature: "boom() → boolean", resultType: { $0.isEmpty ? .boolean : nil }) { _, _ throws(ExpressionError) in
            throw ExpressionError(.init(rawValue: "ERR_EXPR_TEST_BOOM"), "boom")
        }
    ],
    "twice": [
        FunctionOverload(signature: "twice(integer) → integer", resultType: { $0 == [.integer] || $0 == [.any] ? .integer : nil }) {
            arguments, _ throws(ExpressionError) in
            guard case .integer(let value) = arguments[0] else { return .null }
            let (doubled, overflow) = value.multipliedReportingOverflow(by: 2)
            if overflow { throw ExpressionError(.init(rawValue: "ERR_EXPR_OVERFLOW"), "too large") }
            return .integer(doubled)
        }
    ],
    "tag": [
        FunctionOverload(
            signature: "tag(string) → string", constantArguments: [0],
            resultType: { $0 == [.string] ? .string : nil }
        ) { arguments, _ throws(ExpressionError) in arguments[0] }
    ],
])

/// Compiles and evaluates `source` against the sample context.
func evaluate(_ source: String, expecting: ExpectedType = .any) throws(ExpressionError) -> Value {
    let context = try sampleContext()
    return try Expression.compile(source, schema: context, library: testLibrary, expecting: expecting).evaluate(in: context)
}

/// The static result type of `source` against the sample context.
func staticType(_ source: String) throws(ExpressionError) -> ValueType {
    let context = try sampleContext()
    return try Expression.compile(source, schema: context, library: testLibrary).resultType
}

/// The error that compiling and evaluating `source` throws, or `nil`.
func failure(_ source: String, expecting: ExpectedType = .any) -> ExpressionError? {
    do {
        _ = try evaluate(source, expecting: expecting)
        return nil
    } catch {
        return error
    }
}
