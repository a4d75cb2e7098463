/// String-keyed fields that keep their insertion order, with fast lookup.
///
/// Used for object values and JSON objects: rendering and inferred schemas keep the order the
/// user wrote.
///
/// Keys and values sit in two parallel arrays. Small objects (most events and responses) are
/// searched linearly, which beats hashing a string; past `linearSearchLimit` keys a dictionary
/// of positions is kept too. Every member is inlinable, so that other modules get code
/// specialized for their element type instead of generic code going through metadata.
public struct OrderedFields<Element: Hashable & Sendable>: Hashable, Sendable {
    @usableFromInline var orderedKeys: [String]
    @usableFromInline var orderedValues: [Element]
    /// Positions by key, only past `linearSearchLimit` keys.
    @usableFromInline var positions: [String: Int]?

    /// Up to this many keys, lookups compare keys one by one.
    @usableFromInline static var linearSearchLimit: Int { 8 }

    /// Creates fields from key/value pairs; a repeated key keeps its first place and last value.
    @inlinable
    public init(_ pairs: [(String, Element)] = []) {
        orderedKeys = []
        orderedValues = []
        positions = nil
        orderedKeys.reserveCapacity(pairs.count)
        orderedValues.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Creates empty fields with room for `minimumCapacity` keys before they grow.
    @inlinable
    public init(minimumCapacity: Int) {
        self.init()
        orderedKeys.reserveCapacity(minimumCapacity)
        orderedValues.reserveCapacity(minimumCapacity)
    }

    /// Keys in insertion order.
    @inlinable
    public var keys: [String] { orderedKeys }

    /// Values in the order of their keys.
    @inlinable
    public var values: [Element] { orderedValues }

    /// The value of `key`, or `nil` when there is no such key. Assigning `nil` removes the key.
    @inlinable
    public subscript(key: String) -> Element? {
        get { position(of: key).map { orderedValues[$0] } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    orderedValues[position] = newValue
                } else {
                    orderedKeys.remove(at: position)
                    orderedValues.remove(at: position)
                    indexPositions()
                }
            } else if let newValue {
                orderedKeys.append(key)
                orderedValues.append(newValue)
                if positions != nil {
                    positions![key] = orderedKeys.count - 1
                } else if orderedKeys.count > Self.linearSearchLimit {
                    indexPositions()
                }
            }
        }
    }

    /// Key/value pairs in insertion order.
    @inlinable
    public var pairs: [(key: String, value: Element)] { zip(orderedKeys, orderedValues).map { ($0, $1) } }

    /// The number of keys.
    @inlinable
    public var count: Int { orderedKeys.count }

    /// Whether there are no keys.
    @inlinable
    public var isEmpty: Bool { orderedKeys.isEmpty }

    /// Same keys in the same order, with the same values.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.orderedKeys == rhs.orderedKeys && lhs.orderedValues == rhs.orderedValues
    }

    /// Hashes the keys and values in order.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(orderedKeys)
        hasher.combine(orderedValues)
    }

    @inlinable
    func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return orderedKeys.firstIndex(of: key)
    }

    /// Builds the dictionary of positions when there are more keys than a linear search suits.
    @inlinable
    mutating func indexPositions() {
        guard orderedKeys.count > Self.linearSearchLimit else {
            positions = nil
            return
        }
        var positions = [String: Int](minimumCapacity: orderedKeys.count)
        for (position, key) in orderedKeys.enumerated() { positions[key] = position }
        self.positions = positions
    }
}
