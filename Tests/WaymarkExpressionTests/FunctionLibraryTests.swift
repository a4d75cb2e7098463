import Testing
@testable import WaymarkExpression

/// A function environment with a fixed clock, fixed randomness and a fixed audience list.
struct FixedEnvironment: FunctionEnvironment {
    var now: ZonedDateTime
    var random = 0.25
    var audiences: Set<String> = ["VIP"]

    init(_ now: String = "2021-02-19T10:00:00Z") {
        self.now = ZonedDateTime(iso8601: now) ?? ZonedDateTime(epochMilliseconds: 0)
    }

    func randomUnit() -> Double { random }
    func makeUUID() -> String { "123e4567-e89b-12d3-a456-426614174000" }
    func isInAudience(_ name: String) -> Bool { audiences.contains(name) }
}

/// Resolves `name` against the standard library with the given static types (by default the
/// run-time types of the arguments) and calls it.
func call(
    _ name: String, _ arguments: [Value], types: [ValueType]? = nil,
    library: FunctionLibrary = .standard, environment: FixedEnvironment = FixedEnvironment()
) throws -> Value {
    let types = types ?? arguments.map { ValueType.dynamicType(of: $0) }
    guard case .resolved(let overload, _) = library.resolve(name, argumentTypes: types) else {
        throw ExpressionError(.init(rawValue: "TEST_UNRESOLVED"), "\(name) does not resolve for \(types.map(\.name))")
    }
    return try overload.implementation(arguments, environment)
}

/// The static result type of `name` for these argument types, or `nil` when no overload applies.
func resultType(_ name: String, _ types: [ValueType]) -> ValueType? {
    if case .resolved(_, let type) = FunctionLibrary.standard.resolve(name, argumentTypes: types) { return type }
    return nil
}

/// The code of the error `body` throws, or `nil` when it throws none.
func errorCode(_ body: () throws -> Value) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as ExpressionError {
        return error.code.rawValue
    } catch {
        return "\(error)"
    }
}

func strings(_ values: String...) -> Value { .list(values.map(Value.string)) }
func integers(_ values: Int64...) -> Value { .list(values.map(Value.integer)) }
func dateTime(_ text: String) -> Value { ZonedDateTime(iso8601: text).map(Value.dateTime) ?? .null }

@Suite struct FunctionLibraryTests {
    static let catalogue = [
        "avg", "count", "countOnlyNull", "countWithNull", "distinctCount", "distinctCountWithNull", "max", "min", "sum",
        "toBool", "toDateOnly", "toDateTime", "toDateTimeOnly", "toDecimal", "toDuration", "toInteger", "toString",
        "currentTimeInMillis", "now", "nowWithDelta", "inLastDays", "inLastHours", "inLastMonths", "inLastYears",
        "inNextDays", "inNextHours", "inNextMonths", "inNextYears", "setHours", "setDays", "updateTimeZone",
        "distinct", "distinctWithNull", "filter", "getListItem", "in", "intersect", "limit", "listSize",
        "serializeList", "sort", "random", "round", "concat", "contain", "containIgnoreCase", "startWith",
        "startWithIgnoreCase", "endWith", "endWithIgnoreCase", "equalIgnoreCase", "notEqualIgnoreCase",
        "matchRegExp", "indexOf", "lastIndexOf", "isEmpty", "isNotEmpty", "length", "lower", "upper", "trim",
        "replace", "replaceAll", "split", "substr", "uuid", "inAudience", "inSegment",
    ]

    @Test func everyCatalogueFunctionExists() {
        #expect(FunctionLibrary.standard.names == Self.catalogue.sorted())
        #expect(FunctionLibrary.standard.overloads(named: "encodeBase64").isEmpty)
        #expect(FunctionLibrary.authentication.names.contains("encodeBase64"))
    }

    @Test func signaturesAreReadable() {
        let signatures = FunctionLibrary.standard.overloads(named: "startWith").map(\.signature)
        #expect(signatures == ["startWith(string, string) → boolean"])
        #expect(FunctionLibrary.standard.overloads(named: "toBool").map(\.signature) == ["toBool(string|decimal|boolean) → boolean"])
        guard case .noMatchingOverload(let candidates) = FunctionLibrary.standard.resolve("substr", argumentTypes: [.integer]) else {
            Issue.record("substr(integer) should not resolve")
            return
        }
        #expect(candidates.count == 2)
    }

    @Test func audienceNeedsAConstantName() throws {
        let overload = try #require(FunctionLibrary.standard.overloads(named: "inAudience").first)
        #expect(overload.constantArguments == [0])
        #expect(try call("inAudience", [.string("VIP")]) == .boolean(true))
        #expect(try call("inSegment", [.string("Churners")]) == .boolean(false))
    }

    @Test func authenticationOnlyEncodeBase64() throws {
        #expect(try call("encodeBase64", [.string("user:pässword")], library: .authentication) == .string("dXNlcjpww6Rzc3dvcmQ="))
    }

    @Test func anyArgumentsTypeCheckAndAreCheckedAtRunTime() {
        #expect(resultType("startWith", [.any, .string]) == .boolean)
        #expect(resultType("length", [.any]) == .integer)
        #expect(resultType("length", [.integer]) == nil)
        #expect(errorCode { try call("length", [.integer(3)], types: [.any]) } == "ERR_EXPR_RUNTIME_TYPE")
    }

    @Test func runTimeErrorsNameTheFunction() {
        do {
            _ = try call("length", [.integer(3)], types: [.any])
            Issue.record("expected an error")
        } catch let error as ExpressionError {
            #expect(error.message.hasPrefix("length: "))
            #expect(error.position == nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func mathFunctions() throws {
        #expect(try call("random", []) == .decimal(0.25))
        #expect(try call("uuid", []) == .string("123e4567-e89b-12d3-a456-426614174000"))
        #expect(resultType("round", [.integer]) == .integer)
        #expect(try call("round", [.integer(7)]) == .integer(7))
    }

    @Test(arguments: [
        (2.5, Int64(3)), (-3.5, -3), (-2.5, -2), (2.4, 2), (-2.6, -3), (0.49999999999999994, 0),
        (.nan, 0), (1e300, .max), (-1e300, .min),
    ])
    func roundTiesTowardPositiveInfinity(_ value: Double, _ expected: Int64) throws {
        #expect(try call("round", [.decimal(value)]) == .integer(expected))
    }
}
