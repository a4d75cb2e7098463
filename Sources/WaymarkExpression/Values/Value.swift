/// A run-time value of the expression language.
///
/// Objects keep their key order (JSON rendering is stable). Lists carry no element type of
/// their own: the static type of the expression that produced them says what they hold.
public enum Value: Hashable, Sendable {
    case null
    case string(String)
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
    case dateOnly(LocalDate)
    case dateTimeOnly(LocalDateTime)
    case dateTime(ZonedDateTime)
    case duration(TimeSpan)
    case list([Value])
    case object(ObjectValue)
}

/// An object value: keys in insertion order with fast lookup.
public typealias ObjectValue = OrderedFields<Value>
