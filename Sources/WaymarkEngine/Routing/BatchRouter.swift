import WaymarkCore
import WaymarkStore

/// Routes one batch of a partition's inbox through the journeys and folds every effect into ONE
/// `PartitionCommit`: the pure middle of a partition worker (no I/O, no awaiting).
///
/// Events start new instances of the journeys they enter (the runtime's entry decision) and move
/// the instances waiting for them; timers and call results go to their instance. Inputs of one
/// person are handled in inbox order, each seeing the state the previous one left.
struct BatchRouter {
    let catalog: JourneyCatalog
    let configuration: EngineConfiguration
    let now: Int64
    let random: any RandomSource

    /// The batch's people: their instances (by id) and profiles, changed as inputs are handled.
    private var instances: [String: LoadedInstance] = [:]
    private var instancesOfProfile: [ProfileKey: [String]] = [:]
    private var profiles: [ProfileKey: ProfileRecord]
    private var counters: [String: Int64]
    private(set) var commit: PartitionCommit
    /// Timers added by this batch, and those of them cancelled again (left out of the commit).
    private var addedTimers: Set<String> = []
    private var cancelledAddedTimers: Set<String> = []
    /// Instances changed by this batch, in the order first changed.
    private var changed: [String] = []
    private var changedSet: Set<String> = []

    init(
        partition: Int, leaseGeneration: Int64, catalog: JourneyCatalog, configuration: EngineConfiguration, now: Int64,
        random: any RandomSource, instances: [InstanceRecord], profiles: [ProfileKey: ProfileRecord], counters: [String: Int64]
    ) {
        self.catalog = catalog
        self.configuration = configuration
        self.now = now
        self.random = random
        self.profiles = profiles
        self.counters = counters
        commit = PartitionCommit(partition: partition, leaseGeneration: leaseGeneration)
        for record in instances {
            self.instances[record.instanceID] = LoadedInstance(record: record)
            instancesOfProfile[record.profile, default: []].append(record.instanceID)
        }
    }

    /// Handles `entries` in order and returns the commit of the batch.
    mutating func route(_ entries: [InboxEntry]) -> PartitionCommit {
        for entry in entries {
            switch entry.kind {
            case .event: routeEvent(entry)
            case .internalEvent: routeInternalEvent(entry)
            case .timer: routeTimer(entry)
            case .actionResult, .fetchResult: routeResult(entry)
            }
            commit.consumedInbox.append(entry.sequence)
        }
        for id in changed {
            guard let loaded = instances[id], let instance = loaded.instance else { continue }
            var record = loaded.record
            record.isActive = instance.isActive
            record.state = instance.isActive ? instance.encoded : []
            record.updatedAt = now
            commit.instances.append(record)
        }
        if !cancelledAddedTimers.isEmpty {
            commit.timersToAdd.removeAll { cancelledAddedTimers.contains($0.timerID) }
        }
        return commit
    }

    // MARK: - Inputs

    private mutating func routeEvent(_ entry: InboxEntry) {
        guard let name = entry.eventName else {
            return discard(entry, reason: .noInterestedJourney, message: "The inbox entry names no configured event.")
        }
        let payload: JSONValue
        do {
            payload = try JSONValue(parsing: entry.payload)
        } catch {
            return discard(entry, reason: .noInterestedJourney, message: "The event's stored payload is not JSON: \(error).")
        }
        let event = RuntimeInput.event(
            .init(eventName: name, eventID: entry.eventID, payload: payload, timestamp: entry.receivedAt))
        var interested = false
        if catalog.waitingEventNames.contains(name) {
            for id in instancesOfProfile[entry.profile] ?? [] {
                guard let (instance, journey) = activeInstance(id), instance.isWaiting(forEvent: name, in: journey) else {
                    continue
                }
                interested = true
                handle(event, instanceID: id)
            }
        }
        for journey in catalog.entryVersions[name] ?? [] {
            interested = true
            enter(journey, event: event, entry: entry)
        }
        if !interested {
            discard(entry, reason: .noInterestedJourney, message: "No journey starts with or waits for '\(name)'.")
        }
    }

    private mutating func routeInternalEvent(_ entry: InboxEntry) {
        guard let jump = try? JumpEntry(decoding: entry.payload),
            let journey = catalog.index.latestVersion(ofJourney: jump.targetJourneyID, acceptingAt: now),
            let name = journey.entryEvents.first
        else {
            return discard(entry, reason: .journeyNotAcceptingEntrances, message: "The journey jumped to takes no entrances.")
        }
        let event = RuntimeInput.event(
            .init(
                eventName: name, eventID: entry.eventID, payload: jump.payload, timestamp: entry.receivedAt,
                externalKey: jump.externalKey))
        enter(journey, event: event, entry: entry)
    }

    private mutating func routeTimer(_ entry: InboxEntry) {
        guard let id = instanceOwning(entry.profile, where: { $0.outstandingTimerIDs.contains(entry.eventID) }) else {
            return  // the instance ended or moved on: the timer is stale
        }
        do {
            handle(.timer(try TimerFiring(timerID: entry.eventID, payloadBytes: entry.payload)), instanceID: id)
        } catch {
            return  // a timer payload this runtime cannot read: nothing can act on it
        }
    }

    private mutating func routeResult(_ entry: InboxEntry) {
        guard let result = try? ExternalCallResult(decoding: entry.payload) else { return }
        let owner = instanceOwning(entry.profile) { instance in
            guard let call = instance.pendingCall else { return false }
            return instance.callID(nodeID: call.nodeID, sequence: call.sequence) == result.callID
        }
        guard let id = owner else { return }  // a late or repeated result: the instance moved on
        handle(entry.kind == .fetchResult ? .fetchResult(result) : .actionResult(result), instanceID: id)
    }

    // MARK: - Instances

    /// Offers `event` (a `RuntimeInput.event`) to `journey`'s entry decision.
    private mutating func enter(_ journey: RunnableJourney, event: RuntimeInput, entry: InboxEntry) {
        guard case .event(let incoming) = event else { return }
        let prior = (instancesOfProfile[entry.profile] ?? []).compactMap { id -> PriorInstance? in
            guard let loaded = instances[id], loaded.record.journeyID == journey.journey.id else { return nil }
            return loaded.priorInstance
        }
        let decision = JourneyInstance.enter(
            journey, event: incoming, profile: entry.profile, previous: prior, context: context(for: entry.profile, journey: journey))
        switch decision {
        case .discarded(let reason, let message):
            discard(entry, reason: reason, message: message, journey: journey)
        case .entered(let instance, let effects):
            let record = InstanceRecord(
                instanceID: instance.instanceID, journeyID: instance.journeyID, journeyVersionID: instance.journeyVersionID,
                profile: instance.profile, partition: commit.partition, isActive: true, inTest: instance.inTest, state: [],
                enteredAt: instance.enteredAt, updatedAt: now)
            if instances[instance.instanceID] == nil {
                instancesOfProfile[instance.profile, default: []].append(instance.instanceID)
            }
            instances[instance.instanceID] = LoadedInstance(record: record, instance: instance)
            markChanged(instance.instanceID)
            apply(effects, of: instance)
        }
    }

    private mutating func handle(_ input: RuntimeInput, instanceID: String) {
        guard var loaded = instances[instanceID], var instance = loaded.decodedInstance(),
            let journey = catalog.index.journey(versionID: loaded.record.journeyVersionID)
        else { return }
        let status = journey.journey.status
        let effects = instance.handle(
            status == .stopped ? .stop : input, in: journey, context: context(for: instance.profile, journey: journey))
        loaded.instance = instance
        instances[instanceID] = loaded
        markChanged(instanceID)
        apply(effects, of: instance)
    }

    /// The active instance with this id and its journey version, decoded once per batch.
    private mutating func activeInstance(_ id: String) -> (JourneyInstance, RunnableJourney)? {
        guard var loaded = instances[id], loaded.record.isActive || loaded.instance != nil,
            let journey = catalog.index.journey(versionID: loaded.record.journeyVersionID),
            let instance = loaded.decodedInstance(),
            instance.isActive
        else { return nil }
        instances[id] = loaded
        return (instance, journey)
    }

    /// The id of the person's active instance that satisfies `test`.
    private mutating func instanceOwning(_ profile: ProfileKey, where test: (JourneyInstance) -> Bool) -> String? {
        for id in instancesOfProfile[profile] ?? [] {
            if let (instance, _) = activeInstance(id), test(instance) { return id }
        }
        return nil
    }

    private mutating func markChanged(_ id: String) {
        if changedSet.insert(id).inserted { changed.append(id) }
    }

    private func context(for profile: ProfileKey, journey: RunnableJourney) -> RuntimeContext {
        let record = profiles[profile]
        return RuntimeContext(
            now: now,
            profile: RuntimeProfile(
                attributes: record?.attributes ?? .object(OrderedFields()), timeZone: record?.timeZone,
                isTestProfile: record?.isTestProfile ?? false),
            random: random, counters: counters, testDuration: configuration.testModeWaitDuration,
            journeyStatus: journey.journey.status)
    }

    // MARK: - Effects

    private mutating func apply(_ effects: [RuntimeEffect], of instance: JourneyInstance) {
        for effect in effects {
            switch effect {
            case .step(let step):
                commit.stepEvents.append(step)
            case .scheduleTimer(let timer):
                addedTimers.insert(timer.id)
                commit.timersToAdd.append(
                    TimerRecord(
                        timerID: timer.id, partition: commit.partition, instanceID: instance.instanceID,
                        profile: instance.profile, dueAt: timer.dueAt, payload: timer.payload.encoded))
            case .cancelTimer(let id):
                if addedTimers.contains(id) {
                    cancelledAddedTimers.insert(id)
                } else {
                    commit.timersToCancel.append(id)
                }
            case .externalCall(let request):
                commit.outbox.append(
                    OutboxRecord(
                        id: request.id, partition: commit.partition, instanceID: instance.instanceID,
                        profile: instance.profile, kind: request.kind.rawValue, payload: request.encoded, createdAt: now,
                        availableAt: now))
            case .updateProfile(let path, let value):
                let update = ProfileFieldUpdate(profile: instance.profile, path: path, value: value)
                commit.profileUpdates.append(update)
                var profile = profiles[instance.profile] ?? ProfileRecord(key: instance.profile, updatedAt: now)
                profile.attributes = profile.attributes.setting(value, atPath: path)
                profiles[instance.profile] = profile
            case .internalEvent(let request):
                commit.inbox.append(
                    InboxEntry(
                        partition: request.profile.partition(of: configuration.partitionCount), kind: .internalEvent,
                        eventID: request.eventID, profile: request.profile, payload: JumpEntry(request).encoded,
                        receivedAt: now))
            case .incrementCounter(let name, let amount):
                commit.counterIncrements[name, default: 0] += amount
                counters[name, default: 0] += amount
            case .instanceEnded:
                break  // the instance's record is written inactive with the batch
            }
        }
    }

    private mutating func discard(
        _ entry: InboxEntry, reason: DiscardRecord.Reason, message: String, journey: RunnableJourney? = nil
    ) {
        commit.discards.append(
            DiscardRecord(
                eventID: entry.eventID, eventName: entry.eventName, journeyID: journey?.journey.id,
                journeyVersionID: journey?.versionID, profileID: entry.profile.id,
                profileNamespace: entry.profile.namespace, reason: reason, message: message, timestamp: now))
    }
}
