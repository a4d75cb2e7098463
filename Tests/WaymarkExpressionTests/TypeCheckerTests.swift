import Testing
@testable import WaymarkExpression

@Suite struct TypeCheckerTests {
    @Test(arguments: [
        ("@{E.a}", ValueType.integer),
        ("@{E.b}", .string),
        ("@{MyEvent.price}", .decimal),
        ("@{MyEvent.items}", .list(.object(ObjectSchema(fields: [("sku", .string), ("price", .integer), ("tags", .list(.any))])))),
        ("@{MyEvent.codes}", .list(.string)),
        ("@{MyEvent.nothing}", .any),
        ("@{E.a} + 1.5", .decimal),
        ("@{E.a} > 1", .boolean),
        ("'x' + @{E.a}", .string),
        ("[1, 2]", .list(.integer)),
        ("[]", .list(.any)),
        ("if (true) then (@{E.a}) else (@{MyEvent.nothing})", .any),
        ("@action{SendOffer.jo_status_code}", .string),
        ("@{MyEvent.items.first()}", .object(ObjectSchema(fields: [("sku", .string), ("price", .integer), ("tags", .list(.any))]))),
        ("@{MyEvent.items.first().sku}", .string),
        ("@{MyEvent.identityMap.keys()}", .list(.string)),
        ("@{MyEvent.identityMap.firstEntryKey()}", .string),
    ])
    func staticTypes(source: String, expected: ValueType) throws {
        #expect(try staticType(source) == expected)
    }

    @Test(arguments: [
        ("@{E.a} + true", "ERR_EXPR_TYPE"),
        ("@{E.a} > 'x'", "ERR_EXPR_TYPE"),
        ("@{E.b} and true", "ERR_EXPR_TYPE"),
        ("not @{E.a}", "ERR_EXPR_TYPE"),
        ("-@{E.b}", "ERR_EXPR_TYPE"),
        ("@{E.a} has null", "ERR_EXPR_TYPE"),
        ("if (@{E.a}) then (1) else (2)", "ERR_EXPR_TYPE"),
        ("if (true) then (1) else ('x')", "ERR_EXPR_TYPE"),
        ("[1, 'x']", "ERR_EXPR_TYPE"),
        ("@{E.a, defaultValue: 'x'}", "ERR_EXPR_TYPE"),
        ("@{E.b, defaultValue: 1}", "ERR_EXPR_TYPE"),
        ("noSuchFunction(1)", "ERR_EXPR_UNKNOWN_FUNCTION"),
        ("twice('x')", "ERR_EXPR_ARGUMENTS"),
        ("twice(1, 2)", "ERR_EXPR_ARGUMENTS"),
        ("tag(@{E.b})", "ERR_EXPR_NOT_CONSTANT"),
        ("@{Nope.a}", "ERR_EXPR_UNKNOWN_EVENT"),
        ("@{E.zzz}", "ERR_EXPR_UNKNOWN_FIELD"),
        ("@{MyEvent.identityMap.Email.nope}", "ERR_EXPR_UNKNOWN_FIELD"),
        ("#{Nope.data.x}", "ERR_EXPR_UNKNOWN_DATA_SOURCE"),
        ("#{Weather.nope.x}", "ERR_EXPR_UNKNOWN_DATA_SOURCE"),
        ("#{Weather.data.nope}", "ERR_EXPR_UNKNOWN_FIELD"),
        ("@action{Nope.jo_status_code}", "ERR_EXPR_UNKNOWN_ACTION"),
        ("@action{SendOffer.nope}", "ERR_EXPR_UNKNOWN_FIELD"),
        ("@journey{nope}", "ERR_EXPR_UNKNOWN_PROPERTY"),
        ("@{E.a, params: {x: 1}}", "ERR_EXPR_SYNTAX"),
        ("@{E.a}.first()", "ERR_EXPR_TYPE"),
        ("@{E.b}.entry('x')", "ERR_EXPR_TYPE"),
        ("@{MyEvent.items.sort()}", "ERR_EXPR_UNKNOWN_METHOD"),
        ("@{MyEvent.items.at('x')}", "ERR_EXPR_ARGUMENTS"),
        ("@{MyEvent.items.at()}", "ERR_EXPR_ARGUMENTS"),
        ("@{MyEvent.items.first(1)}", "ERR_EXPR_TYPE"),
        ("@{MyEvent.items.first(true, false)}", "ERR_EXPR_ARGUMENTS"),
        ("@{MyEvent.items.first().nope}", "ERR_EXPR_UNKNOWN_FIELD"),
        ("@{MyEvent.items}.sku", "ERR_EXPR_TYPE"),
        ("currentEventField", "ERR_EXPR_CURRENT_FIELD"),
        ("@{MyEvent.items.all(currentDataPackField.price > 1)}", "ERR_EXPR_CURRENT_FIELD"),
    ])
    func errors(source: String, code: String) throws {
        let error = try #require(failure(source))
        #expect(error.code.rawValue == code)
        #expect(error.position != nil)
    }

    @Test func messagesAreWrittenForPeople() throws {
        #expect(failure("twiice(1)")?.message == "There is no function 'twiice'. Did you mean 'twice'?")
        let arguments = try #require(failure("twice('x')"))
        #expect(arguments.message == "'twice' cannot take (string). It accepts: twice(integer) → integer.")
        #expect(failure("@{E.aa}")?.message == "'E' has no field 'aa'. Did you mean 'a'?")
        #expect(failure("@journey{profileID}")?.message == "There is no journey property 'profileID'. Did you mean 'profileId'?")
        #expect(failure("@{E.a} > 'x'")?.message.contains("cannot compare an integer and a string") == true)
        #expect(
            failure("@{MyEvent.items.all(currentDataPackField.price > 1)}")?.message
                == "Inside this condition the element is called 'currentEventField', not 'currentDataPackField'.")
    }

    @Test func dataSourceParametersAreCheckedAgainstTheSchema() throws {
        struct Schema: ExpressionSchema {
            func eventFieldType(event: String, path: [String]) -> FieldLookup { event == "E" ? .field(.string) : .unknownSource }
            func dataSourceFieldType(dataSource: String, fieldGroup: String, path: [String]) -> FieldLookup { .field(.integer) }
            func dataSourceParameterNames(dataSource: String, fieldGroup: String) -> [String]? { ["city", "units"] }
            func actionFieldType(action: String, path: [String]) -> FieldLookup { .unknownSource }
        }
        let compiled = try Expression.compile("#{W.G.t, params: {city: @{E.c}, units: 'metric'}} > 1", schema: Schema())
        #expect(compiled.resultType == .boolean)
        let error = try #require(throws: ExpressionError.self) {
            try Expression.compile("#{W.G.t, params: {citty: 'x'}}", schema: Schema())
        }
        #expect(error.code == .unknownParameter)
        #expect(error.message.contains("Did you mean 'city'?"))
        #expect(error.position?.offset == 18)
    }

    @Test func inSegmentIsAnAliasOfInAudienceWhenTheLibraryLacksIt() throws {
        let library = FunctionLibrary([
            "inAudience": [
                FunctionOverload(signature: "inAudience(string) → boolean", constantArguments: [0], resultType: { $0 == [.string] ? .boolean : nil }) {
                    arguments, environment throws(ExpressionError) in
                    guard case .string(let name) = arguments[0] else { return .boolean(false) }
                    return .boolean(environment.isInAudience(name))
                }
            ]
        ])
        let context = try sampleContext()
        #expect(try Expression.compile("inSegment('VIP')", schema: context, library: library).evaluate(in: context) == .boolean(true))
        #expect(try Expression.compile("inAudience('Other')", schema: context, library: library).evaluate(in: context) == .boolean(false))
        let error = try #require(throws: ExpressionError.self) {
            try Expression.compile("inAudience(@{E.b})", schema: context, library: library)
        }
        #expect(error.code == .notConstant)
        #expect(error.position?.offset == 11)
    }
}
