/// Aggregation functions over a list or two values.
///
/// Nulls are ignored unless the name says `WithNull` / `OnlyNull`; a null list counts as empty.
/// `avg`, `max` and `min` of nothing are null, `sum` of nothing is 0. `max` / `min` order numbers,
/// durations, dateTimes, dateTimeOnlys and dateOnlys; a numeric result is a decimal when any
/// input is a decimal.
extension StandardFunctions {
    static var aggregationFunctions: [Entry] {
        [
            overload("avg", [.list(.decimal)], returns: .decimal, nulls: .handled) { args, _ throws(ExpressionError) in
                try average(try args.listOrEmpty(0))
            },
            overload("avg", [.decimal, .decimal], returns: .decimal, nulls: .handled) { args, _ throws(ExpressionError) in
                try average(args)
            },
            counter("count") { $0 != .null },
            counter("countOnlyNull") { $0 == .null },
            counter("countWithNull") { _ in true },
            overload("distinctCount", [.list(.any)], returns: .integer, nulls: .handled) { args, _ throws(ExpressionError) in
                .integer(Int64(distinctValues(try args.listOrEmpty(0), keepNull: false).count))
            },
            overload("distinctCountWithNull", [.list(.any)], returns: .integer, nulls: .handled) { args, _ throws(ExpressionError) in
                .integer(Int64(distinctValues(try args.listOrEmpty(0), keepNull: true).count))
            },
            extreme("max", pick: { $0 > 0 }),
            extreme("max", pick: { $0 > 0 }, pair: true),
            extreme("min", pick: { $0 < 0 }),
            extreme("min", pick: { $0 < 0 }, pair: true),
            generic("sum", signature: "sum(listInteger|listDecimal) → integer|decimal", nulls: .handled,
                    rule: { numericRule($0, count: 1) }) { args, _ throws(ExpressionError) in
                try total(try args.listOrEmpty(0))
            },
            generic("sum", signature: "sum(integer|decimal, integer|decimal) → integer|decimal", nulls: .handled,
                    rule: { numericRule($0, count: 2) }) { args, _ throws(ExpressionError) in
                try total(args)
            },
        ]
    }

    /// The kinds `max` and `min` order.
    static let extremeKinds: [ValueType] = [.integer, .decimal, .duration, .dateTime, .dateTimeOnly, .dateOnly]

    /// `name(list) → integer` counting the elements that pass `counts`.
    private static func counter(_ name: String, _ counts: @escaping @Sendable (Value) -> Bool) -> Entry {
        overload(name, [.list(.any)], returns: .integer, nulls: .handled) { args, _ throws(ExpressionError) in
            .integer(Int64(try args.listOrEmpty(0).count(where: counts)))
        }
    }

    /// `max` / `min` over a list (or over two values when `pair`).
    private static func extreme(_ name: String, pick: @escaping @Sendable (Int) -> Bool, pair: Bool = false) -> Entry {
        let kinds = extremeKinds.map(\.name).joined(separator: "|")
        let signature = pair ? "\(name)(\(kinds), \(kinds)) → same" : "\(name)(list of \(kinds)) → element"
        return generic(name, signature: signature, nulls: .handled, rule: { types in
            pair ? extremePairRule(types) : extremeListRule(types)
        }) { args, _ throws(ExpressionError) in
            let values = pair ? args : try args.listOrEmpty(0)
            var best: Value?
            var sawDecimal = false
            for value in values where value != .null {
                if case .decimal = value { sawDecimal = true }
                guard let current = best else { best = value; continue }
                guard let order = Value.compare(value, current), extremeKinds.contains(ValueType.dynamicType(of: value)) else {
                    throw RuntimeFailure.type("cannot compare \(ValueType.dynamicType(of: value).name) with \(ValueType.dynamicType(of: current).name)")
                }
                if pick(order) { best = value }
            }
            if sawDecimal, case .integer(let integer) = best { return .decimal(Double(integer)) }
            return best ?? .null
        }
    }

    private static func extremeListRule(_ types: [ValueType]) -> ValueType? {
        guard types.count == 1, let element = elementType(types[0]) else { return nil }
        return element == .any || element == .null ? .any : (extremeKinds.contains(element) ? element : nil)
    }

    private static func extremePairRule(_ types: [ValueType]) -> ValueType? {
        guard types.count == 2 else { return nil }
        let known = types.filter { $0 != .null && $0 != .any }
        guard known.allSatisfy(extremeKinds.contains) else { return nil }
        if known.count < 2 { return types.contains(.any) || known.isEmpty ? .any : known[0] }
        if known[0] == known[1] { return known[0] }
        return known[0].isNumeric && known[1].isNumeric ? .decimal : nil
    }

    /// The type rule of `sum`: integers stay integers, any decimal makes a decimal.
    private static func numericRule(_ types: [ValueType], count: Int) -> ValueType? {
        guard types.count == count else { return nil }
        let elements = count == 1 ? elementType(types[0]).map { [$0] } : types
        guard let elements, elements.allSatisfy({ fits($0, .decimal) }) else { return nil }
        if elements.contains(.decimal) { return .decimal }
        if elements.contains(.any) { return .any }
        return .integer
    }

    private static func average(_ values: [Value]) throws(ExpressionError) -> Value {
        var sum = 0.0, count = 0
        for value in values {
            switch value {
            case .null: continue
            case .integer(let integer): sum += Double(integer)
            case .decimal(let decimal): sum += decimal
            default: throw RuntimeFailure.type("cannot average \(ValueType.dynamicType(of: value).name) values")
            }
            count += 1
        }
        return count == 0 ? .null : .decimal(sum / Double(count))
    }

    /// The sum: an integer (overflow is an error) unless a decimal is among the values.
    private static func total(_ values: [Value]) throws(ExpressionError) -> Value {
        var integerSum: Int64 = 0, decimalSum = 0.0, sawDecimal = false
        for value in values {
            switch value {
            case .null: continue
            case .integer(let integer):
                let (sum, overflow) = integerSum.addingReportingOverflow(integer)
                if overflow && !sawDecimal { throw RuntimeFailure.overflow("the sum does not fit in a 64-bit integer") }
                integerSum = sum
                decimalSum += Double(integer)
            case .decimal(let decimal):
                sawDecimal = true
                decimalSum += decimal
            default: throw RuntimeFailure.type("cannot add \(ValueType.dynamicType(of: value).name) values")
            }
        }
        return sawDecimal ? .decimal(decimalSum) : .integer(integerSum)
    }

    /// The distinct values in first-seen order; integers and decimals of equal value are one.
    static func distinctValues(_ values: [Value], keepNull: Bool) -> [Value] {
        var seen = Set<Value>()
        var result: [Value] = []
        for value in values where keepNull || value != .null {
            if seen.insert(value.equalityKey).inserted { result.append(value) }
        }
        return result
    }
}

extension Value {
    /// A hashable stand-in under which values equal by `==` coincide (integral decimals become
    /// integers).
    var equalityKey: Value {
        if case .decimal(let decimal) = self, decimal == decimal.rounded(.towardZero),
           abs(decimal) < 9.2e18 { return .integer(Int64(decimal)) }
        return self
    }
}
