import Testing
import WaymarkConnectors

@Test func connectorsModuleLinks() {
    #expect(String(describing: WaymarkConnectors.self) == "WaymarkConnectors")
}
