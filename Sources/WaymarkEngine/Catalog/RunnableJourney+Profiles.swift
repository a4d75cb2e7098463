import WaymarkCore

extension RunnableJourney {
    /// Whether running this version needs the person's profile: it reads profile fields, uses
    /// the profile's time zone, updates the profile or runs in test mode (test-profile flag).
    var readsProfiles: Bool {
        if journey.status == .draftTest { return true }
        if case .profile = journey.properties.timeZone { return true }
        return journey.nodes.contains { node in
            if case .updateProfile = node.activity { return true }
            return fieldReferences(ofNode: node.id).contains {
                $0.kind == .dataSource && $0.source == DataSourceConfig.experiencePlatformName
            }
        }
    }
}
