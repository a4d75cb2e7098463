/// The stable hashes the runtime derives ids and draws from.
enum RuntimeHash {
    /// The FNV-1a 64 offset basis.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64 prime.
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a 64 of the UTF-8 bytes of `text`, from `basis`.
    static func fnv1a(_ text: String, basis: UInt64 = fnvBasis) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= fnvPrime
        }
        return hash
    }

    /// The SplitMix64 finaliser: spreads the bits of `value`.
    static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// 32 lowercase hex digits from two independent 64-bit hashes of `text`.
    static func identifier(_ text: String) -> String {
        var hasher = IdentifierHasher()
        hasher.combine(text)
        return hasher.identifier
    }

    /// 32 lowercase hex digits: `high` then `low`.
    static func identifier(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            writeHex(high, into: buffer, at: 0)
            writeHex(low, into: buffer, at: 16)
            return 32
        }
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeHex(value, into: buffer, at: 0)
            return 16
        }
    }

    private static func writeHex(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<16 {
            let nibble = Int((value >> UInt64(60 - 4 * index)) & 0xf)
            buffer[start + index] = digits.utf8Start[nibble]
        }
    }
}
