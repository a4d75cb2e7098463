/// A person as journeys know them: an identity namespace and the id in it.
public struct ProfileKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identity namespace, e.g. `Email` or `CRM`.
    public var namespace: String
    /// The identifier in that namespace.
    public var id: String

    /// Creates a key.
    public init(namespace: String, id: String) {
        self.namespace = namespace
        self.id = id
    }

    /// `namespace:id`, the text partitions are hashed from.
    public var description: String { "\(namespace):\(id)" }

    /// The partition of this profile among `count` partitions: a stable hash (FNV-1a) of
    /// `namespace:id`, identical on every node and every run.
    public func partition(of count: Int) -> Int {
        precondition(count > 0, "partition count must be positive")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in description.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }
}
