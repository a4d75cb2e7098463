/// A day of the week.
public enum Weekday: String, Codable, Hashable, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}
