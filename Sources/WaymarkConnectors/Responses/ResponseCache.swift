import Synchronization
import WaymarkCore

/// Field group answers kept for their group's `cacheTTL`, keyed by data source, field group and
/// the evaluated parameters; at most `capacity` answers, the least recently used dropped first.
final class ResponseCache: Sendable {
    /// What identifies one cached answer.
    struct Key: Hashable, Sendable {
        var dataSource: String
        var fieldGroup: String
        var parameters: [String: JSONValue]
    }

    private struct Entry {
        var value: JSONValue
        var expiresAt: Int64
    }

    private let entries: Mutex<LRUCache<Key, Entry>>

    /// Creates an empty cache.
    init(capacity: Int) {
        entries = Mutex(LRUCache(capacity: capacity))
    }

    /// The answer cached for `key`, if it has not expired at `now`.
    func value(for key: Key, now: Int64) -> JSONValue? {
        entries.withLock { entries in
            guard let entry = entries.value(for: key), entry.expiresAt > now else { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `key` until `expiresAt`.
    func insert(_ value: JSONValue, for key: Key, expiresAt: Int64) {
        entries.withLock { $0.insert(Entry(value: value, expiresAt: expiresAt), for: key) }
    }
}
