/// What an external call does: run an action or fetch data-source fields.
public enum ExternalCallKind: String, Hashable, Sendable, CaseIterable {
    /// A custom action or a message (`OutboxRecord.kind` `action`).
    case action
    /// Field groups of external data sources (`OutboxRecord.kind` `fetch`).
    case fetch
}
