/// Field values indexed by `FieldReference.fingerprint`: a lookup hashes no string.
///
/// Contexts fill it once (e.g. from an event payload with `insertTree`) and answer each
/// reference with one probe of an open-addressing table. A hit is confirmed by comparing the
/// reference's canonical key (kind, source, field group and path), so a fingerprint collision
/// cannot mix fields.
public struct FieldValueIndex: Sendable {
    private struct Entry: Sendable {
        var fingerprint: UInt64
        var key: String
        var value: Value

        static let empty = Entry(fingerprint: 0, key: "", value: .null)
    }

    private var entries: ContiguousArray<Entry>
    private var count = 0

    /// Creates an empty index.
    public init() {
        entries = ContiguousArray(repeating: .empty, count: 16)
    }

    /// The value of the field a reference reads, or `nil` when the index does not hold it.
    public subscript(reference: FieldReference) -> Value? {
        guard let slot = slot(fingerprint: reference.fingerprint, key: reference.key) else { return nil }
        return entries[slot].value
    }

    /// The value of the field a reference reads, `.null` when the index does not hold it.
    public func value(of reference: FieldReference) -> Value {
        let mask = entries.count &- 1
        let fingerprint = reference.fingerprint
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let stored = entries[slot].fingerprint
            if stored == 0 { return .null }
            if stored == fingerprint, entries[slot].key == reference.key { return entries[slot].value }
            slot = (slot &+ 1) & mask
        }
    }

    private func slot(fingerprint: UInt64, key: String) -> Int? {
        let mask = entries.count &- 1
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        while entries[slot].fingerprint != 0 {
            if entries[slot].fingerprint == fingerprint, entries[slot].key == key { return slot }
            slot = (slot &+ 1) & mask
        }
        return nil
    }

    /// Stores the value of one field, replacing any previous one.
    public mutating func insert(_ value: Value, kind: FieldReference.Kind, source: String, fieldGroup: String? = nil, path: [String]) {
        insert(
            value, fingerprint: FieldReference.fingerprint(kind: kind, source: source, fieldGroup: fieldGroup, path: path),
            key: FieldReference.key(kind: kind, source: source, fieldGroup: fieldGroup, path: path))
    }

    private mutating func insert(_ value: Value, fingerprint: UInt64, key: String) {
        if let existing = slot(fingerprint: fingerprint, key: key) {
            entries[existing].value = value
            return
        }
        if (count + 1) * 2 > entries.count { grow() }
        let mask = entries.count &- 1
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        while entries[slot].fingerprint != 0 { slot = (slot &+ 1) & mask }
        entries[slot] = Entry(fingerprint: fingerprint, key: key, value: value)
        count += 1
    }

    /// Stores `root` and every field below it, walking objects (not lists), each under its path.
    public mutating func insertTree(_ root: Value, kind: FieldReference.Kind, source: String, fieldGroup: String? = nil) {
        var pending: [([String], Value)] = [([], root)]
        while let (path, value) = pending.popLast() {
            insert(value, kind: kind, source: source, fieldGroup: fieldGroup, path: path)
            guard case .object(let fields) = value else { continue }
            for (name, child) in fields.pairs { pending.append((path + [name], child)) }
        }
    }

    private mutating func grow() {
        let old = entries
        entries = ContiguousArray(repeating: .empty, count: old.count * 2)
        count = 0
        for entry in old where entry.fingerprint != 0 {
            insert(entry.value, fingerprint: entry.fingerprint, key: entry.key)
        }
    }
}
