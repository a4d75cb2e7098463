import Testing
@testable import WaymarkCore

@Suite struct CoreReexportTests {
    @Test func coreReexportsExpressionTypes() {
        #expect(ValueType.list(.string) != ValueType.list(.integer))
    }
}
