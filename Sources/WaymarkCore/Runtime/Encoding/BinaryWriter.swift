/// Appends compact binary fields: LEB128 varints, zigzag integers, length-prefixed strings,
/// tagged JSON.
package struct BinaryWriter {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// A writer whose buffer holds `capacity` bytes before it grows.
    package init(capacity: Int) { bytes.reserveCapacity(capacity) }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    package mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package mutating func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    package mutating func string(_ value: String) {
        varint(UInt64(value.utf8.count))
        let copied: Void? = value.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: value.utf8) }
    }

    /// A length-prefixed run of raw bytes.
    package mutating func rawBytes(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    package mutating func optionalString(_ value: String?) {
        if let value {
            byte(1)
            string(value)
        } else {
            byte(0)
        }
    }

    package mutating func optionalInt(_ value: Int64?) {
        if let value {
            byte(1)
            int(value)
        } else {
            byte(0)
        }
    }

    package mutating func json(_ value: JSONValue) {
        switch value {
        case .null: byte(0)
        case .bool(let flag): byte(flag ? 2 : 1)
        case .int(let number):
            byte(3)
            int(number)
        case .double(let number):
            byte(4)
            var bits = number.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        case .string(let text):
            byte(5)
            string(text)
        case .array(let items):
            byte(6)
            varint(UInt64(items.count))
            for item in items { json(item) }
        case .object(let fields):
            byte(7)
            varint(UInt64(fields.count))
            for (key, value) in zip(fields.keys, fields.values) {
                string(key)
                json(value)
            }
        }
    }
}
