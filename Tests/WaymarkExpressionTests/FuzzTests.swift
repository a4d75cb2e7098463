import Testing
@testable import WaymarkExpression

/// A small deterministic generator (SplitMix64), so that a failing input can be reproduced.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct FuzzTests {
    private static let corpus = [
        "@{MyEvent.identityMap.entry('Email').first().id}",
        "#{Weather.data.rain.'3h'} * 2",
        "\"abc\" + 1234",
        "@{E.a} > 10 and startWith(@{E.b}, \"x\")",
        "if (@{MyEvent.vip}) then (@{MyEvent.amount}) else (-1)",
        "@{MyEvent.items.all(currentEventField.price > 10).first().sku}",
        "#{ExperiencePlatform.ProfileFieldGroup.loyalty.points, params: {id: @{MyEvent.name}}, defaultValue: 0}",
        "@action{SendOffer.rows.last(currentActionField.ok).id} == 2 or @action{Ping.jo_status_code} != 'http_500'",
        "not (@{MyEvent.codes} has null) and @{MyEvent.nothing} is null",
        "[1, 2, 3].at(1) % 2 + 7 / (3 - 3)",
        "@journey{lastDataFetchElapsedTime} >= 10 and @journey{profileId} == 'p-1'",
        "@{MyEvent.identityMap.keys()}.first(currentEventField == 'ECID')",
        "twice(@{E.a}) - -9223372036854775808",
        "tag('x') + @{MyEvent.price, defaultValue: 1.5}",
    ]

    private static let fragments = [
        "@{", "@event{", "#{", "@action{", "@journey{", "}", "{", "(", ")", "[", "]", ",", ".", ":", "'", "\"", "\\",
        "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "is", "null", "has", "if",
        "then", "else", "true", "false", "numeric", "E", "a", "b", "MyEvent", "items", "Weather", "data", "rain",
        "'3h'", "first", "all", "at", "entry", "keys", "currentEventField", "defaultValue", "params", "0", "1",
        "9223372036854775807", "9223372036854775808", "1.5", " ", "\n", "é", "😀", "\u{0}", "twice", "boom",
    ]

    /// Compiles and evaluates; any outcome but a crash is fine, and errors must point inside the source.
    private func exercise(_ source: String, _ context: JSONExpressionContext) {
        let length = source.unicodeScalars.count
        do {
            let compiled = try Expression.compile(source, schema: context, library: testLibrary)
            _ = try compiled.evaluate(in: context)
        } catch {
            #expect(!error.message.isEmpty, "\(source)")
            guard let position = error.position else {
                Issue.record("no position for \(error) in \(source)")
                return
            }
            #expect(position.offset >= 0 && position.offset <= length, "\(source)")
            #expect(position.line >= 1 && position.column >= 1, "\(source)")
        }
    }

    @Test func randomFragmentSequences() throws {
        let context = try sampleContext()
        var random = SeededGenerator(state: 1)
        for _ in 0..<4_000 {
            let count = Int.random(in: 1...14, using: &random)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? "" : " ")
            exercise(source, context)
        }
    }

    @Test func randomScalars() throws {
        let context = try sampleContext()
        var random = SeededGenerator(state: 2)
        let alphabet = Array("@#{}()[]'\"\\.,:+-*/%=!<> abcEtrueisnot019\n\té😀".unicodeScalars)
        for _ in 0..<3_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...30, using: &random) { view.append(alphabet.randomElement(using: &random)!) }
            exercise(String(view), context)
        }
    }

    @Test func mutationsOfValidExpressions() throws {
        let context = try sampleContext()
        for source in Self.corpus {
            do {
                _ = try Expression.compile(source, schema: context, library: testLibrary)
            } catch {
                Issue.record("corpus entry does not compile: \(source): \(error)")
            }
        }
        var random = SeededGenerator(state: 3)
        for _ in 0..<5_000 {
            var scalars = Array(Self.corpus.randomElement(using: &random)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0...scalars.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where at < scalars.count:
                    scalars.removeSubrange(at..<min(scalars.count, at + Int.random(in: 1...4, using: &random)))
                case 1:
                    scalars.insert(contentsOf: Self.fragments.randomElement(using: &random)!.unicodeScalars, at: at)
                case 2 where at < scalars.count:
                    scalars[at] = Self.fragments.randomElement(using: &random)!.unicodeScalars.first ?? " "
                default:
                    let end = min(scalars.count, at + Int.random(in: 1...12, using: &random))
                    scalars.insert(contentsOf: scalars[at..<end], at: at)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            exercise(String(view), context)
        }
    }

    @Test func deeplyNestedGeneratedInputsDoNotOverflowTheStack() throws {
        let context = try sampleContext()
        let shapes: [(String, String)] = [
            ("(", ")"), ("[", "]"), ("not ", ""), ("-", ""), ("twice(", ")"), ("if (true) then (", ") else (1)"),
            ("@{MyEvent.items.first(", ")}"), ("#{Weather.data.city, params: {p: ", "}}"),
            ("@{MyEvent.amount, defaultValue: ", "}"),
        ]
        for (open, close) in shapes {
            for depth in [50, 127, 129, 1_000, 20_000] {
                let source = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                exercise(source, context)
            }
        }
        exercise(Array(repeating: "1", count: 20_000).joined(separator: "+"), context)
        exercise(String(repeating: "@{MyEvent.items}" + String(repeating: ".first()", count: 3), count: 2), context)
    }
}
