/// The opening sigil of a field reference.
enum ReferenceOpener: String, Sendable, Equatable {
    case event = "@{"
    case explicitEvent = "@event{"
    case dataSource = "#{"
    case action = "@action{"
    case journey = "@journey{"
}
