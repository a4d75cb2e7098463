/// A field that a compiled expression reads: what the runtime must have at hand to evaluate it.
///
/// The path is pre-split into segments (quotes removed). Method calls written after the path
/// (`.entry('Email').first()`) are not part of it: the reference is the field they apply to.
public struct FieldReference: Hashable, Sendable {
    /// Which kind of source a reference reads.
    public enum Kind: String, Hashable, Sendable {
        /// An event payload field: `@{Event.path}` / `@event{Event.path}`.
        case event
        /// A data source field: `#{DataSource.FieldGroup.path}`.
        case dataSource
        /// A custom action response field or `jo_status_code`: `@action{Action.path}`.
        case action
        /// A journey property: `@journey{name}` (the name is the source, the path is empty).
        case journey
    }

    /// The immutable parts, shared by copies: passing a reference around costs one retain.
    private final class Storage: Sendable {
        let kind: Kind
        let source: String
        let fieldGroup: String?
        let path: [String]
        let parameters: [ReferenceParameter]
        let fingerprint: UInt64
        let key: String

        init(kind: Kind, source: String, fieldGroup: String?, path: [String], parameters: [ReferenceParameter]) {
            self.kind = kind
            self.source = source
            self.fieldGroup = fieldGroup
            self.path = path
            self.parameters = parameters
            fingerprint = FieldReference.fingerprint(kind: kind, source: source, fieldGroup: fieldGroup, path: path)
            key = FieldReference.key(kind: kind, source: source, fieldGroup: fieldGroup, path: path)
        }
    }

    private let storage: Storage

    /// Which kind of source it reads.
    public var kind: Kind { storage.kind }
    /// The event, data source or action name; the property name for journey properties.
    public var source: String { storage.source }
    /// The field group, for data sources only.
    public var fieldGroup: String? { storage.fieldGroup }
    /// The path of the field below the source (below the field group for data sources).
    public var path: [String] { storage.path }
    /// The data source parameters (`params: {…}`), in written order.
    public var parameters: [ReferenceParameter] { storage.parameters }
    /// A stable 64-bit hash of kind, source, field group and path (not parameters), computed once,
    /// so that contexts can index field values without hashing strings at evaluation time
    /// (see `FieldValueIndex`).
    public var fingerprint: UInt64 { storage.fingerprint }
    /// An unambiguous text of kind, source, field group and path (each part length-prefixed),
    /// computed once: one string comparison tells whether two references read the same field.
    package var key: String { storage.key }

    /// Creates a reference.
    public init(
        kind: Kind, source: String, fieldGroup: String? = nil, path: [String],
        parameters: [ReferenceParameter] = []
    ) {
        storage = Storage(kind: kind, source: source, fieldGroup: fieldGroup, path: path, parameters: parameters)
    }

    /// Same kind, source, field group, path and parameters.
    public static func == (lhs: FieldReference, rhs: FieldReference) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.fingerprint == rhs.fingerprint && lhs.kind == rhs.kind && lhs.source == rhs.source
                && lhs.fieldGroup == rhs.fieldGroup && lhs.path == rhs.path && lhs.parameters == rhs.parameters)
    }

    /// Hashes the fingerprint and the parameters.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
        hasher.combine(parameters)
    }

    /// Whether this is the status of a custom action (`@action{A.jo_status_code}`).
    public var isActionStatus: Bool { kind == .action && path == ["jo_status_code"] }

    /// The canonical key of a field: every part prefixed with its UTF-8 length.
    package static func key(kind: Kind, source: String, fieldGroup: String?, path: [String]) -> String {
        ([kind.rawValue, source, fieldGroup ?? ""] + path).map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// The fingerprint of a field: FNV-1a over its parts, never 0.
    public static func fingerprint(kind: Kind, source: String, fieldGroup: String?, path: [String]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        mix(kind.rawValue)
        mix(source)
        mix(fieldGroup ?? "")
        for segment in path { mix(segment) }
        return hash == 0 ? 1 : hash
    }
}
