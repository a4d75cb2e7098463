import Testing
@testable import WaymarkExpression

@Suite struct ReferencesTests {
    @Test func everyReferenceIsListedOnceInSourceOrder() throws {
        let context = try sampleContext()
        let compiled = try Expression.compile(
            "@{E.a} > 1 and @event{E.a} < 100 and #{Weather.data.city} == 'Paris' and @action{SendOffer.jo_status_code} == 'http_200' and @journey{profileId} is not null",
            schema: context)
        #expect(compiled.references == [
            FieldReference(kind: .event, source: "E", path: ["a"]),
            FieldReference(kind: .dataSource, source: "Weather", fieldGroup: "data", path: ["city"]),
            FieldReference(kind: .action, source: "SendOffer", path: ["jo_status_code"]),
            FieldReference(kind: .journey, source: "profileId", path: []),
        ])
        #expect(compiled.references[2].isActionStatus)
    }

    @Test func methodsAfterAPathAreNotPartOfIt() throws {
        let compiled = try Expression.compile("@{MyEvent.identityMap.entry('Email').first().id}", schema: try sampleContext())
        #expect(compiled.references.map(\.path) == [["identityMap"]])
    }

    @Test func quotedSegmentsArePreSplitWithoutQuotes() throws {
        let compiled = try Expression.compile("#{Weather.data.rain.'3h'}", schema: try sampleContext())
        #expect(compiled.references == [FieldReference(kind: .dataSource, source: "Weather", fieldGroup: "data", path: ["rain", "3h"])])
    }

    @Test func parametersCarryTheirCompiledValuesAndNestedReferences() throws {
        let context = try sampleContext()
        let compiled = try Expression.compile(
            "#{Weather.data.city, params: {city: @{MyEvent.name} + '!', inner: #{ExperiencePlatform.ProfileFieldGroup.loyalty.points, params: {id: @{E.b}}}}}",
            schema: context)
        let weather = try #require(compiled.references.first { $0.source == "Weather" })
        #expect(weather.parameters.map(\.name) == ["city", "inner"])
        #expect(weather.parameters[0].value.source == "@{MyEvent.name} + '!'")
        #expect(try weather.parameters[0].value.evaluate(in: context) == .string("Ada!"))
        #expect(weather.parameters[0].value.references == [FieldReference(kind: .event, source: "MyEvent", path: ["name"])])
        #expect(weather.parameters[1].value.resultType == .integer)
        #expect(try weather.parameters[1].value.evaluate(in: context) == .integer(120))
        #expect(Set(compiled.references.map(\.source)) == ["Weather", "MyEvent", "ExperiencePlatform", "E"])
    }

    @Test func parametersReachTheContextEvaluated() throws {
        final class Recorder: EvaluationContext, @unchecked Sendable {
            var received: [String: Value] = [:]
            let now = ZonedDateTime(epochMilliseconds: 0)
            func eventField(_ reference: FieldReference) -> Value { .string("Lyon") }
            func dataSourceField(_ reference: FieldReference, parameters: [String: Value]) -> Value {
                received = parameters
                return .integer(18)
            }
            func actionField(_ reference: FieldReference) -> Value { .null }
            func journeyProperty(_ property: JourneyProperty) -> Value { .null }
            func randomUnit() -> Double { 0 }
            func makeUUID() -> String { "" }
            func isInAudience(_ name: String) -> Bool { false }
        }
        let compiled = try Expression.compile(
            "#{Weather.data.rain.'3h', params: {city: @{MyEvent.name}, days: 1 + 2}}", schema: try sampleContext())
        let recorder = Recorder()
        #expect(try compiled.evaluate(in: recorder) == .integer(18))
        #expect(recorder.received == ["city": .string("Lyon"), "days": .integer(3)])
    }

    @Test(arguments: JourneyProperty.allCases)
    func everyJourneyPropertyIsReadable(property: JourneyProperty) throws {
        let context = try sampleContext()
        let compiled = try Expression.compile("@journey{\(property.rawValue)}", schema: context)
        #expect(compiled.resultType == property.valueType)
        _ = try compiled.evaluate(in: context)
    }
}
