/// An instance a person already has (or had) in a journey, in any version: what entry rules read.
public struct PriorInstance: Hashable, Sendable {
    /// The version it belongs to.
    public var journeyVersionID: String
    /// Whether it still holds a place in the journey.
    public var isActive: Bool
    /// When the person entered, milliseconds since the epoch.
    public var enteredAt: Int64
    /// When it ended (`InstanceRecord.updatedAt` of an inactive record); `nil` while active.
    public var endedAt: Int64?

    /// Creates a summary.
    public init(journeyVersionID: String, isActive: Bool, enteredAt: Int64, endedAt: Int64? = nil) {
        self.journeyVersionID = journeyVersionID
        self.isActive = isActive
        self.enteredAt = enteredAt
        self.endedAt = endedAt
    }
}
