import Testing
@testable import WaymarkCore

/// Each structural config rule: a config that triggers it, and valid configs that do not.
@Suite struct ConfigValidatorTests {
    @Test func validConfigsHaveNoIssue() {
        #expect(ConfigValidator.issues(of: Fixtures.configuration).isEmpty)
        #expect(ConfigValidator.issues(of: DataSourceConfig.experiencePlatform()).isEmpty)
    }

    @Test func eventRules() {
        var event = Fixtures.signup
        event.name = "bad name"
        event.schema.fields.append(SchemaField(name: "email", type: .string))
        event.schema.fields.append(SchemaField(name: "", type: .string))
        #expect(ConfigValidator.issues(of: event).map(\.code) == [.invalidName, .duplicateField, .invalidName])
        #expect(ConfigValidator.issues(of: event).map(\.field) == ["name", "schema[2]", "schema[3]"])
    }

    @Test func dataSourceRules() {
        var source = Fixtures.loyalty
        source.name = "Loyalty-API"
        source.provider = .rest(
            baseURL: "loyalty.example.com",
            authentication: .custom(CustomAuthentication(endpoint: "ftp://x", cache: .duration(.seconds(0)))))
        source.fieldGroups.append(FieldGroup(
            name: "Membership", parameters: [SchemaField(name: "filter", type: .object)], cacheTTL: .seconds(0)))
        #expect(ConfigValidator.issues(of: source).map(\.code) == [
            .invalidName, .invalidURL, .invalidURL, .durationNotPositive, .duplicateFieldGroup, .invalidParameterType, .durationNotPositive,
        ])
        let renamedStore = DataSourceConfig(name: "Profiles", provider: .experiencePlatform)
        #expect(ConfigValidator.issues(of: renamedStore).map(\.code) == [.invalidProvider])
        let fakeStore = DataSourceConfig(name: "ExperiencePlatform", provider: .rest(baseURL: "https://x.example.com", authentication: .none))
        #expect(ConfigValidator.issues(of: fakeStore).map(\.code) == [.invalidProvider])
        var post = Fixtures.loyalty
        post.fieldGroups[0].method = .post
        post.fieldGroups[0].parameters = [SchemaField(name: "filter", type: .object)]
        #expect(ConfigValidator.issues(of: post).isEmpty)
    }

    @Test func actionRules() {
        guard case .custom(var custom) = Fixtures.coupon.definition else { return }
        custom.method = .get
        custom.url = "/relative"
        custom.headers.append(.variable("X-List", .listString))
        custom.queryParameters = [.constant("q", .array([])), ActionParameter(name: "o", value: .object([]))]
        custom.payload.append(.variable("email", .integer))
        let codes = ConfigValidator.issues(of: ActionConfig(name: "Coupon", definition: .custom(custom))).map(\.code)
        #expect(codes == [.invalidURL, .invalidParameterType, .invalidParameterType, .invalidParameterType, .duplicateField, .payloadNotAllowed])
        let message = ActionConfig(
            name: "9lives", definition: .message(MessageAction(channel: .sms, template: "t", fields: [.variable("a", .string), .variable("a", .string)])))
        #expect(ConfigValidator.issues(of: message).map(\.code) == [.invalidName, .duplicateField])
    }

    @Test func configurationRules() {
        var renamed = Fixtures.crmEvent
        renamed.name = "signup"
        var badAction = Fixtures.welcomeEmail
        badAction.name = "Welcome Email"
        let configuration = Configuration(
            events: [Fixtures.signup, renamed], actions: [Fixtures.welcomeEmail, Fixtures.welcomeEmail, badAction],
            journeys: [Fixtures.validJourney, Fixtures.validJourney])
        let issues = ConfigValidator.issues(of: configuration)
        #expect(issues.map(\.code) == [.duplicateName, .duplicateName, .duplicateName, .invalidName])
        #expect(issues.last?.field == "actions[Welcome Email].name")
    }

    @Test func referenceNames() {
        #expect(ConfigValidator.isValidReferenceName("LoyaltyAPI"))
        #expect(ConfigValidator.isValidReferenceName("_x1"))
        #expect(!ConfigValidator.isValidReferenceName("1x"))
        #expect(!ConfigValidator.isValidReferenceName("a.b"))
        #expect(!ConfigValidator.isValidReferenceName(""))
    }
}
