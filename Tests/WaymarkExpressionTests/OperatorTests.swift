import Testing
@testable import WaymarkExpression

@Suite struct OperatorTests {
    private let paris = ZonedDateTime(epochMilliseconds: 1_613_728_800_000, zone: .region("Europe/Paris"))
    private let local = LocalDateTime(date: LocalDate(year: 2021, month: 2, day: 19), millisecondOfDay: 36_000_000)

    @Test(arguments: [
        (BinaryOperator.add, Value.integer(2), Value.integer(3), Value.integer(5)),
        (.subtract, .integer(2), .integer(3), .integer(-1)),
        (.multiply, .integer(4), .integer(3), .integer(12)),
        (.divide, .integer(7), .integer(2), .integer(3)),
        (.divide, .integer(-7), .integer(2), .integer(-3)),
        (.remainder, .integer(-7), .integer(2), .integer(-1)),
        (.divide, .integer(7), .integer(0), .integer(0)),
        (.remainder, .integer(7), .integer(0), .integer(0)),
        (.divide, .decimal(7), .decimal(0), .decimal(0)),
        (.remainder, .decimal(7.5), .integer(2), .decimal(1.5)),
        (.add, .integer(1), .decimal(0.5), .decimal(1.5)),
        (.divide, .integer(7), .decimal(2), .decimal(3.5)),
        (.add, .string("abc"), .integer(1234), .string("abc1234")),
        (.add, .decimal(1.5), .string("x"), .string("1.5x")),
        (.add, .string("d="), .dateOnly(LocalDate(year: 2021, month: 2, day: 19)), .string("d=2021-02-19")),
        (.add, .string("t="), .boolean(true), .string("t=true")),
        (.add, .null, .integer(1), .null),
        (.add, .string("a"), .null, .null),
        (.multiply, .decimal(2), .null, .null),
    ])
    func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, _ expected: Value) throws {
        #expect(try op.apply(lhs, rhs) == expected)
    }

    @Test(arguments: [
        (BinaryOperator.add, Int64.max, Int64(1)),
        (.subtract, .min, 1),
        (.multiply, .max, 2),
        (.divide, .min, -1),
        (.remainder, .min, -1),
    ])
    func integerOverflowIsAnError(_ op: BinaryOperator, _ lhs: Int64, _ rhs: Int64) {
        #expect { try op.apply(.integer(lhs), .integer(rhs)) } throws: { error in
            (error as? ExpressionError)?.code.rawValue == "ERR_EXPR_OVERFLOW"
        }
    }

    @Test func dateArithmetic() throws {
        let hour = Value.duration(TimeSpan(milliseconds: 3_600_000))
        let later = try BinaryOperator.add.apply(.dateTime(paris), hour)
        #expect(later.rendered == "2021-02-19T12:00:00+01:00")
        #expect(try BinaryOperator.add.apply(hour, .dateTime(paris)) == later)
        #expect(try BinaryOperator.subtract.apply(.dateTime(paris), hour).rendered == "2021-02-19T10:00:00+01:00")
        #expect(try BinaryOperator.add.apply(.dateTimeOnly(local), hour).rendered == "2021-02-19T11:00:00")
        #expect(try BinaryOperator.subtract.apply(.dateTimeOnly(local), hour).rendered == "2021-02-19T09:00:00")
        #expect(try BinaryOperator.add.apply(hour, hour) == .duration(TimeSpan(milliseconds: 7_200_000)))
        #expect(try BinaryOperator.subtract.apply(later, .dateTime(paris)) == hour)
        #expect(BinaryOperator.add.resultType(.dateTime, .duration) == .dateTime)
        #expect(BinaryOperator.subtract.resultType(.dateTimeOnly, .dateTimeOnly) == .duration)
        #expect(BinaryOperator.add.resultType(.dateOnly, .duration) == nil)
        #expect(BinaryOperator.multiply.resultType(.duration, .integer) == nil)
    }

    @Test func resultTypes() {
        #expect(BinaryOperator.add.resultType(.integer, .integer) == .integer)
        #expect(BinaryOperator.divide.resultType(.integer, .decimal) == .decimal)
        #expect(BinaryOperator.add.resultType(.string, .dateTime) == .string)
        #expect(BinaryOperator.add.resultType(.boolean, .integer) == nil)
        #expect(BinaryOperator.subtract.resultType(.string, .integer) == nil)
        #expect(BinaryOperator.add.resultType(.any, .integer) == .any)
        #expect(BinaryOperator.add.resultType(.boolean, .any) == .any)
        #expect(BinaryOperator.multiply.resultType(.boolean, .any) == nil)
        #expect(BinaryOperator.add.resultType(.null, .integer) == .integer)
        #expect(BinaryOperator.less.resultType(.integer, .decimal) == .boolean)
        #expect(BinaryOperator.less.resultType(.boolean, .boolean) == nil)
        #expect(BinaryOperator.less.resultType(.string, .integer) == nil)
        #expect(BinaryOperator.less.resultType(.dateTime, .dateTimeOnly) == nil)
        #expect(BinaryOperator.equal.resultType(.boolean, .boolean) == .boolean)
        #expect(BinaryOperator.equal.resultType(.string, .integer) == nil)
        #expect(BinaryOperator.equal.resultType(.any, .integer) == .boolean)
        #expect(BinaryOperator.and.resultType(.boolean, .any) == .boolean)
        #expect(BinaryOperator.or.resultType(.boolean, .integer) == nil)
    }

    @Test(arguments: [
        (BinaryOperator.equal, Value.integer(3), Value.decimal(3), true),
        (.notEqual, .integer(3), .decimal(3.5), true),
        (.less, .integer(3), .decimal(3.5), true),
        (.greater, .decimal(9_007_199_254_740_992), .integer(9_007_199_254_740_993), false),
        (.greater, .integer(9_007_199_254_740_993), .decimal(9_007_199_254_740_992), true),
        (.lessOrEqual, .string("abc"), .string("abd"), true),
        (.greaterOrEqual, .duration(TimeSpan(milliseconds: 5)), .duration(TimeSpan(milliseconds: 5)), true),
        (.less, .dateOnly(LocalDate(year: 2020, month: 1, day: 1)), .dateOnly(LocalDate(year: 2021, month: 1, day: 1)), true),
        (.equal, .boolean(true), .boolean(true), true),
        (.equal, .null, .null, true),
        (.equal, .null, .integer(1), false),
        (.notEqual, .null, .integer(1), true),
        (.less, .null, .integer(1), false),
        (.greaterOrEqual, .integer(1), .null, false),
        (.equal, .string("1"), .integer(1), false),
        (.equal, .list([.integer(1)]), .list([.decimal(1)]), true),
        (.and, .boolean(true), .boolean(true), true),
        (.and, .boolean(true), .null, false),
        (.or, .null, .boolean(true), true),
        (.or, .null, .null, false),
        (.less, .decimal(.nan), .integer(1), false),
    ])
    func comparisonsAndLogic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, _ expected: Bool) throws {
        #expect(try op.apply(lhs, rhs) == .boolean(expected))
    }

    @Test func dateTimesCompareByInstant() throws {
        let utc = ZonedDateTime(epochMilliseconds: paris.epochMilliseconds, zone: .utc)
        #expect(try BinaryOperator.equal.apply(.dateTime(paris), .dateTime(utc)) == .boolean(true))
        #expect(try BinaryOperator.less.apply(.dateTime(utc), .dateTime(paris.adding(milliseconds: 1)!)) == .boolean(true))
    }

    @Test(arguments: [
        (BinaryOperator.less, Value.boolean(true), Value.boolean(false)),
        (.less, .string("a"), .integer(1)),
        (.multiply, .string("a"), .integer(2)),
        (.subtract, .boolean(true), .integer(2)),
        (.and, .integer(1), .boolean(true)),
    ])
    func runTimeMismatchIsATypeError(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) {
        #expect { try op.apply(lhs, rhs) } throws: { error in
            (error as? ExpressionError)?.code.rawValue == "ERR_EXPR_RUNTIME_TYPE"
        }
    }

    @Test func unaryOperators() throws {
        #expect(try UnaryOperator.not.apply(.boolean(true)) == .boolean(false))
        #expect(try UnaryOperator.not.apply(.null) == .boolean(true))
        #expect(try UnaryOperator.negate.apply(.integer(3)) == .integer(-3))
        #expect(try UnaryOperator.negate.apply(.decimal(1.5)) == .decimal(-1.5))
        #expect(try UnaryOperator.negate.apply(.null) == .null)
        #expect(try UnaryOperator.negate.apply(.duration(TimeSpan(milliseconds: 5))) == .duration(TimeSpan(milliseconds: -5)))
        #expect(throws: ExpressionError.self) { try UnaryOperator.negate.apply(.integer(.min)) }
        #expect(throws: ExpressionError.self) { try UnaryOperator.not.apply(.string("x")) }
        #expect(UnaryOperator.not.resultType(.integer) == nil)
        #expect(UnaryOperator.negate.resultType(.decimal) == .decimal)
        #expect(UnaryOperator.negate.resultType(.string) == nil)
    }

    @Test func valueTests() {
        #expect(ValueTest.isNull.apply(.null))
        #expect(!ValueTest.isNull.apply(.string("")))
        #expect(ValueTest.isNotNull.apply(.string("")))
        #expect(ValueTest.hasNull.apply(.list([.integer(1), .null])))
        #expect(!ValueTest.hasNull.apply(.list([.string("")])))
        #expect(ValueTest.hasNull.accepts(.list(.string)))
        #expect(!ValueTest.hasNull.accepts(.string))
        #expect(ValueTest.isNumeric.apply(.decimal(1)))
        #expect(!ValueTest.isNumeric.apply(.string("1")))
        #expect(ValueTest.isInteger.apply(.integer(1)))
        #expect(!ValueTest.isInteger.apply(.decimal(1)))
        #expect(ValueTest.isDecimal.apply(.decimal(1)))
    }

    @Test(arguments: [(1.0, "1.0"), (0.1, "0.1"), (1e16, "1.0E16"), (1.5e-7, "1.5E-7"), (-2.5, "-2.5"), (Double.nan, "NaN")])
    func decimalsRenderLikeJava(_ value: Double, _ text: String) {
        #expect(Value.decimal(value).rendered == text)
    }
}
