/// Reads what `BinaryWriter` wrote; every malformed input is a `RuntimeError` naming the offset.
package struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0
    private let what: String

    package init(_ bytes: [UInt8], what: String) {
        self.bytes = bytes
        self.what = what
    }

    package var isAtEnd: Bool { offset == bytes.count }

    private func corrupt(_ problem: String) -> RuntimeError {
        RuntimeError(.corruptData, "\(what) is corrupt at byte \(offset) of \(bytes.count): \(problem).")
    }

    package mutating func byte() throws(RuntimeError) -> UInt8 {
        guard offset < bytes.count else { throw corrupt("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    package mutating func varint() throws(RuntimeError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw corrupt("varint too long") }
            result |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    package mutating func int() throws(RuntimeError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    package mutating func uint32() throws(RuntimeError) -> UInt32 {
        let raw = try varint()
        guard let value = UInt32(exactly: raw) else { throw corrupt("number \(raw) too large") }
        return value
    }

    package mutating func count() throws(RuntimeError) -> Int {
        let raw = try varint()
        guard raw <= UInt64(bytes.count - offset) else { throw corrupt("count \(raw) beyond the data") }
        return Int(raw)
    }

    package mutating func string() throws(RuntimeError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// A length-prefixed run of raw bytes (`BinaryWriter.rawBytes(_:)`).
    package mutating func rawBytes() throws(RuntimeError) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    package mutating func optionalString() throws(RuntimeError) -> String? {
        try byte() == 0 ? nil : try string()
    }

    package mutating func optionalInt() throws(RuntimeError) -> Int64? {
        try byte() == 0 ? nil : try int()
    }

    package mutating func json(depth: Int = 0) throws(RuntimeError) -> JSONValue {
        guard depth < JSONValue.maximumDepth else { throw corrupt("JSON nested too deep") }
        switch try byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .int(try int())
        case 4:
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(try byte()) << (8 * UInt64(index)) }
            return .double(Double(bitPattern: bits))
        case 5: return .string(try string())
        case 6:
            let count = try count()
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try json(depth: depth + 1)) }
            return .array(items)
        case 7:
            let count = try count()
            var fields = OrderedFields<JSONValue>(minimumCapacity: count)
            for _ in 0..<count {
                let key = try string()
                fields[key] = try json(depth: depth + 1)
            }
            return .object(fields)
        case let tag: throw corrupt("unknown JSON tag \(tag)")
        }
    }
}
