import Foundation
import Testing
import WaymarkCore
import WaymarkSQLite
import WaymarkStore

/// `SQLiteStore.query`: analysts' read-only SQL over the datasets, nothing else.
@Suite struct SQLiteQueryTests {
    @Test func journeyVersionsComeFromTheStoredJourneys() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let journey = try ConfigDocument.decode(from: Array(#"""
                {"kind":"journey","id":"greet","name":"Greet","version":"2.0","status":"live","namespace":"Email",
                 "nodes":[{"id":"start","kind":"event","event":"signup","transitions":[{"kind":"next","target":"end"}]},{"id":"end","kind":"end"}]}
                """#.utf8))
            try await store.saveConfigs([journey])
            let result = try await store.query(
                "SELECT journeyID, journeyVersionID, journeyVersion, journeyVersionName, status, nodeCount FROM journey_versions", maxRows: 10)
            #expect(result.rows == [[.string("greet"), .string("greet@2.0"), .string("2.0"), .string("Greet"), .string("live"), .int(2)]])
        }
    }

    @Test func aQueryRunningTooLongIsStopped() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
            let error = await #expect(throws: StoreError.self) { try await store.query(endless, maxRows: 1, timeout: 200) }
            #expect(error?.code == .invalidQuery)
            #expect(error?.message.contains("longer than 200 ms") == true)
        }
    }

    @Test func writesAndOtherTablesAreRefusedAndLeaveTheFileAsItWas() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            for sql in ["DROP VIEW step_events", "INSERT INTO discards (eventID, reason, timestamp) VALUES ('x', 'backlogFull', 0)",
                "SELECT profile_id FROM instances", "CREATE TABLE t (x)", "VACUUM"]
            {
                await #expect(throws: StoreError.self, "\(sql)") { try await store.query(sql, maxRows: 10) }
            }
            #expect(try await store.query("SELECT count(*) FROM discards", maxRows: 1).rows == [[.int(0)]])
            #expect(try await store.query("SELECT count(*) FROM step_events", maxRows: 1).rows == [[.int(0)]])
        }
    }

    @Test func anExportStreamsEveryRowInChunksAndRefusesWhatAQueryRefuses() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let count = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 25000) SELECT x, 'row ' || x AS label FROM n"
            let export = try await store.export(count, chunkRows: 1_000, bufferedChunks: 2)
            #expect(export.columns == ["x", "label"])
            var chunks = 0
            var next: Int64 = 1
            for try await rows in export.rows {
                chunks += 1
                for row in rows {
                    #expect(row == [.int(next), .string("row \(next)")])
                    next += 1
                }
            }
            #expect(next == 25_001, "every row, in order")
            #expect(chunks == 25)

            let refused = await #expect(throws: StoreError.self) { try await store.export("SELECT profile_id FROM instances") }
            #expect(refused?.code == .invalidQuery)
        }
    }

    @Test func anExportLeftEarlyStopsItsStatement() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"
            do {
                let export = try await store.export(endless, chunkRows: 100, bufferedChunks: 1, timeout: 60_000)
                var iterator = export.rows.makeAsyncIterator()
                #expect(try await iterator.next()?.count == 100)
            }
            // The export's thread stopped: the next query runs (SQLite's own connection would
            // answer either way; what is checked is that nothing hangs or crashes).
            #expect(try await store.query("SELECT 1", maxRows: 1).rows == [[.int(1)]])
        }
    }
}
