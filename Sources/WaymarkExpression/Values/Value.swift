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
public struct ObjectValue: Hashable, Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String]
    private var storage: [String: Value]

    /// Creates an object from key/value pairs; a repeated key keeps its last value.
    public init(_ pairs: [(String, Value)] = []) {
        keys = []
        storage = [:]
        for (key, value) in pairs { self[key] = value }
    }

    /// The value of `key`, or `nil` when the object has no such key.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if storage.updateValue(newValue ?? .null, forKey: key) == nil { keys.append(key) }
            if newValue == nil {
                storage[key] = nil
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }

    /// The number of keys.
    public var count: Int { keys.count }
}
