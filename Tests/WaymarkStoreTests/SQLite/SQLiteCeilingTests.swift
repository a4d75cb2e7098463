import Foundation
import Testing
import WaymarkSQLite

@Suite struct SQLiteCeilingTests {
    /// Runs the ceiling benchmark small (or with `WAYMARK_CEILING_ENTRIES` people) and prints it.
    @Test func theCeilingWritesEveryEntryAndFiresEveryTimer() async throws {
        let environment = ProcessInfo.processInfo.environment
        let entries = environment["WAYMARK_CEILING_ENTRIES"].flatMap(Int.init) ?? 2_000
        let durability = environment["WAYMARK_CEILING_DURABILITY"].flatMap(SQLiteStore.Durability.init) ?? .full
        try await TemporaryDirectory.with { directory in
            // WAYMARK_CEILING_DIRECTORY keeps the stores for inspection.
            let figures = try await SQLiteCeiling.measure(
                directory: environment["WAYMARK_CEILING_DIRECTORY"] ?? directory.path, entries: entries, batchSize: min(5_000, entries / 4 + 1), durability: durability)
            print(figures)
            #expect(figures.entries == entries)
            #expect(figures.timersFired == entries)
            #expect(figures.usedBytesPerWaitingPerson > 0 && figures.fileBytesPerWaitingPerson >= figures.usedBytesPerWaitingPerson)
            #expect(figures.rawEntriesPerSecond > 0 && figures.storeEntriesPerSecond > 0 && figures.timerFiringsPerSecond > 0)
        }
    }
}
