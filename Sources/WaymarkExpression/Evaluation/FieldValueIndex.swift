/// Field values indexed by `FieldReference.fingerprint`: a lookup hashes no string.
///
/// Contexts fill it once (e.g. from an event payload with `insertTree`) and answer each
/// reference with one probe of an open-addressing table. Entries are verified against the
/// reference's kind, source, field group and path, so a fingerprint collision cannot mix fields.
public struct FieldValueIndex: Sendable {
    private struct Entry: Sendable {
        var fingerprint: UInt64
        var kind: FieldReference.Kind
        var source: String
        var fieldGroup: String?
        var path: [String]
        var value: Value

        static let empty = Entry(fingerprint: 0, kind: .event, source: "", fieldGroup: nil, path: [], value: .null)
    }

    private var entries: ContiguousArray<Entry>
    private var count = 0

    /// Creates an empty index.
    public init() {
        entries = ContiguousArray(repeating: .empty, count: 16)
    }

    /// The value of the field a reference reads, or `nil` when the index does not hold it.
    public subscript(reference: FieldReference) -> Value? {
        var found = false
        let value = lookup(reference, found: &found)
        return found ? value : nil
    }

    /// The value of the field a reference reads, `.null` when the index does not hold it.
    public func value(of reference: FieldReference) -> Value {
        var found = false
        return lookup(reference, found: &found)
    }

    /// One probe sequence: the value (`.null` when absent) and whether it was found.
    @inline(__always)
    private func lookup(_ reference: FieldReference, found: inout Bool) -> Value {
        let mask = entries.count &- 1
        let fingerprint = reference.fingerprint
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let stored = entries[slot].fingerprint
            if stored == 0 { return .null }
            if stored == fingerprint, entries[slot].kind == reference.kind, entries[slot].source == reference.source,
                entries[slot].path == reference.path, entries[slot].fieldGroup == reference.fieldGroup
            {
                found = true
                return entries[slot].value
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Stores the value of one field, replacing any previous one.
    public mutating func insert(_ value: Value, kind: FieldReference.Kind, source: String, fieldGroup: String? = nil, path: [String]) {
        if (count + 1) * 2 > entries.count { grow() }
        let fingerprint = FieldReference.fingerprint(kind: kind, source: source, fieldGroup: fieldGroup, path: path)
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        while entries[slot].fingerprint != 0 {
            let entry = entries[slot]
            if entry.fingerprint == fingerprint, entry.kind == kind, entry.source == source,
                entry.fieldGroup == fieldGroup, entry.path == path
            {
                entries[slot].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(fingerprint: fingerprint, kind: kind, source: source, fieldGroup: fieldGroup, path: path, value: value)
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
            insert(entry.value, kind: entry.kind, source: entry.source, fieldGroup: entry.fieldGroup, path: entry.path)
        }
    }
}
