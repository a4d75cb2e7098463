import WaymarkCore

/// The identity of a stored config: its kind and name, or for a journey its id and version.
package struct ConfigKey: Hashable, Sendable, Comparable {
    package var kind: String
    package var name: String
    /// `major.minor` for journeys, empty for other kinds.
    package var version: String

    package init(kind: String, name: String, version: String) {
        self.kind = kind
        self.name = name
        self.version = version
    }

    /// The key of a document: journeys by id and version, other kinds by name.
    package init(_ document: ConfigDocument) {
        switch document {
        case .journey(let journey): self.init(kind: document.kind, name: journey.id, version: journey.version.description)
        default: self.init(kind: document.kind, name: document.name, version: "")
        }
    }

    package static func < (lhs: ConfigKey, rhs: ConfigKey) -> Bool {
        (lhs.kind, lhs.name, lhs.version) < (rhs.kind, rhs.name, rhs.version)
    }
}
