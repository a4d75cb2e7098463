import WaymarkCore

/// Configs and requests the tests share.
enum Fixture {
    /// A JSON value from text (test literals only).
    static func json(_ text: String) -> JSONValue {
        do { return try JSONValue(parsing: text) } catch { fatalError("bad test JSON: \(text)") }
    }

    /// A configuration with one custom action named `Notify`.
    static func actionConfiguration(
        url: String, method: HTTPMethod = .post, dynamicPath: Bool = false, headers: [ActionParameter] = [],
        query: [ActionParameter] = [], authentication: Authentication = .none
    ) -> Configuration {
        let action = CustomAction(
            url: url, dynamicPath: dynamicPath, method: method, headers: headers, queryParameters: query,
            authentication: authentication)
        return Configuration(actions: [ActionConfig(name: "Notify", definition: .custom(action))])
    }

    /// A request to run `Notify`; 10 s unless a test needs a short timeout, so retries fit while the whole suite runs.
    static func actionRequest(
        id: String = "inst-1/node-1/0", payload: JSONValue = .object(OrderedFields()), dynamicPath: String? = nil,
        headers: [String: String] = [:], query: [String: String] = [:], timeout: Int64 = 10_000
    ) -> ExternalCallRequest {
        ExternalCallRequest(
            id: id, kind: .action, instanceID: "inst-1", journeyID: "j", journeyVersionID: "j-1", nodeID: "node-1",
            profile: ProfileKey(namespace: "Email", id: "a@b.c"), actionName: "Notify", payload: payload,
            dynamicPath: dynamicPath, headers: headers, query: query, timeout: timeout)
    }

    /// A configuration with one REST data source `Loyalty` holding `groups`.
    static func dataSourceConfiguration(
        baseURL: String, groups: [FieldGroup], authentication: Authentication = .none
    ) -> Configuration {
        Configuration(dataSources: [
            DataSourceConfig(
                name: "Loyalty", provider: .rest(baseURL: baseURL, authentication: authentication), fieldGroups: groups)
        ])
    }

    /// A request fetching field groups of `Loyalty`.
    static func fetchRequest(_ fetches: [DataFetch], id: String = "inst-1/node-2/0", timeout: Int64 = 10_000) -> ExternalCallRequest {
        ExternalCallRequest(
            id: id, kind: .fetch, instanceID: "inst-1", journeyID: "j", journeyVersionID: "j-1", nodeID: "node-2",
            profile: ProfileKey(namespace: "Email", id: "a@b.c"), fetches: fetches, timeout: timeout)
    }
}
