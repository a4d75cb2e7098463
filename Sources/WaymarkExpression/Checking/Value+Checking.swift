extension Value {
    /// The type of a run-time value without looking into lists and objects.
    var shallowType: ValueType {
        switch self {
        case .null: .null
        case .string: .string
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .dateOnly: .dateOnly
        case .dateTimeOnly: .dateTimeOnly
        case .dateTime: .dateTime
        case .duration: .duration
        case .list: .list(.any)
        case .object: .object(nil)
        }
    }
}
