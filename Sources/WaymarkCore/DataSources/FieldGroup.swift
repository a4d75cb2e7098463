/// A set of fields of a data source fetched together in one call.
public struct FieldGroup: Hashable, Sendable {
    /// The name used in expressions (`#{DataSource.FieldGroup.field}`).
    public var name: String
    /// A description for the people who browse fields.
    public var description: String?
    /// The HTTP method of the call (`GET` or `POST`; ignored by the profile store).
    public var method: HTTPMethod
    /// The path appended to the data source's base URL.
    public var path: String
    /// Dynamic parameters set by journeys: query parameters for `GET`, payload fields for `POST`.
    public var parameters: [SchemaField]
    /// An example response from which `fields` were inferred, if one was given.
    public var examplePayload: JSONValue?
    /// The typed fields of the response.
    public var fields: FieldSchema
    /// How long a fetched response may be reused; `nil` means not cached.
    public var cacheTTL: ISODuration?

    /// Creates a field group; without explicit fields they are inferred from the example payload.
    public init(
        name: String, description: String? = nil, method: HTTPMethod = .get, path: String = "",
        parameters: [SchemaField] = [], examplePayload: JSONValue? = nil, fields: FieldSchema? = nil,
        cacheTTL: ISODuration? = nil
    ) {
        self.name = name
        self.description = description
        self.method = method
        self.path = path
        self.parameters = parameters
        self.examplePayload = examplePayload
        self.fields = fields ?? examplePayload.map(FieldSchema.inferred(from:)) ?? FieldSchema()
        self.cacheTTL = cacheTTL
    }
}

extension FieldGroup: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, description, method, path, parameters, examplePayload, fields, cacheTTL
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            method: try container.decodeIfPresent(HTTPMethod.self, forKey: .method) ?? .get,
            path: try container.decodeIfPresent(String.self, forKey: .path) ?? "",
            parameters: try container.decodeIfPresent([SchemaField].self, forKey: .parameters) ?? [],
            examplePayload: try container.decodeIfPresent(JSONValue.self, forKey: .examplePayload),
            fields: try container.decodeIfPresent(FieldSchema.self, forKey: .fields),
            cacheTTL: try container.decodeIfPresent(ISODuration.self, forKey: .cacheTTL))
        if method == .put {
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container, debugDescription: "a field group is fetched with GET or POST")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        if method != .get { try container.encode(method, forKey: .method) }
        if !path.isEmpty { try container.encode(path, forKey: .path) }
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
        try container.encodeIfPresent(examplePayload, forKey: .examplePayload)
        if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
        try container.encodeIfPresent(cacheTTL, forKey: .cacheTTL)
    }
}
