/// The answer of a schema about a field reference: its type, or precisely what is unknown.
public enum FieldLookup: Hashable, Sendable {
    /// The field exists with this static type (`.any` when only known at run time).
    case field(ValueType)
    /// The event, data source or action itself is not configured.
    case unknownSource
    /// The data source exists but has no such field group.
    case unknownFieldGroup
    /// The source exists but `path[segment]` does not; `known` lists the names valid at that level.
    case unknownField(segment: Int, known: [String])
}
