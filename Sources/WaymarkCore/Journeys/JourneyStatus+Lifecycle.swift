extension JourneyStatus {
    /// Whether a journey version may go from this status to `next`.
    ///
    /// draft ⇄ draftTest (test mode on and off); draft or draftTest → live (publish, when
    /// validation finds no error); live → closed (no new entrances; also when a newer version is
    /// published) or stopped; closed → stopped or finished (nobody left inside). Stopped and
    /// finished are final.
    public func canChange(to next: JourneyStatus) -> Bool {
        switch (self, next) {
        case (.draft, .draftTest), (.draftTest, .draft), (.draft, .live), (.draftTest, .live),
            (.live, .closed), (.live, .stopped), (.closed, .stopped), (.closed, .finished):
            true
        default:
            false
        }
    }

    /// Whether the graph and settings may be edited (drafts); a live version only takes new labels and descriptions.
    public var isEditable: Bool { self == .draft || self == .draftTest }

    /// Whether people may enter: live versions, and test profiles in test mode.
    public var acceptsEntrances: Bool { self == .live || self == .draftTest }
}
