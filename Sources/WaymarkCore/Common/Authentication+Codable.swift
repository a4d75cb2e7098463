extension Authentication: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, username, password, name, value, location
        case endpoint, method, bodyKind, body, tokenPath, tokenUse, cacheDuration, expiryPath
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "none":
            self = .none
        case "basic":
            self = .basic(
                username: try container.decode(String.self, forKey: .username),
                password: try container.decode(String.self, forKey: .password))
        case "apiKey":
            self = .apiKey(
                name: try container.decode(String.self, forKey: .name),
                value: try container.decode(String.self, forKey: .value),
                location: try container.decodeIfPresent(APIKeyLocation.self, forKey: .location) ?? .header)
        case "custom":
            let cache: CustomAuthentication.TokenCache
            if let path = try container.decodeIfPresent(String.self, forKey: .expiryPath) {
                cache = .responseExpiry(path: path)
            } else {
                cache = .duration(try container.decodeIfPresent(ISODuration.self, forKey: .cacheDuration) ?? .hours(1))
            }
            self = .custom(
                CustomAuthentication(
                    endpoint: try container.decode(String.self, forKey: .endpoint),
                    method: try container.decodeIfPresent(HTTPMethod.self, forKey: .method) ?? .post,
                    bodyKind: try container.decodeIfPresent(CustomAuthentication.BodyKind.self, forKey: .bodyKind) ?? .form,
                    body: try container.decodeIfPresent([AuthenticationField].self, forKey: .body) ?? [],
                    tokenPath: try container.decodeIfPresent(String.self, forKey: .tokenPath),
                    tokenUse: try container.decodeIfPresent(CustomAuthentication.TokenUse.self, forKey: .tokenUse) ?? .bearer,
                    cache: cache))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "authentication kind", expected: "none, basic, apiKey or custom")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .none:
            try container.encode("none", forKey: .kind)
        case .basic(let username, let password):
            try container.encode("basic", forKey: .kind)
            try container.encode(username, forKey: .username)
            try container.encode(password, forKey: .password)
        case .apiKey(let name, let value, let location):
            try container.encode("apiKey", forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(value, forKey: .value)
            try container.encode(location, forKey: .location)
        case .custom(let custom):
            try container.encode("custom", forKey: .kind)
            try container.encode(custom.endpoint, forKey: .endpoint)
            try container.encode(custom.method, forKey: .method)
            try container.encode(custom.bodyKind, forKey: .bodyKind)
            if !custom.body.isEmpty { try container.encode(custom.body, forKey: .body) }
            try container.encodeIfPresent(custom.tokenPath, forKey: .tokenPath)
            if custom.tokenUse != .bearer { try container.encode(custom.tokenUse, forKey: .tokenUse) }
            switch custom.cache {
            case .duration(let duration) where duration != .hours(1):
                try container.encode(duration, forKey: .cacheDuration)
            case .duration:
                break
            case .responseExpiry(let path):
                try container.encode(path, forKey: .expiryPath)
            }
        }
    }
}

extension CustomAuthentication.TokenUse: Codable {
    private enum CodingKeys: String, CodingKey { case kind, name }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "bearer": self = .bearer
        case "header": self = .header(try container.decode(String.self, forKey: .name))
        case "query": self = .query(try container.decode(String.self, forKey: .name))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "token use", expected: "bearer, header or query")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .bearer:
            try container.encode("bearer", forKey: .kind)
        case .header(let name):
            try container.encode("header", forKey: .kind)
            try container.encode(name, forKey: .name)
        case .query(let name):
            try container.encode("query", forKey: .kind)
            try container.encode(name, forKey: .name)
        }
    }
}
