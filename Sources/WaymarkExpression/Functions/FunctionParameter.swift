/// One parameter of a library overload: the static types it accepts.
///
/// Matching is lenient where the run time can decide: an `any` or `null` argument fits every
/// parameter, an integer fits a decimal parameter, any object fits `object`, and a list fits a
/// list parameter when its elements fit (`listAny` fits every list parameter).
struct FunctionParameter: Sendable {
    /// The accepted types (alternatives).
    var accepted: [ValueType]

    init(_ accepted: ValueType...) { self.accepted = accepted }

    init(accepting accepted: [ValueType]) { self.accepted = accepted }

    /// Whether an argument of this static type fits.
    func accepts(_ argument: ValueType) -> Bool {
        accepted.contains { Self.fits(argument, $0) }
    }

    /// Whether an argument type fits a parameter type.
    static func fits(_ argument: ValueType, _ parameter: ValueType) -> Bool {
        switch (argument, parameter) {
        case (.any, _), (.null, _), (_, .any): true
        case (.integer, .decimal): true
        case (.object, .object(nil)): true
        case (.list(let element), .list(let parameterElement)):
            element == .any || element == .null || fits(element, parameterElement)
        default: argument == parameter
        }
    }

    /// How the parameter reads in a signature: `string`, `decimal|boolean`, `list`.
    var displayName: String {
        accepted.map { $0 == .list(.any) ? "list" : $0.name }.joined(separator: "|")
    }
}
