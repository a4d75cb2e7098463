/// String-keyed fields that keep their insertion order, with fast lookup.
///
/// Used for object values and JSON objects: rendering and inferred schemas keep the order the
/// user wrote. Small objects (most events and profiles) are two parallel arrays searched in
/// order — no hash table to allocate or hash into; a key index is built once an object grows
/// past `indexThreshold` keys.
public struct OrderedFields<Element: Hashable & Sendable>: Hashable, Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String]
    /// Values, in the order of `keys`.
    private var values: [Element]
    /// The position of each key, only for objects with more than `indexThreshold` keys.
    private var index: [String: Int]?

    /// Objects with up to this many keys are searched without an index.
    static var indexThreshold: Int { 12 }

    /// Creates fields from key/value pairs; a repeated key keeps its first place and last value.
    public init(_ pairs: [(String, Element)] = []) {
        keys = []
        values = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The position of `key` in `keys`.
    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// The value of `key`, or `nil` when there is no such key. Assigning `nil` removes the key.
    public subscript(key: String) -> Element? {
        get { position(of: key).map { values[$0] } }
        set {
            let existing = position(of: key)
            switch (existing, newValue) {
            case (let position?, let value?):
                values[position] = value
            case (nil, let value?):
                keys.append(key)
                values.append(value)
                if index != nil {
                    index![key] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
                }
            case (let position?, nil):
                keys.remove(at: position)
                values.remove(at: position)
                if index != nil {
                    index = keys.count > Self.indexThreshold
                        ? Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }) : nil
                }
            case (nil, nil):
                break
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: Element)] { Array(zip(keys, values)) }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether there are no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// Equal when they hold the same keys in the same order with equal values.
    public static func == (lhs: OrderedFields, rhs: OrderedFields) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
