/// What a user or an API token may do: the baseline's profiles, plus an analyst and an
/// ingestion-only token.
public enum Role: String, Hashable, Sendable, CaseIterable, Codable {
    /// Everything, users and tokens included.
    case administrator
    /// Configures events, data sources and actions; sends events; reads journeys and reports.
    case technicalUser
    /// Designs journeys (cannot publish); reads configs and reports.
    case journeyManager
    /// Designs and publishes journeys; reads configs and reports.
    case journeyApprover
    /// Reads journeys and reports.
    case viewer
    /// Reads journeys and reports and queries the step-event datasets.
    case analyst
    /// Sends events, nothing else (for API tokens of event sources).
    case ingestion

    /// The permissions of the role.
    public var permissions: Set<Permission> {
        switch self {
        case .administrator: Set(Permission.allCases)
        case .technicalUser: [.readConfig, .manageConfig, .ingestEvents, .manageProfiles, .readJourneys, .readReports]
        case .journeyManager: [.readConfig, .readJourneys, .manageJourneys, .manageProfiles, .readReports, .manageReports]
        case .journeyApprover:
            [.readConfig, .readJourneys, .manageJourneys, .publishJourneys, .manageProfiles, .readReports, .manageReports]
        case .viewer: [.readJourneys, .readReports]
        case .analyst: [.readJourneys, .readReports, .queryData]
        case .ingestion: [.ingestEvents, .manageProfiles]
        }
    }
}

/// One thing a role may do; every API route requires one.
public enum Permission: String, Hashable, Sendable, CaseIterable, Codable {
    /// Read events, data sources and actions.
    case readConfig
    /// Create, change and delete events, data sources and actions.
    case manageConfig
    /// Read journeys.
    case readJourneys
    /// Create, edit, close, stop and delete journeys.
    case manageJourneys
    /// Publish journeys and start test mode.
    case publishJourneys
    /// Read reports.
    case readReports
    /// Manage reports.
    case manageReports
    /// Send events to the streaming ingestion.
    case ingestEvents
    /// Read, create and import profiles of the built-in store (test profiles included).
    case manageProfiles
    /// Query the step-event and journey datasets with SQL.
    case queryData
    /// Manage users and API tokens, read the audit log.
    case manageUsers
}
