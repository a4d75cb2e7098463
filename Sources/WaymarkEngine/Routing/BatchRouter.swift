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

    /// Handles `inputs` in order and returns the commit of the batch (inbox entries consumed,
    /// changed instances with their timers).
    mutating func route(_ inputs: [RouterInput]) -> PartitionCommit {
        for input in inputs {
            let entry = input.entry
            switch entry.kind {
            case .event: routeEvent(entry, payload: input.payload)
            case .internalEvent: routeInternalEvent(entry)
            case .actionResult, .fetchResult: routeResult(entry)
            }
            if input.isInInbox { commit.consumedInbox.append(entry.sequence) }
        }
        for id in changed {
            guard var record = instances[id]?.record else { continue }
            if let instance = instances[id]?.instance {
                record.isActive = instance.isActive
                record.state = instance.isActive ? instance.encoded : []
            }
            if !record.isActive { record.timers = [] }
            record.updatedAt = now
            commit.instances.append(record)
        }
        return commit
    }

    /// Fires the timers due at or before `now` of these people's active instances, earliest
    /// first, each seeing the state the previous one left. A due timer leaves its instance's
    /// record whether or not it can be handled (a version that cannot run, a payload this
    /// runtime cannot read), so nothing fires twice or blocks the timers behind it.
    /// - Returns: how many timers fired.
    mutating func fireDueTimers(of people: [ProfileKey]) -> Int {
        var fired = 0
        for profile in people {
            for id in instancesOfProfile[profile] ?? [] {
                while let timer = nextDueTimer(of: id) {
                    instances[id]!.record.timers.removeAll { $0.id == timer.id }
                    markChanged(id)
                    fired += 1
                    guard let firing = try? TimerFiring(timerID: timer.id, payloadBytes: timer.payload) else { continue }
                    handle(.timer(firing), instanceID: id)
                }
            }
        }
        return fired
    }

    /// The earliest timer of an active instance due at or before `now`.
    private func nextDueTimer(of id: String) -> InstanceTimer? {
        guard let loaded = instances[id], loaded.instance?.isActive ?? loaded.record.isActive else { return nil }
        return loaded.record.timers.filter { $0.dueAt <= now }.min { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    // MARK: - Inputs

    /// Routes an event; `parsed` is its payload when ingestion handed it over parsed.
    private mutating func routeEvent(_ entry: InboxEntry, payload parsed: JSONValue?) {
        guard let name = entry.eventName else {
            return discard(entry, reason: .noInterestedJourney, message: "The inbox entry names no configured event.")
        }
        let payload: JSONValue
        if let parsed {
            payload = parsed
        } else {
            do {
                payload = try JSONValue(parsing: entry.payload)
            } catch {
                return discard(entry, reason: .noInterestedJourney, message: "The event's stored payload is not JSON: \(error).")
            }
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
                instances[instance.instanceID]?.record.timers.removeAll { $0.id == timer.id }
                instances[instance.instanceID]?.record.timers.append(
                    InstanceTimer(id: timer.id, dueAt: timer.dueAt, payload: timer.payload.encoded))
            case .cancelTimer(let id):
                instances[instance.instanceID]?.record.timers.removeAll { $0.id == id }
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
