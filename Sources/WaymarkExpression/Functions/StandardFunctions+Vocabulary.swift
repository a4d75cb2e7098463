/// The small vocabulary the catalogue files declare their overloads with.
extension StandardFunctions {
    /// The implementation of an overload.
    typealias Body = @Sendable ([Value], any FunctionEnvironment) throws(ExpressionError) -> Value
    /// A type rule: the result type for the argument types, `nil` when the overload does not apply.
    typealias TypeRule = @Sendable ([ValueType]) -> ValueType?

    /// What an overload does with null arguments.
    enum NullHandling {
        /// Any null argument makes the result null, without calling the body.
        case propagate
        /// The body receives nulls and decides.
        case handled
    }

    /// An overload with its function name, as the catalogue lists it.
    struct Entry: Sendable {
        var name: String
        var overload: FunctionOverload
    }

    /// An overload with fixed parameter types and a fixed result type.
    static func overload(
        _ name: String, _ parameters: [ValueType], returns result: ValueType,
        nulls: NullHandling = .propagate, constantArguments: Set<Int> = [], _ body: @escaping Body
    ) -> Entry {
        overload(name, parameters.map { FunctionParameter($0) }, returns: result, nulls: nulls,
                 constantArguments: constantArguments, body)
    }

    /// An overload whose parameters may each accept several types.
    static func overload(
        _ name: String, _ parameters: [FunctionParameter], returns result: ValueType,
        nulls: NullHandling = .propagate, constantArguments: Set<Int> = [], _ body: @escaping Body
    ) -> Entry {
        let signature = "\(name)(\(parameters.map(\.displayName).joined(separator: ", "))) → \(result.name)"
        return generic(name, signature: signature, nulls: nulls, constantArguments: constantArguments, rule: { types in
            guard types.count == parameters.count else { return nil }
            for (type, parameter) in zip(types, parameters) where !parameter.accepts(type) { return nil }
            return result
        }, body)
    }

    /// An overload whose result type depends on its argument types (`sum`, `distinct`, …).
    static func generic(
        _ name: String, signature: String, nulls: NullHandling = .propagate,
        constantArguments: Set<Int> = [], rule: @escaping TypeRule, _ body: @escaping Body
    ) -> Entry {
        let implementation: Body
        switch nulls {
        case .propagate:
            implementation = { arguments, environment throws(ExpressionError) in
                for argument in arguments { if case .null = argument { return .null } }
                do throws(ExpressionError) { return try body(arguments, environment) } catch { throw error.inFunction(name) }
            }
        case .handled:
            implementation = { arguments, environment throws(ExpressionError) in
                do throws(ExpressionError) { return try body(arguments, environment) } catch { throw error.inFunction(name) }
            }
        }
        return Entry(name: name, overload: FunctionOverload(
            signature: signature, constantArguments: constantArguments, resultType: rule, implementation: implementation))
    }

    /// Groups entries by name, keeping their order.
    static func catalogue(_ entries: [Entry]) -> [String: [FunctionOverload]] {
        Dictionary(grouping: entries, by: \.name).mapValues { $0.map(\.overload) }
    }

    // MARK: Type-rule helpers

    /// The list type of an argument: itself for a list, `listAny` for `any` / `null`, else `nil`.
    static func listType(_ type: ValueType) -> ValueType? {
        switch type {
        case .list: type
        case .any, .null: .list(.any)
        default: nil
        }
    }

    /// The element type of a list argument, `nil` when it is not a list.
    static func elementType(_ type: ValueType) -> ValueType? {
        listType(type)?.listElement
    }

    /// Whether a type fits a parameter of the given types.
    static func fits(_ type: ValueType, _ accepted: ValueType...) -> Bool {
        FunctionParameter(accepting: accepted).accepts(type)
    }
}

extension ExpressionError {
    /// This error with the function's name in front of its message.
    func inFunction(_ name: String) -> ExpressionError {
        var error = self
        error.message = "\(name): \(message)"
        return error
    }
}
