/// Typing and evaluation of `+ - * / %`.
extension BinaryOperator {
    /// The result type of an arithmetic operator, or `nil` when it does not apply.
    func arithmeticType(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        // A null operand takes the other's type (the result is null at run time).
        let lhs = lhs == .null ? rhs : lhs
        let rhs = rhs == .null ? lhs : rhs
        if lhs == .null { return .null }
        if self == .add, lhs == .string || rhs == .string { return .string }
        // An `any` operand may be a string at run time, which `+` concatenates with anything.
        if self == .add, lhs == .any || rhs == .any { return .any }
        if lhs.isNumeric, rhs.isNumeric { return lhs == .integer && rhs == .integer ? .integer : .decimal }
        if let temporal = temporalType(lhs, rhs) { return temporal }
        let arithmeticKinds: [ValueType] = self == .add || self == .subtract
            ? [.integer, .decimal, .string, .dateTime, .dateTimeOnly, .duration, .any]
            : [.integer, .decimal, .any]
        guard lhs == .any || rhs == .any, arithmeticKinds.contains(lhs), arithmeticKinds.contains(rhs) else { return nil }
        return .any
    }

    private func temporalType(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        switch (self, lhs, rhs) {
        case (.add, .dateTime, .duration), (.add, .duration, .dateTime), (.subtract, .dateTime, .duration): .dateTime
        case (.add, .dateTimeOnly, .duration), (.add, .duration, .dateTimeOnly), (.subtract, .dateTimeOnly, .duration): .dateTimeOnly
        case (.add, .duration, .duration), (.subtract, .duration, .duration): .duration
        case (.subtract, .dateTime, .dateTime), (.subtract, .dateTimeOnly, .dateTimeOnly): .duration
        default: nil
        }
    }

    /// Applies an arithmetic operator to two non-null values.
    func applyArithmetic(_ lhs: Value, _ rhs: Value) throws(ExpressionError) -> Value {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return .integer(try integerResult(a, b))
        case (.integer(let a), .decimal(let b)): return .decimal(decimalResult(Double(a), b))
        case (.decimal(let a), .integer(let b)): return .decimal(decimalResult(a, Double(b)))
        case (.decimal(let a), .decimal(let b)): return .decimal(decimalResult(a, b))
        case (.string(let a), _) where self == .add: return .string(a + rhs.rendered)
        case (_, .string(let b)) where self == .add: return .string(lhs.rendered + b)
        default: return try applyTemporal(lhs, rhs)
        }
    }

    private func integerResult(_ a: Int64, _ b: Int64) throws(ExpressionError) -> Int64 {
        let (value, overflow): (Int64, Bool)
        switch self {
        case .add: (value, overflow) = a.addingReportingOverflow(b)
        case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide: (value, overflow) = b == 0 ? (0, false) : a.dividedReportingOverflow(by: b)
        default: (value, overflow) = b == 0 ? (0, false) : a.remainderReportingOverflow(dividingBy: b)
        }
        guard !overflow else {
            throw RuntimeFailure.overflow("\(a) \(rawValue) \(b) does not fit in a 64-bit integer")
        }
        return value
    }

    private func decimalResult(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: b == 0 ? 0 : a / b
        default: b == 0 ? 0 : a.truncatingRemainder(dividingBy: b)
        }
    }

    private func applyTemporal(_ lhs: Value, _ rhs: Value) throws(ExpressionError) -> Value {
        let overflow = RuntimeFailure.overflow("The date or duration computed with \(rawValue) is out of range")
        switch (self, lhs, rhs) {
        case (.add, .dateTime(let t), .duration(let d)), (.add, .duration(let d), .dateTime(let t)):
            guard let result = t.adding(milliseconds: d.milliseconds) else { throw overflow }
            return .dateTime(result)
        case (.subtract, .dateTime(let t), .duration(let d)):
            guard d.milliseconds != .min, let result = t.adding(milliseconds: -d.milliseconds) else { throw overflow }
            return .dateTime(result)
        case (.add, .dateTimeOnly(let t), .duration(let d)), (.add, .duration(let d), .dateTimeOnly(let t)):
            guard let result = t.adding(milliseconds: d.milliseconds) else { throw overflow }
            return .dateTimeOnly(result)
        case (.subtract, .dateTimeOnly(let t), .duration(let d)):
            guard d.milliseconds != .min, let result = t.adding(milliseconds: -d.milliseconds) else { throw overflow }
            return .dateTimeOnly(result)
        case (.add, .duration(let a), .duration(let b)), (.subtract, .duration(let a), .duration(let b)):
            return .duration(TimeSpan(milliseconds: try integerResult(a.milliseconds, b.milliseconds)))
        case (.subtract, .dateTime(let a), .dateTime(let b)):
            return .duration(TimeSpan(milliseconds: try integerResult(a.epochMilliseconds, b.epochMilliseconds)))
        case (.subtract, .dateTimeOnly(let a), .dateTimeOnly(let b)):
            return .duration(TimeSpan(milliseconds: try integerResult(a.millisecondsSinceLocalEpoch, b.millisecondsSinceLocalEpoch)))
        default:
            throw RuntimeFailure.operands(rawValue, lhs, rhs)
        }
    }
}
