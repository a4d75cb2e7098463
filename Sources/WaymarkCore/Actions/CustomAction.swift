/// An HTTP call to a third-party system, configured by a technical user.
public struct CustomAction: Hashable, Sendable {
    /// The static part of the URL.
    public var url: String
    /// Whether journeys may append a dynamic path (an expression) to the URL.
    public var dynamicPath: Bool
    /// The method: `POST`, `PUT` or `GET`.
    public var method: HTTPMethod
    /// Headers, each constant or variable.
    public var headers: [ActionParameter]
    /// Query parameters, each constant or variable.
    public var queryParameters: [ActionParameter]
    /// How the call authenticates.
    public var authentication: Authentication
    /// The JSON payload's fields: constants, variables and nested objects.
    public var payload: [ActionParameter]
    /// An example response from which `responseFields` were inferred, if one was given.
    public var responseExample: JSONValue?
    /// The typed response fields usable downstream as `@action{Name.field}`.
    public var responseFields: FieldSchema

    /// Creates a custom action; without explicit response fields they are inferred from the example.
    public init(
        url: String, dynamicPath: Bool = false, method: HTTPMethod = .post, headers: [ActionParameter] = [],
        queryParameters: [ActionParameter] = [], authentication: Authentication = .none,
        payload: [ActionParameter] = [], responseExample: JSONValue? = nil, responseFields: FieldSchema? = nil
    ) {
        self.url = url
        self.dynamicPath = dynamicPath
        self.method = method
        self.headers = headers
        self.queryParameters = queryParameters
        self.authentication = authentication
        self.payload = payload
        self.responseExample = responseExample
        self.responseFields = responseFields ?? responseExample.map(FieldSchema.inferred(from:)) ?? FieldSchema()
    }
}

extension CustomAction: Codable {
    private enum CodingKeys: String, CodingKey {
        case url, dynamicPath, method, headers, queryParameters, authentication, payload, responseExample, responseFields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            url: try container.decode(String.self, forKey: .url),
            dynamicPath: try container.decodeIfPresent(Bool.self, forKey: .dynamicPath) ?? false,
            method: try container.decodeIfPresent(HTTPMethod.self, forKey: .method) ?? .post,
            headers: try container.decodeIfPresent([ActionParameter].self, forKey: .headers) ?? [],
            queryParameters: try container.decodeIfPresent([ActionParameter].self, forKey: .queryParameters) ?? [],
            authentication: try container.decodeIfPresent(Authentication.self, forKey: .authentication) ?? .none,
            payload: try container.decodeIfPresent([ActionParameter].self, forKey: .payload) ?? [],
            responseExample: try container.decodeIfPresent(JSONValue.self, forKey: .responseExample),
            responseFields: try container.decodeIfPresent(FieldSchema.self, forKey: .responseFields))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        if dynamicPath { try container.encode(true, forKey: .dynamicPath) }
        try container.encode(method, forKey: .method)
        if !headers.isEmpty { try container.encode(headers, forKey: .headers) }
        if !queryParameters.isEmpty { try container.encode(queryParameters, forKey: .queryParameters) }
        if authentication != .none { try container.encode(authentication, forKey: .authentication) }
        if !payload.isEmpty { try container.encode(payload, forKey: .payload) }
        try container.encodeIfPresent(responseExample, forKey: .responseExample)
        if !responseFields.isEmpty { try container.encode(responseFields, forKey: .responseFields) }
    }
}
