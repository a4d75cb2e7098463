/// The lifecycle status of a journey version.
public enum JourneyStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Being designed; nobody enters.
    case draft
    /// A draft in test mode: only test profiles enter.
    case draftTest
    /// Published: people enter.
    case live
    /// No new entrances; people inside finish.
    case closed
    /// Everyone inside was stopped; permanent.
    case stopped
    /// Closed and nobody left inside.
    case finished

    /// Whether this version was published at some point.
    public var wasPublished: Bool { self == .live || self == .closed || self == .stopped || self == .finished }

    /// Whether the version can be deleted: finished or never published.
    public var isDeletable: Bool { self == .finished || !wasPublished }
}
