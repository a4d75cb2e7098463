import Testing

@Suite struct HelpTests {
    @Test func helpListsTheCommands() throws {
        let outcome = try WaymarkProcess.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("USAGE: waymark"))
    }

    @Test func unknownCommandFailsWithAMessage() throws {
        let outcome = try WaymarkProcess.run(["no-such-command"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no-such-command"))
    }
}
