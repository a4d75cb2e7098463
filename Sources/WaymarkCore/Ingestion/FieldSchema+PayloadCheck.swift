extension FieldSchema {
    /// At most this many problems are reported for one event.
    public static let maximumReportedProblems = 20

    /// Checks an event payload against this schema and types it (see `PayloadCheck`).
    ///
    /// Rules: a required field must be present and not null; an optional field may be null or
    /// absent; integers fit decimal fields, integral decimals fit integer fields; `dateOnly`,
    /// `dateTimeOnly`, `dateTime` (with an offset or zone) and `duration` fields are ISO-8601
    /// strings; list elements must all have the element type; fields the schema does not
    /// declare are kept as they are. Paths are written `items[2].price`, after `pathPrefix`.
    /// - Parameters:
    ///   - keeping: when given, the typed payload holds only these top-level fields (what an
    ///     expression reads); the whole payload is checked all the same.
    ///   - validating: when `false`, nothing is checked: the kept fields are only typed (what a
    ///     condition reads, before the event is known to match).
    public func check(
        eventPayload payload: JSONValue, pathPrefix: String = "", keeping: Set<String>? = nil, validating: Bool = true
    ) -> PayloadCheck {
        var problems: [IngestionError] = []
        let value = typedObject(
            payload, path: pathPrefix, standardFields: true, keeping: keeping, validating: validating, problems: &problems)
        return PayloadCheck(value: value, problems: validating ? Array(problems.prefix(Self.maximumReportedProblems)) : [])
    }

    /// The standard ExperienceEvent fields as typed when the schema does not declare them.
    private static let standardFieldTypes = Dictionary(
        uniqueKeysWithValues: EventConfig.standardFields.map { ($0.name, $0.type) })

    /// `path` is only built when a problem is reported (most events have none).
    fileprivate func typedObject(
        _ json: JSONValue, path: @autoclosure () -> String, standardFields: Bool, keeping: Set<String>? = nil, validating: Bool = true,
        problems: inout [IngestionError]
    ) -> Value {
        guard case .object(let object) = json else { return Value(json: json) }
        var typed: [(String, Value)] = []
        typed.reserveCapacity(keeping?.count ?? object.count)
        for name in object.keys {
            let kept = keeping?.contains(name) ?? true
            let value = object[name]!
            if let field = fields.first(where: { $0.name == name }) {
                guard kept || validating else { continue }
                let value = field.typed(value, path: path() + name, problems: &problems)
                if kept { typed.append((name, value)) }
            } else if !kept {
                continue
            } else if standardFields, let type = Self.standardFieldTypes[name] {
                typed.append((name, SchemaField(name: name, type: type).typed(value, path: path() + name, problems: &problems)))
            } else {
                typed.append((name, Value(json: value)))
            }
        }
        for field in fields where validating && field.required && (object[field.name] ?? .null) == .null {
            let state = object[field.name] == nil ? "missing" : "null"
            problems.append(IngestionError(
                .missingField, "a required field (\(field.type.phrase)) is \(state)", fieldPath: path() + field.name))
        }
        return .object(ObjectValue(typed))
    }
}

extension SchemaField {
    /// `json` typed as this field; a value that does not fit stays as it is and adds a problem.
    fileprivate func typed(_ json: JSONValue, path: @autoclosure () -> String, problems: inout [IngestionError]) -> Value {
        if json == .null { return .null }
        if type.hasFields || type.isList {
            return typedContainer(json, path: path(), problems: &problems)
        }
        if let value = type.scalar(json) { return value }
        problems.append(IngestionError(
            .fieldType, "expected \(type.phrase), found \(json.briefDescription)", fieldPath: path()))
        return Value(json: json)
    }

    private func typedContainer(_ json: JSONValue, path: String, problems: inout [IngestionError]) -> Value {
        switch (type, json) {
        case (.object, .object):
            return FieldSchema(fields).typedObject(json, path: path + ".", standardFields: false, problems: &problems)
        case (_, .array(let elements)) where type.isList:
            var typed: [Value] = []
            typed.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                let elementPath = "\(path)[\(index)]"
                if type == .listObject {
                    guard case .object = element else {
                        problems.append(IngestionError(
                            .fieldType, "expected an object, found \(element.briefDescription)", fieldPath: elementPath))
                        typed.append(Value(json: element))
                        continue
                    }
                    typed.append(FieldSchema(fields).typedObject(
                        element, path: elementPath + ".", standardFields: false, problems: &problems))
                } else if let elementType = type.elementType, let value = elementType.scalar(element) {
                    typed.append(value)
                } else {
                    let phrase = type.elementType?.phrase ?? "a value"
                    problems.append(IngestionError(
                        .fieldType, "expected \(phrase), found \(element.briefDescription)", fieldPath: elementPath))
                    typed.append(Value(json: element))
                }
            }
            return .list(typed)
        default:
            problems.append(IngestionError(
                .fieldType, "expected \(type.phrase), found \(json.briefDescription)", fieldPath: path))
            return Value(json: json)
        }
    }
}

extension FieldType {
    /// The type of a list's elements, `nil` for `listObject` and non-list types.
    fileprivate var elementType: FieldType? {
        switch self {
        case .listString: .string
        case .listInteger: .integer
        case .listDecimal: .decimal
        case .listBoolean: .boolean
        case .listDateOnly: .dateOnly
        case .listDateTimeOnly: .dateTimeOnly
        case .listDateTime: .dateTime
        case .listDuration: .duration
        default: nil
        }
    }

    /// `json` as a value of this scalar type, `nil` when it does not fit.
    fileprivate func scalar(_ json: JSONValue) -> Value? {
        switch (self, json) {
        case (.string, .string(let text)): return .string(text)
        case (.integer, .int(let int)): return .integer(int)
        case (.integer, .double(let double)):
            return Int64(exactly: double).map(Value.integer)
        case (.decimal, .int(let int)): return .decimal(Double(int))
        case (.decimal, .double(let double)): return .decimal(double)
        case (.boolean, .bool(let bool)): return .boolean(bool)
        case (.dateOnly, .string(let text)): return LocalDate(iso8601: text).map(Value.dateOnly)
        case (.dateTimeOnly, .string(let text)): return LocalDateTime(iso8601: text).map(Value.dateTimeOnly)
        case (.dateTime, .string(let text)): return ZonedDateTime(iso8601: text).map(Value.dateTime)
        case (.duration, .string(let text)): return TimeSpan(iso8601: text).map(Value.duration)
        default: return nil
        }
    }

    /// The type as an error message names what was expected: `a decimal`, `an ISO-8601 date`, …
    package var phrase: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .boolean: "true or false"
        case .dateOnly: "an ISO-8601 date (YYYY-MM-DD)"
        case .dateTimeOnly: "an ISO-8601 local date-time (YYYY-MM-DDTHH:MM:SS)"
        case .dateTime: "an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z)"
        case .duration: "an ISO-8601 duration (e.g. PT1H30M)"
        case .object: "an object"
        case .listObject: "a list of objects"
        case .listString: "a list of strings"
        case .listInteger: "a list of integers"
        case .listDecimal: "a list of decimals"
        case .listBoolean: "a list of booleans"
        case .listDateOnly: "a list of ISO-8601 dates"
        case .listDateTimeOnly: "a list of ISO-8601 local date-times"
        case .listDateTime: "a list of ISO-8601 date-times"
        case .listDuration: "a list of ISO-8601 durations"
        }
    }
}
