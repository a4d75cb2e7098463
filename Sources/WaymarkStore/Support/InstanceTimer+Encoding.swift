import WaymarkCore

extension [InstanceTimer] {
    /// These timers with every one due later than `now` due at `now`; `nil` when none was later.
    package func expedited(to now: Int64) -> [InstanceTimer]? {
        guard contains(where: { $0.dueAt > now }) else { return nil }
        return map { InstanceTimer(id: $0.id, dueAt: Swift.min($0.dueAt, now), payload: $0.payload) }
    }

    /// The compact form backends store an instance's timers in: a count, then each timer's id,
    /// due instant and payload (varints and length-prefixed bytes).
    package var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.varint(UInt64(count))
        for timer in self {
            writer.string(timer.id)
            writer.int(timer.dueAt)
            writer.rawBytes(timer.payload)
        }
        return writer.bytes
    }

    /// Decodes what `encoded` wrote.
    /// - Throws: `StoreError` `corrupt` naming the instance when the bytes are malformed.
    package init(decoding bytes: [UInt8], instanceID: String) throws(StoreError) {
        var reader = BinaryReader(bytes, what: "the timers of instance \(instanceID)")
        do throws(RuntimeError) {
            var timers: [InstanceTimer] = []
            for _ in 0..<(try reader.count()) {
                timers.append(InstanceTimer(id: try reader.string(), dueAt: try reader.int(), payload: try reader.rawBytes()))
            }
            guard reader.isAtEnd else { throw RuntimeError(.corruptData, "the timers of instance \(instanceID) have trailing bytes.") }
            self = timers
        } catch {
            throw StoreError(.corrupt, error.message)
        }
    }
}
