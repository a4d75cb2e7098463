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
}
