/// What the place that holds an expression needs it to produce.
public enum ExpectedType: Hashable, Sendable {
    /// Any type (action parameter mappings, default values).
    case any
    /// A condition: `boolean`.
    case boolean
    /// A custom wait: `dateTime` or `dateTimeOnly`.
    case dateTime
    /// Exactly this type (an `integer` is accepted where a `decimal` is expected).
    case type(ValueType)

    /// Whether a static result type fits; `any` always fits and is checked at run time.
    func accepts(_ type: ValueType) -> Bool {
        if type == .any || type == .null { return true }
        switch self {
        case .any: return true
        case .boolean: return type == .boolean
        case .dateTime: return type == .dateTime || type == .dateTimeOnly
        case .type(let expected):
            if case .list = expected, type == .list(.any) { return true }
            return ValueType.unify(expected, type) == expected
        }
    }

    /// Whether a run-time value fits (`null` always does).
    func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _), (_, .null): true
        case (.boolean, .boolean): true
        case (.dateTime, .dateTime), (.dateTime, .dateTimeOnly): true
        case (.type(.list), .list), (.type(.object), .object): true
        case (.type(let expected), _): ValueType.unify(expected, value.shallowType) == expected
        default: false
        }
    }

    /// How the expectation reads in an error message.
    var phrase: String {
        switch self {
        case .any: "a value"
        case .boolean: "true or false"
        case .dateTime: "a dateTime or a dateTimeOnly"
        case .type(let type): "\(type.article) \(type.name)"
        }
    }
}
