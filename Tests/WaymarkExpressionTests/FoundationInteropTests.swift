import Foundation
import Testing
import WaymarkExpression

/// Foundation has a type named `Expression` too: clients that import both qualify ours.
@Suite struct FoundationInteropTests {
    @Test func qualifiedEntryPointCompilesNextToFoundation() throws {
        let context = try JSONExpressionContext(json: #"{"events": {"E": {"a": 1}}}"#, now: ZonedDateTime(epochMilliseconds: 0))
        let compiled = try WaymarkExpression.Expression.compile("@{E.a} + 1", schema: context)
        #expect(try compiled.evaluate(in: context) == .integer(2))
    }
}
