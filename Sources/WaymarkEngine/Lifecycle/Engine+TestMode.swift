import WaymarkCore
import WaymarkStore

/// Test mode: a draft in `draftTest` takes test profiles only (`ProfileRecord.isTestProfile`),
/// with every wait and timeout shortened (`EngineConfiguration.testModeWaitDuration`); each
/// person's run is logged by their step events, and the runs are cleared when test mode ends.
extension Engine {
    /// The most test profiles that enter one version during one test-mode run.
    public static let testProfileLimit = 100

    /// Ingests events meant for a version in test mode.
    /// - Throws: `.invalidChange` when the version is not in test mode (`ERR_NOT_IN_TEST_MODE`),
    ///   or when these events could bring its test profiles past `testProfileLimit`
    ///   (`ERR_TEST_PROFILE_LIMIT`: each event is counted as a new person).
    public func ingestTestEvents(_ events: [[UInt8]], journey id: String, version: JourneyVersion) async throws(EngineError) -> [IngestionResult] {
        let journey = try await journeyVersion(id: id, version: version)
        guard journey.status == .draftTest else {
            throw EngineError(
                .invalidChange, "journey \(id) \(version) is \(journey.status.rawValue), not in test mode",
                issues: [.error(.notInTestMode, "Turn test mode on before sending test events.")])
        }
        let people = Set(try await testInstances(of: journey).map(\.profile)).count
        guard people + events.count <= Self.testProfileLimit else {
            throw EngineError(
                .invalidChange, "\(people) test profiles are in \(id) \(version); \(events.count) more events could pass \(Self.testProfileLimit)",
                issues: [.error(
                    .testProfileLimit,
                    "At most \(Self.testProfileLimit) test profiles per test-mode run: send fewer events, or turn test mode off and on to start over.")])
        }
        return await ingest(events)
    }

    /// The test-mode log of one person in a version: each of their test runs (instance) with its
    /// step events in order — the steps taken and their status, the data fetched, the
    /// transitions, the calls made with their answers and errors.
    public func testLog(journey id: String, version: JourneyVersion, profile: ProfileKey) async throws(EngineError) -> [(instance: InstanceRecord, steps: [StepEvent])] {
        let journey = try await journeyVersion(id: id, version: version)
        var runs: [(instance: InstanceRecord, steps: [StepEvent])] = []
        for instance in try await testInstances(of: journey) where instance.profile == profile {
            do {
                runs.append((instance, try await store.stepEvents(instanceID: instance.instanceID)))
            } catch {
                throw EngineError(.store, "the steps of \(instance.instanceID) cannot be read: \(error)")
            }
        }
        return runs
    }

    /// Clears the test runs of a version whose test mode ended.
    func clearTestRuns(of journey: Journey) async throws(EngineError) {
        do {
            _ = try await store.deleteTestInstances(journeyVersionID: journey.runtimeVersionID)
        } catch {
            throw EngineError(.store, "the test runs of \(journey.id) \(journey.version) cannot be cleared: \(error)")
        }
    }

    private func testInstances(of journey: Journey) async throws(EngineError) -> [InstanceRecord] {
        do {
            return try await store.testInstances(journeyVersionID: journey.runtimeVersionID)
        } catch {
            throw EngineError(.store, "the test runs of \(journey.id) \(journey.version) cannot be read: \(error)")
        }
    }
}
