extension JSONValue {
    /// What kind of JSON value this is, with an article: `a string`, `an object`, `a list`, …
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a decimal"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// The value as an error message shows it: scalars as written (long strings cut), containers by kind.
    package var briefDescription: String {
        switch self {
        case .null, .bool, .int, .double: serialized()
        case .string(let text):
            text.count <= 40 ? JSONValue.string(text).serialized() : JSONValue.string(String(text.prefix(40)) + "…").serialized()
        case .array, .object: kindDescription
        }
    }
}

extension Optional where Wrapped == JSONValue {
    /// `nothing` for a missing value, else the value's brief description.
    package var briefDescription: String {
        switch self {
        case nil: "nothing"
        case let value?: value.briefDescription
        }
    }
}
