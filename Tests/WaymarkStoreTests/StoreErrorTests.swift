import Testing
import WaymarkStore

@Suite struct StoreErrorTests {
    @Test func describesCodeAndMessage() {
        #expect(StoreError(.leaseLost, "partition 3").description == "leaseLost: partition 3")
    }
}
