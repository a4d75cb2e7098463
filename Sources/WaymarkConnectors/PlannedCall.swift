import WaymarkCore

/// One HTTP call an external call request needs: the request to send, its authentication, and
/// for a cacheable field group where its answer is cached and for how long.
struct PlannedCall: Sendable {
    /// The request, without authentication.
    var spec: HTTPRequestSpec
    /// How it authenticates (added per attempt).
    var authentication: Authentication
    /// The cache entry of a field group's answer, when the group has a `cacheTTL`.
    var cacheKey: ResponseCache.Key?
    /// How long the answer is cached, milliseconds.
    var cacheTTL: Int64?

    /// The calls of `request`: one for a custom action, one per field group for a fetch.
    /// - Throws: `CallFailure` when the configuration lacks the action, data source or field
    ///   group, or they cannot be called over HTTP.
    static func calls(of request: ExternalCallRequest, configuration: Configuration, actionsTo: String?)
        throws(CallFailure) -> [PlannedCall]
    {
        switch request.kind {
        case .action:
            let custom = try customAction(of: request, configuration: configuration)
            let spec = RequestBuilder.action(custom, for: request, actionsTo: actionsTo)
            return [PlannedCall(spec: spec, authentication: custom.authentication)]
        case .fetch:
            return try request.fetches.map { (fetch) throws(CallFailure) in try call(of: fetch, configuration: configuration) }
        }
    }

    /// Where the request's calls go (method, URL, query), without building headers or bodies.
    static func targets(of request: ExternalCallRequest, configuration: Configuration, actionsTo: String?)
        throws(CallFailure) -> [HTTPRequestSpec]
    {
        switch request.kind {
        case .action:
            return [RequestBuilder.actionTarget(try customAction(of: request, configuration: configuration), for: request, actionsTo: actionsTo)]
        case .fetch:
            return try request.fetches.map { (fetch) throws(CallFailure) in
                let (group, baseURL, _) = try restGroup(of: fetch, configuration: configuration)
                return RequestBuilder.fieldGroupTarget(group, baseURL: baseURL, parameters: fetch.parameters)
            }
        }
    }

    /// `scheme://host:port` the request's (first) call goes to, without building the request.
    static func origin(of request: ExternalCallRequest, configuration: Configuration, actionsTo: String?) -> String? {
        let url: String
        switch request.kind {
        case .action:
            guard let custom = try? customAction(of: request, configuration: configuration) else { return nil }
            url = actionsTo ?? custom.url
        case .fetch:
            guard let fetch = request.fetches.first,
                case .rest(let baseURL, _)? = configuration.dataSource(named: fetch.dataSource)?.provider
            else { return nil }
            url = baseURL
        }
        return URLText.origin(of: url) ?? url
    }

    /// The custom action a request runs.
    static func customAction(of request: ExternalCallRequest, configuration: Configuration) throws(CallFailure) -> CustomAction {
        let name = request.actionName ?? ""
        guard let action = configuration.action(named: name) else {
            throw CallFailure.configuration("unknownAction", "no action is named \"\(name)\"")
        }
        guard case .custom(let custom) = action.definition else {
            throw CallFailure.configuration("unsupportedAction", "\"\(name)\" is a message action, not an HTTP call")
        }
        return custom
    }

    /// The call of one field group of a REST data source.
    private static func call(of fetch: DataFetch, configuration: Configuration) throws(CallFailure) -> PlannedCall {
        let (group, baseURL, authentication) = try restGroup(of: fetch, configuration: configuration)
        let spec = RequestBuilder.fieldGroup(group, baseURL: baseURL, parameters: fetch.parameters)
        let key = group.cacheTTL.map { _ in
            ResponseCache.Key(dataSource: fetch.dataSource, fieldGroup: fetch.fieldGroup, parameters: fetch.parameters)
        }
        return PlannedCall(spec: spec, authentication: authentication, cacheKey: key, cacheTTL: group.cacheTTL?.milliseconds)
    }

    /// The field group of a fetch, with its REST data source's base URL and authentication.
    private static func restGroup(of fetch: DataFetch, configuration: Configuration) throws(CallFailure)
        -> (group: FieldGroup, baseURL: String, authentication: Authentication)
    {
        guard let source = configuration.dataSource(named: fetch.dataSource),
            let group = source.fieldGroup(named: fetch.fieldGroup)
        else {
            throw CallFailure.configuration("unknownFieldGroup", "no field group \(fetch.key)")
        }
        guard case .rest(let baseURL, let authentication) = source.provider else {
            throw CallFailure.configuration("unsupportedDataSource", "\(fetch.dataSource) is not a REST data source")
        }
        return (group, baseURL, authentication)
    }
}
