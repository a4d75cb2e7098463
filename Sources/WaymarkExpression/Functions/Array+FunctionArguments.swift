/// Typed access to the evaluated arguments of a library function.
///
/// Each accessor throws an `ERR_EXPR_RUNTIME_TYPE` error naming the argument when the run-time
/// value is of another kind (possible when the static type was `any`).
extension Array where Element == Value {
    /// The argument at `index`, or null when there is none.
    @inline(__always)
    func argument(_ index: Int) -> Value { index < count ? self[index] : .null }

    func string(_ index: Int) throws(ExpressionError) -> String {
        if case .string(let string) = argument(index) { return string }
        throw mismatch(index, "a string")
    }

    func integer(_ index: Int) throws(ExpressionError) -> Int64 {
        if case .integer(let integer) = argument(index) { return integer }
        throw mismatch(index, "an integer")
    }

    /// An integer or a decimal, as a decimal.
    func number(_ index: Int) throws(ExpressionError) -> Double {
        switch argument(index) {
        case .integer(let integer): return Double(integer)
        case .decimal(let decimal): return decimal
        default: throw mismatch(index, "a number")
        }
    }

    func boolean(_ index: Int) throws(ExpressionError) -> Bool {
        if case .boolean(let boolean) = argument(index) { return boolean }
        throw mismatch(index, "a boolean")
    }

    func list(_ index: Int) throws(ExpressionError) -> [Value] {
        if case .list(let list) = argument(index) { return list }
        throw mismatch(index, "a list")
    }

    /// A list, or an empty list for null.
    func listOrEmpty(_ index: Int) throws(ExpressionError) -> [Value] {
        argument(index) == .null ? [] : try list(index)
    }

    func dateTime(_ index: Int) throws(ExpressionError) -> ZonedDateTime {
        if case .dateTime(let dateTime) = argument(index) { return dateTime }
        throw mismatch(index, "a dateTime")
    }

    /// A zone id argument, resolved.
    /// - Throws: `ERR_EXPR_INVALID_ARGUMENT` for an unknown zone id.
    func zone(_ index: Int) throws(ExpressionError) -> Zone {
        let identifier = try string(index)
        guard let zone = Zone(identifier: identifier) else {
            throw RuntimeFailure.invalidArgument("\"\(identifier)\" is not a known time zone id (e.g. Europe/Paris, UTC, +01:00)")
        }
        return zone
    }

    /// The error for an argument of the wrong run-time kind.
    func mismatch(_ index: Int, _ expected: String) -> ExpressionError {
        RuntimeFailure.type("argument \(index + 1) must be \(expected), not \(ValueType.dynamicType(of: argument(index)).name)")
    }
}
