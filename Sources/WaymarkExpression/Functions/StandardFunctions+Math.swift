/// Math, identity and audience functions.
extension StandardFunctions {
    static var mathFunctions: [Entry] {
        [
            overload("random", [ValueType](), returns: .decimal) { _, environment in .decimal(environment.randomUnit()) },
            // Like Java's Math.round: ties go toward +∞, NaN gives 0, and values beyond the
            // integer range are clamped to it.
            overload("round", [.decimal], returns: .integer) { args, _ throws(ExpressionError) in
                if case .integer(let integer) = args.argument(0) { return .integer(integer) }
                return .integer(roundHalfUp(try args.number(0)))
            },
        ]
    }

    static var audienceFunctions: [Entry] {
        ["inAudience", "inSegment"].map { name in
            overload(name, [.string], returns: .boolean, constantArguments: [0]) { args, environment throws(ExpressionError) in
                .boolean(environment.isInAudience(try args.string(0)))
            }
        }
    }

    /// Rounds half up (toward +∞) to an integer, as Java's `Math.round`.
    static func roundHalfUp(_ value: Double) -> Int64 {
        guard !value.isNaN else { return 0 }
        let floor = value.rounded(.down)
        // `value - floor` is exact, unlike `value + 0.5`, which rounds 0.49999999999999994 up.
        let result = value - floor >= 0.5 ? floor + 1 : floor
        if result >= 9_223_372_036_854_775_807.0 { return .max }
        if result <= -9_223_372_036_854_775_808.0 { return .min }
        return Int64(result)
    }
}
