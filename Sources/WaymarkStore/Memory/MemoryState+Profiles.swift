import WaymarkCore

extension MemoryState {
    /// Creates a profile or merges it into the one that holds its key or any of its identities;
    /// with `keepingSettings`, a known profile keeps its test flag and time zone.
    mutating func upsertProfile(
        _ record: ProfileRecord, keepingSettings: Bool = false, _ journal: inout Journal
    ) throws(StoreError) {
        let keys = [record.key] + record.identities
        let owners = Set(keys.compactMap { identities[$0] })
        guard owners.count <= 1 else {
            let names = owners.map(\.description).sorted().joined(separator: " and ")
            throw StoreError(.constraint, "profile \(record.key): its identities belong to different profiles \(names)")
        }
        var profile: ProfileRecord
        if let owner = owners.first, let existing = profiles[owner] {
            profile = existing
            profile.attributes = existing.attributes.merging(record.attributes)
            if !keepingSettings {
                profile.isTestProfile = record.isTestProfile
                profile.timeZone = record.timeZone ?? existing.timeZone
            }
            profile.updatedAt = record.updatedAt
        } else {
            profile = record
            profile.identities = []
        }
        for identity in keys where identities[identity] == nil {
            if identity != profile.key { profile.identities.append(identity) }
            set(\.identities, identity, profile.key, &journal)
        }
        set(\.profiles, profile.key, profile, &journal)
    }

    /// Sets one attribute of a profile (creating the profile when unknown).
    mutating func applyProfileUpdate(_ update: ProfileFieldUpdate, _ journal: inout Journal) throws(StoreError) {
        let components = update.path.split(separator: ".", omittingEmptySubsequences: false)
        guard !components.contains(where: \.isEmpty) else {
            throw StoreError(.constraint, "profile update of \(update.profile): '\(update.path)' is not a dotted field path")
        }
        let key = identities[update.profile] ?? update.profile
        var profile = profiles[key] ?? ProfileRecord(key: key, updatedAt: 0)
        if identities[key] == nil { set(\.identities, key, key, &journal) }
        profile.attributes = profile.attributes.setting(update.value, atPath: update.path)
        set(\.profiles, key, profile, &journal)
    }

    /// The profiles known by any of these keys.
    func profiles(_ keys: [ProfileKey]) -> [ProfileKey: ProfileRecord] {
        var found: [ProfileKey: ProfileRecord] = [:]
        for key in keys {
            if let owner = identities[key], let profile = profiles[owner] { found[key] = profile }
        }
        return found
    }
}
