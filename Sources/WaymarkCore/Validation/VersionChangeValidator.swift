/// Rules on editing what live journeys use (§5): configs in use and new journey versions.
///
/// A config used by a draft or live journey may only be renamed, re-described or gain
/// optional fields. Credentials (the authentication of a data source or action) may change too,
/// so that secrets can be rotated, and so may the constants of an action and a message's
/// template, which journeys do not see. A new journey version keeps the entry, the namespace and
/// the re-entrance rule of the previous one.
public enum VersionChangeValidator {
    /// The issues of replacing an event config in use by `edited`.
    public static func issues(replacing original: EventConfig, with edited: EventConfig) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func compare<T: Equatable>(_ old: T, _ new: T, _ field: String, _ what: String) {
            if old != new { issues.append(changeNotAllowed(field, what, config: original.name)) }
        }
        compare(original.id, edited.id, "id", "id")
        compare(original.unitary, edited.unitary, "unitary", "event type")
        compare(original.eventIDType, edited.eventIDType, "eventIDType", "event ID type")
        compare(original.namespace, edited.namespace, "namespace", "namespace")
        compare(original.key, edited.key, "key", "profile key")
        return issues + schemaIssues(original.schema, edited.schema, field: "schema", config: original.name)
    }

    /// The issues of replacing a data source config in use by `edited`.
    public static func issues(replacing original: DataSourceConfig, with edited: DataSourceConfig) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        switch (original.provider, edited.provider) {
        case (.experiencePlatform, .experiencePlatform): break
        case (.rest(let oldURL, _), .rest(let newURL, _)) where oldURL == newURL: break
        default: issues.append(changeNotAllowed("baseURL", "provider or URL", config: original.name))
        }
        for (index, old) in original.fieldGroups.enumerated() {
            let field = "fieldGroups[\(index)]"
            guard index < edited.fieldGroups.count else {
                issues.append(.error(.fieldRemoved, field: field, "The field group \"\(old.name)\" of \"\(original.name)\" is in use and cannot be removed."))
                continue
            }
            let new = edited.fieldGroups[index]
            if (old.method, old.path, old.parameters) != (new.method, new.path, new.parameters) {
                issues.append(changeNotAllowed(field, "method, path or parameters of \"\(old.name)\"", config: original.name))
            }
            issues += schemaIssues(old.fields, new.fields, field: field + ".fields", config: original.name)
        }
        return issues
    }

    /// The issues of replacing an action config in use by `edited`.
    public static func issues(replacing original: ActionConfig, with edited: ActionConfig) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        switch (original.definition, edited.definition) {
        case (.custom(let old), .custom(let new)):
            if (old.url, old.dynamicPath, old.method) != (new.url, new.dynamicPath, new.method) {
                issues.append(changeNotAllowed("url", "URL or method", config: original.name))
            }
            issues += variableIssues(old.headers, new.headers, field: "headers", config: original.name)
            issues += variableIssues(old.queryParameters, new.queryParameters, field: "queryParameters", config: original.name)
            issues += variableIssues(old.payload, new.payload, field: "payload", config: original.name)
            issues += schemaIssues(old.responseFields, new.responseFields, field: "responseFields", config: original.name)
        case (.message(let old), .message(let new)):
            if old.channel != new.channel { issues.append(changeNotAllowed("channel", "channel", config: original.name)) }
            issues += variableIssues(old.fields, new.fields, field: "fields", config: original.name)
        default:
            issues.append(changeNotAllowed("type", "action type", config: original.name))
        }
        return issues
    }

    /// The issues of publishing `edited` as the next version of the live journey `previous`.
    public static func issues(newVersion edited: Journey, previous: Journey) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if edited.id != previous.id || edited.version <= previous.version {
            issues.append(.error(
                .versionOrder, field: "version",
                "A new version must belong to the same journey and be numbered after \(previous.version)."))
        }
        if entrySignature(edited.entryNode) != entrySignature(previous.entryNode) {
            issues.append(.error(
                .entryChanged, node: edited.entryNode?.id, "A new version must start the way the previous one does."))
        }
        if edited.namespace != previous.namespace {
            issues.append(.error(.namespaceChanged, field: "namespace", "A new version must keep the namespace \(previous.namespace)."))
        }
        if edited.properties.reentrance != previous.properties.reentrance {
            issues.append(.error(
                .reentranceChanged, field: "properties.reentrance", "A new version must keep the re-entrance rule of the previous one."))
        }
        return issues
    }

    /// The issues of saving `edited` over `original`, the same journey version.
    ///
    /// Drafts may change freely; a published version only takes a new name, description and
    /// node labels. The status may only move as `JourneyStatus.canChange(to:)` allows.
    public static func issues(editing original: Journey, to edited: Journey) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if edited.status != original.status, !original.status.canChange(to: edited.status) {
            issues.append(.error(
                .invalidStatusChange, field: "status",
                "A \(original.status.rawValue) journey cannot become \(edited.status.rawValue)."))
        }
        var unchangedStatus = edited
        unchangedStatus.status = original.status
        if !original.status.isEditable, unchangedStatus.withoutLabels != original.withoutLabels {
            issues.append(.error(
                .versionReadOnly,
                "This version is \(original.status.rawValue): only its name, description and labels can change. Create a new version instead."))
        }
        return issues
    }

    /// The kind of the entry node and what it listens to.
    private static func entrySignature(_ node: JourneyNode?) -> [String?] {
        switch node?.activity {
        case .event(let event)?: ["event", event.event]
        case .audienceQualification(let audience)?: ["audienceQualification", audience.audience, audience.behavior.rawValue]
        case .readAudience(let read)?: ["readAudience", read.audience]
        case let activity?: [activity.kind]
        case nil: []
        }
    }

    private static func changeNotAllowed(_ field: String, _ what: String, config: String) -> ValidationIssue {
        .error(
            .configChangeNotAllowed, field: field,
            "\"\(config)\" is used by a journey: its \(what) cannot change (only its name, description and new fields).")
    }

    private static func schemaIssues(_ old: FieldSchema, _ new: FieldSchema, field: String, config: String) -> [ValidationIssue] {
        old.incompatibilities(with: new).map { path, change in
            let location = "\(field).\(path)"
            switch change {
            case .removed:
                return .error(.fieldRemoved, field: location, "The field \"\(path)\" of \"\(config)\" is in use and cannot be removed.")
            case .typeChanged(let from, let to):
                return .error(.fieldTypeChanged, field: location, "The field \"\(path)\" of \"\(config)\" cannot change from \(from.rawValue) to \(to.rawValue).")
            case .becameRequired, .requiredAdded:
                return .error(.requiredFieldAdded, field: location, "The field \"\(path)\" of \"\(config)\" cannot become required while \"\(config)\" is in use.")
            case .identityChanged:
                return .error(.identityChanged, field: location, "The primary identity of \"\(config)\" cannot move while it is in use.")
            }
        }
    }

    /// Variables of an action in use: kept with their type; new ones optional.
    private static func variableIssues(_ old: [ActionParameter], _ new: [ActionParameter], field: String, config: String) -> [ValidationIssue] {
        func schema(_ parameters: [ActionParameter]) -> FieldSchema {
            FieldSchema(ActionParameter.variables(in: parameters).map {
                SchemaField(name: $0.path, type: $0.type, required: $0.required, fields: $0.fields)
            })
        }
        return schemaIssues(schema(old), schema(new), field: field, config: config)
    }
}
