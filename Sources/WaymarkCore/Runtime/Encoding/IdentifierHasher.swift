/// Hashes text piece by piece into the identifier `RuntimeHash.identifier(_:)` gives for the
/// pieces joined: an instance id costs no intermediate string.
struct IdentifierHasher {
    private var high = RuntimeHash.fnvBasis
    private var low: UInt64 = 0x6c62_272e_07bb_0142

    /// Appends the UTF-8 bytes of `text` to both hashes.
    mutating func combine(_ text: String) {
        var text = text
        var (high, low) = (self.high, self.low)
        text.withUTF8 { bytes in
            for byte in bytes {
                high = (high ^ UInt64(byte)) &* RuntimeHash.fnvPrime
                low = (low ^ UInt64(byte)) &* RuntimeHash.fnvPrime
            }
        }
        (self.high, self.low) = (high, low)
    }

    /// 32 lowercase hex digits of the two hashes, finished by SplitMix64.
    var identifier: String { RuntimeHash.identifier(high: RuntimeHash.splitMix(high), low: RuntimeHash.splitMix(low)) }
}
