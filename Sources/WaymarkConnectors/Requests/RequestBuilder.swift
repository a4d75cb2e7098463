import WaymarkCore

/// Builds the HTTP requests of custom actions and data source field groups. Pure: no I/O, no
/// authentication (that is added per attempt).
enum RequestBuilder {
    /// The request of a custom action.
    ///
    /// URL: the action's URL (or, with `actionsTo`, that base URL followed by the action URL's
    /// path and query) joined with the request's dynamic path by exactly one `/`; query items:
    /// the config's constants then the request's evaluated query (which wins on a name clash);
    /// headers: constants, then the request's headers, then `Accept`, `Content-Type` (when there is
    /// a body) and `Idempotency-Key: <request.id>`; body: the JSON payload for `POST` and `PUT`.
    static func action(_ action: CustomAction, for request: ExternalCallRequest, actionsTo: String? = nil) -> HTTPRequestSpec {
        var spec = actionTarget(action, for: request, actionsTo: actionsTo)
        spec.headers = merged(constants(of: action.headers), request.headers)
        spec.setHeader("Accept", "application/json")
        if action.method != .get {
            let payload = request.payload == .null ? JSONValue.object(OrderedFields()) : request.payload
            spec.body = payload.serializedBytes()
            spec.setHeader("Content-Type", "application/json")
        }
        spec.setHeader("Idempotency-Key", request.id)
        return spec
    }

    /// Where a custom action's call goes: its method, URL and query items (no headers, no body) —
    /// what the endpoint rules look at.
    static func actionTarget(_ action: CustomAction, for request: ExternalCallRequest, actionsTo: String? = nil) -> HTTPRequestSpec {
        var url = actionsTo.map { redirected(action.url, to: $0) } ?? action.url
        if let dynamicPath = request.dynamicPath { url = URLText.joiningPath(url, dynamicPath) }
        var spec = HTTPRequestSpec(method: action.method, url: url)
        spec.query = merged(constants(of: action.queryParameters), request.query)
        return spec
    }

    /// The request of a field group: `GET` with the parameters as query items (sorted by name), or
    /// `POST` with them as a JSON object; URL = the data source's base URL joined with the group's path.
    static func fieldGroup(_ group: FieldGroup, baseURL: String, parameters: [String: JSONValue]) -> HTTPRequestSpec {
        var spec = fieldGroupTarget(group, baseURL: baseURL, parameters: parameters)
        spec.setHeader("Accept", "application/json")
        if group.method != .get {
            let sorted = parameters.sorted { $0.key < $1.key }
            spec.body = JSONValue.object(OrderedFields(sorted.map { ($0.key, $0.value) })).serializedBytes()
            spec.setHeader("Content-Type", "application/json")
        }
        return spec
    }

    /// Where a field group's call goes: its method, URL and (for `GET`) query items.
    static func fieldGroupTarget(_ group: FieldGroup, baseURL: String, parameters: [String: JSONValue]) -> HTTPRequestSpec {
        var spec = HTTPRequestSpec(method: group.method, url: URLText.joiningPath(baseURL, group.path))
        if group.method == .get {
            spec.query = parameters.sorted { $0.key < $1.key }.map { NamedValue($0.key, text(of: $0.value)) }
        }
        return spec
    }

    /// `url` sent to `base` instead of its own scheme, host and port: `base` + path and query of `url`.
    static func redirected(_ url: String, to base: String) -> String {
        var head = Substring(base)
        while head.hasSuffix("/") { head.removeLast() }
        let rest = URLText.pathAndQuery(of: url)
        return rest.isEmpty || rest == "/" ? String(head) : String(head) + rest
    }

    /// The constant parameters of a header or query list, as text, in config order.
    private static func constants(of parameters: [ActionParameter]) -> [NamedValue] {
        parameters.compactMap { parameter in
            guard case .constant(let value) = parameter.value else { return nil }
            return NamedValue(parameter.name, text(of: value))
        }
    }

    /// `base` with the `overrides` (sorted by name) replacing same-named fields or appended.
    private static func merged(_ base: [NamedValue], _ overrides: [String: String]) -> [NamedValue] {
        guard !overrides.isEmpty else { return base }
        var fields = base.filter { overrides[$0.name] == nil }
        fields += overrides.sorted { $0.key < $1.key }.map { NamedValue($0.key, $0.value) }
        return fields
    }

    /// A JSON value as a header or query text: strings as they are, anything else as JSON.
    static func text(of value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return value.serialized()
    }
}
