import Foundation

/// Structural checks of event, data source and action configs, and of a whole configuration.
///
/// Decoding already refuses what cannot be represented (an unknown type, a bad event name);
/// these rules catch configs that decode but cannot work. Issues carry no node id; `field` is a
/// path inside the config (e.g. `fieldGroups[0].parameters[1]`).
public enum ConfigValidator {
    /// The issues of an event config.
    public static func issues(of event: EventConfig) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !EventConfig.isValidName(event.name) {
            issues.append(.error(.invalidName, field: "name", "An event name has 1 to 30 letters, digits or underscores (\"\(event.name)\")."))
        }
        issues += fieldIssues(event.schema.fields, field: "schema")
        return issues
    }

    /// The issues of a data source config.
    public static func issues(of dataSource: DataSourceConfig) -> [ValidationIssue] {
        var issues = nameIssues(dataSource.name, what: "data source")
        let isProfileStoreName = dataSource.name == DataSourceConfig.experiencePlatformName
        switch dataSource.provider {
        case .experiencePlatform:
            if !isProfileStoreName || dataSource.fieldGroup(named: DataSourceConfig.profileFieldGroupName) == nil {
                issues.append(.error(
                    .invalidProvider, field: "provider",
                    "The profile store is named ExperiencePlatform and has the field group ProfileFieldGroup."))
            }
        case .rest(let baseURL, let authentication):
            if isProfileStoreName {
                issues.append(.error(.invalidProvider, field: "provider", "The name ExperiencePlatform is kept for the profile store."))
            }
            issues += urlIssues(baseURL, field: "baseURL") + authenticationIssues(authentication, field: "authentication")
        }
        var seen: Set<String> = []
        for (index, group) in dataSource.fieldGroups.enumerated() {
            let field = "fieldGroups[\(index)]"
            issues += nameIssues(group.name, what: "field group", field: field + ".name")
            if !seen.insert(group.name).inserted {
                issues.append(.error(.duplicateFieldGroup, field: field, "Two field groups are named \"\(group.name)\"."))
            }
            issues += fieldIssues(group.fields.fields, field: field + ".fields")
            issues += fieldIssues(group.parameters, field: field + ".parameters")
            if group.method == .get {
                for (parameterIndex, parameter) in group.parameters.enumerated() where parameter.type.hasFields {
                    issues.append(.error(
                        .invalidParameterType, field: "\(field).parameters[\(parameterIndex)]",
                        "\"\(parameter.name)\" is sent as a query parameter: it cannot be an object."))
                }
            }
            if let ttl = group.cacheTTL, ttl <= ISODuration(milliseconds: 0) {
                issues.append(.error(.durationNotPositive, field: field + ".cacheTTL", "The cache duration must be positive."))
            }
        }
        return issues
    }

    /// The issues of an action config.
    public static func issues(of action: ActionConfig) -> [ValidationIssue] {
        var issues = nameIssues(action.name, what: "action")
        switch action.definition {
        case .custom(let custom):
            issues += urlIssues(custom.url, field: "url") + authenticationIssues(custom.authentication, field: "authentication")
            issues += parameterIssues(custom.headers, field: "headers", singleValues: true)
            issues += parameterIssues(custom.queryParameters, field: "queryParameters", singleValues: true)
            issues += parameterIssues(custom.payload, field: "payload", singleValues: false)
            issues += fieldIssues(custom.responseFields.fields, field: "responseFields")
            if custom.method == .get && !custom.payload.isEmpty {
                issues.append(.error(.payloadNotAllowed, field: "payload", "A GET call sends no payload: use query parameters."))
            }
        case .message(let message):
            issues += parameterIssues(message.fields, field: "fields", singleValues: false)
        }
        return issues
    }

    /// The issues of every config of a configuration, and names used twice.
    ///
    /// Each issue's field starts with the config it concerns, e.g. `events[signup].schema[1]`.
    public static func issues(of configuration: Configuration) -> [ValidationIssue] {
        func scoped(_ issues: [ValidationIssue], _ prefix: String) -> [ValidationIssue] {
            issues.map { issue in
                var issue = issue
                issue.field = issue.field.map { "\(prefix).\($0)" } ?? prefix
                return issue
            }
        }
        var issues: [ValidationIssue] = []
        issues += duplicates(configuration.events.map(\.name), "events", "event name")
        issues += duplicates(configuration.events.map(\.id), "events", "event id")
        issues += duplicates(configuration.dataSources.map(\.name), "dataSources", "data source name")
        issues += duplicates(configuration.actions.map(\.name), "actions", "action name")
        issues += duplicates(configuration.journeys.map { "\($0.id) \($0.version)" }, "journeys", "journey version")
        for event in configuration.events { issues += scoped(Self.issues(of: event), "events[\(event.name)]") }
        for dataSource in configuration.dataSources { issues += scoped(Self.issues(of: dataSource), "dataSources[\(dataSource.name)]") }
        for action in configuration.actions { issues += scoped(Self.issues(of: action), "actions[\(action.name)]") }
        return issues
    }

    /// Whether `name` can follow `#{` or `@action{` in an expression: a letter or `_`, then letters, digits, `_`.
    public static func isValidReferenceName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    private static func nameIssues(_ name: String, what: String, field: String = "name") -> [ValidationIssue] {
        guard !isValidReferenceName(name) else { return [] }
        return [.error(.invalidName, field: field, "A \(what) name starts with a letter and has only letters, digits and underscores (\"\(name)\").")]
    }

    private static func urlIssues(_ text: String, field: String) -> [ValidationIssue] {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else {
            return [.error(.invalidURL, field: field, "\"\(text)\" is not an http or https URL.")]
        }
        return []
    }

    private static func authenticationIssues(_ authentication: Authentication, field: String) -> [ValidationIssue] {
        guard case .custom(let custom) = authentication else { return [] }
        var issues = urlIssues(custom.endpoint, field: field + ".endpoint")
        if case .duration(let duration) = custom.cache, duration <= ISODuration(milliseconds: 0) {
            issues.append(.error(.durationNotPositive, field: field + ".cacheDuration", "The token cache duration must be positive."))
        }
        return issues
    }

    private static func parameterIssues(_ parameters: [ActionParameter], field: String, singleValues: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: Set<String> = []
        for (index, parameter) in parameters.enumerated() {
            let location = "\(field)[\(index)]"
            issues += fieldNameIssues(parameter.name, seen: &seen, location: location)
            switch parameter.value {
            case .object(let children):
                if singleValues {
                    issues.append(.error(.invalidParameterType, field: location, "\"\(parameter.name)\" must be a single value, not an object."))
                }
                issues += parameterIssues(children, field: location + ".fields", singleValues: singleValues)
            case .variable(let type, _, let fields):
                if singleValues && (type.isList || type.hasFields) {
                    issues.append(.error(.invalidParameterType, field: location, "\"\(parameter.name)\" must be a single value, not a \(type.rawValue)."))
                }
                issues += fieldIssues(fields, field: location + ".fields")
            case .constant(let value):
                if singleValues, case .array = value {
                    issues.append(.error(.invalidParameterType, field: location, "\"\(parameter.name)\" must be a single value, not a list."))
                } else if singleValues, case .object = value {
                    issues.append(.error(.invalidParameterType, field: location, "\"\(parameter.name)\" must be a single value, not an object."))
                }
            }
        }
        return issues
    }

    private static func fieldIssues(_ fields: [SchemaField], field: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: Set<String> = []
        for (index, schemaField) in fields.enumerated() {
            let location = "\(field)[\(index)]"
            issues += fieldNameIssues(schemaField.name, seen: &seen, location: location)
            issues += fieldIssues(schemaField.fields, field: location + ".fields")
        }
        return issues
    }

    /// A field name must be given and unique among its siblings.
    private static func fieldNameIssues(_ name: String, seen: inout Set<String>, location: String) -> [ValidationIssue] {
        if name.isEmpty { return [.error(.invalidName, field: location, "A field needs a name.")] }
        if !seen.insert(name).inserted { return [.error(.duplicateField, field: location, "Two fields are named \"\(name)\".")] }
        return []
    }

    private static func duplicates(_ keys: [String], _ field: String, _ what: String) -> [ValidationIssue] {
        var seen: Set<String> = []
        var reported: Set<String> = []
        return keys.compactMap { key in
            guard !seen.insert(key).inserted, reported.insert(key).inserted else { return nil }
            return .error(.duplicateName, field: field, "Several configs have the \(what) \"\(key)\"; the first one is used.")
        }
    }
}
