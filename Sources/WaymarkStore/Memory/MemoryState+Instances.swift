import WaymarkCore

extension MemoryState {
    /// Creates or replaces an instance, keeping its profile and journey version fixed and at most
    /// one active instance per person and journey.
    mutating func upsertInstance(_ record: InstanceRecord, _ journal: inout Journal) throws(StoreError) {
        let id = record.instanceID
        let existing = instances[id]
        if let existing {
            guard existing.profile == record.profile, existing.journeyID == record.journeyID,
                existing.journeyVersionID == record.journeyVersionID
            else {
                throw StoreError(
                    .constraint,
                    "instance \(id) belongs to \(existing.profile) in journey version \(existing.journeyVersionID), "
                        + "not to \(record.profile) in \(record.journeyVersionID)")
            }
        } else {
            set(\.instancesByProfile, record.profile, instancesByProfile[record.profile, default: []] + [id], &journal)
        }
        let slot = JourneySlot(journeyID: record.journeyID, profile: record.profile)
        if existing?.isActive == true, activeSlots[slot] == id { set(\.activeSlots, slot, nil, &journal) }
        if record.isActive {
            if let holder = activeSlots[slot] {
                throw StoreError(
                    .constraint,
                    "instance \(id): \(record.profile) already has the active instance \(holder) in journey \(record.journeyID)")
            }
            set(\.activeSlots, slot, id, &journal)
        }
        set(\.instances, id, record, &journal)
    }

    /// The instances of these profiles, in the order first written.
    func instances(of profiles: [ProfileKey]) -> [InstanceRecord] {
        var seen: Set<ProfileKey> = []
        return profiles.filter { seen.insert($0).inserted }.flatMap { profile in
            (instancesByProfile[profile] ?? []).compactMap { instances[$0] }
        }
    }

    /// Removes an instance and its index entries.
    mutating func removeInstance(_ id: String, _ journal: inout Journal) {
        guard let record = instances[id] else { return }
        let slot = JourneySlot(journeyID: record.journeyID, profile: record.profile)
        if activeSlots[slot] == id { set(\.activeSlots, slot, nil, &journal) }
        let remaining = (instancesByProfile[record.profile] ?? []).filter { $0 != id }
        set(\.instancesByProfile, record.profile, remaining.isEmpty ? nil : remaining, &journal)
        set(\.instances, id, nil, &journal)
        guard let positions = stepEventsByInstance[id], !positions.isEmpty else { return }
        // Its step events go too; the later ones move up, so the index is rebuilt.
        let removed = Set(positions)
        let old = (stepEvents, stepEventsByInstance)
        journal.record { state in (state.stepEvents, state.stepEventsByInstance) = old }
        stepEvents = stepEvents.indices.filter { !removed.contains($0) }.map { stepEvents[$0] }
        stepEventsByInstance = [:]
        for (position, event) in stepEvents.enumerated() { stepEventsByInstance[event.instanceID, default: []].append(position) }
    }

    /// The test-mode instances of a journey version, in the order first written.
    func testInstances(journeyVersionID: String) -> [InstanceRecord] {
        instancesByProfile.keys.sorted { ($0.namespace, $0.id) < ($1.namespace, $1.id) }.flatMap { instances(of: [$0]) }
            .filter { $0.inTest && $0.journeyVersionID == journeyVersionID }
    }
}
