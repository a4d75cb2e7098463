/// String-keyed fields that keep their insertion order, with fast lookup.
///
/// Used for object values and JSON objects: rendering and inferred schemas keep the order the
/// user wrote.
public struct OrderedFields<Element: Hashable & Sendable>: Hashable, Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String]
    private var storage: [String: Element]

    /// Creates fields from key/value pairs; a repeated key keeps its first place and last value.
    public init(_ pairs: [(String, Element)] = []) {
        keys = []
        keys.reserveCapacity(pairs.count)
        storage = Dictionary(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The value of `key`, or `nil` when there is no such key. Assigning `nil` removes the key.
    public subscript(key: String) -> Element? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: Element)] { keys.map { ($0, storage[$0]!) } }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether there are no keys.
    public var isEmpty: Bool { keys.isEmpty }
}
