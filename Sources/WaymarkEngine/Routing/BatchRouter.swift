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

    /// The batch's instances, each in a slot, changed in place as inputs are handled; the slots
    /// of each instance id and each person; the people's profiles.
    private var slots: [LoadedInstance] = []
    private var slotOfInstance: [String: Int] = [:]
    private var slotsOfProfile: [ProfileKey: [Int]] = [:]
    private var profiles: [ProfileKey: ProfileRecord]
    private var counters: [String: Int64]
    private(set) var commit: PartitionCommit
    /// Slots changed by this batch, in the order first changed.
    private var changed: [Int] = []

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
        slots.reserveCapacity(instances.count)
        for record in instances { addSlot(LoadedInstance(record: record)) }
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
        commit.instances.reserveCapacity(changed.count)
        for slot in changed {
            var record = slots[slot].record
            if let instance = slots[slot].instance {
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
            for slot in slotsOfProfile[profile] ?? [] {
                while let timer = nextDueTimer(in: slot) {
                    slots[slot].record.timers.removeAll { $0.id == timer.id }
                    markChanged(slot)
                    fired += 1
                    guard let firing = try? TimerFiring(timerID: timer.id, payloadBytes: timer.payload) else { continue }
                    handle(.timer(firing), slot: slot)
                }
            }
        }
        return fired
    }

    /// The earliest timer of an active instance due at or before `now`.
    private func nextDueTimer(in slot: Int) -> InstanceTimer? {
        let loaded = slots[slot]
        guard loaded.instance?.isActive ?? loaded.record.isActive else { return nil }
        var earliest: InstanceTimer?
        for timer in loaded.record.timers where timer.dueAt <= now {
            if let current = earliest, (current.dueAt, current.id) <= (timer.dueAt, timer.id) { continue }
            earliest = timer
        }
        return earliest
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
            for slot in slotsOfProfile[entry.profile] ?? [] {
                guard let (instance, journey) = activeInstance(slot), instance.isWaiting(forEvent: name, in: journey) else {
                    continue
                }
                interested = true
                handle(event, slot: slot)
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
        guard let slot = owner else { return }  // a late or repeated result: the instance moved on
        handle(entry.kind == .fetchResult ? .fetchResult(result) : .actionResult(result), slot: slot)
    }

    // MARK: - Instances

    /// Offers `event` (a `RuntimeInput.event`) to `journey`'s entry decision.
    private mutating func enter(_ journey: RunnableJourney, event: RuntimeInput, entry: InboxEntry) {
        guard case .event(let incoming) = event else { return }
        var prior: [PriorInstance] = []
        for slot in slotsOfProfile[entry.profile] ?? [] where slots[slot].record.journeyID == journey.journey.id {
            prior.append(slots[slot].priorInstance)
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
            var loaded = LoadedInstance(record: record, instance: instance)
            let slot: Int
            if let existing = slotOfInstance[instance.instanceID] {
                slot = existing
                loaded.isChanged = slots[slot].isChanged
                slots[slot] = loaded
            } else {
                slot = addSlot(loaded)
            }
            markChanged(slot)
            apply(effects, slot: slot)
        }
    }

    /// Hands `input` to the instance in `slot` (decoded on first use) and applies its effects.
    private mutating func handle(_ input: RuntimeInput, slot: Int) {
        guard let journey = catalog.index.journey(versionID: slots[slot].record.journeyVersionID),
            var instance = slots[slot].decodedInstance()
        else { return }
        slots[slot].instance = nil  // handled in place, without a second reference to its storage
        let status = journey.journey.status
        let effects = instance.handle(
            status == .stopped ? .stop : input, in: journey, context: context(for: instance.profile, journey: journey))
        slots[slot].instance = instance
        markChanged(slot)
        apply(effects, slot: slot)
    }

    /// The active instance in `slot` and its journey version, decoded once per batch.
    private mutating func activeInstance(_ slot: Int) -> (JourneyInstance, RunnableJourney)? {
        guard slots[slot].record.isActive || slots[slot].instance != nil,
            let journey = catalog.index.journey(versionID: slots[slot].record.journeyVersionID),
            let instance = slots[slot].decodedInstance(),
            instance.isActive
        else { return nil }
        return (instance, journey)
    }

    /// The slot of the person's active instance that satisfies `test`.
    private mutating func instanceOwning(_ profile: ProfileKey, where test: (JourneyInstance) -> Bool) -> Int? {
        for slot in slotsOfProfile[profile] ?? [] {
            if let (instance, _) = activeInstance(slot), test(instance) { return slot }
        }
        return nil
    }

    /// Adds an instance of the batch; returns its slot.
    @discardableResult
    private mutating func addSlot(_ loaded: LoadedInstance) -> Int {
        let slot = slots.count
        slots.append(loaded)
        slotOfInstance[loaded.record.instanceID] = slot
        slotsOfProfile[loaded.record.profile, default: []].append(slot)
        return slot
    }

    private mutating func markChanged(_ slot: Int) {
        guard !slots[slot].isChanged else { return }
        slots[slot].isChanged = true
        changed.append(slot)
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

    private mutating func apply(_ effects: [RuntimeEffect], slot: Int) {
        let instanceID = slots[slot].record.instanceID
        let profileKey = slots[slot].record.profile
        for effect in effects {
            switch effect {
            case .step(let step):
                commit.stepEvents.append(step)
            case .scheduleTimer(let timer):
                slots[slot].record.timers.removeAll { $0.id == timer.id }
                slots[slot].record.timers.append(InstanceTimer(id: timer.id, dueAt: timer.dueAt, payload: timer.payload.encoded))
            case .cancelTimer(let id):
                slots[slot].record.timers.removeAll { $0.id == id }
            case .externalCall(let request):
                commit.outbox.append(
                    OutboxRecord(
                        id: request.id, partition: commit.partition, instanceID: instanceID,
                        profile: profileKey, kind: request.kind.rawValue, payload: request.encoded, createdAt: now,
                        availableAt: now))
            case .updateProfile(let path, let value):
                let update = ProfileFieldUpdate(profile: profileKey, path: path, value: value)
                commit.profileUpdates.append(update)
                var profile = profiles[profileKey] ?? ProfileRecord(key: profileKey, updatedAt: now)
                profile.attributes = profile.attributes.setting(value, atPath: path)
                profiles[profileKey] = profile
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
