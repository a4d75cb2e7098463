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

    /// 32 lowercase hex digits that sort by `instant` (milliseconds since the epoch, the first 11
    /// digits), then 84 bits of the hashes: ids made one after the other land next to each other
    /// in a B-tree index instead of at random pages.
    func identifier(orderedBy instant: Int64) -> String {
        let time = UInt64(clamping: max(0, instant)) & 0xfff_ffff_ffff
        return RuntimeHash.identifier(high: time << 20 | RuntimeHash.splitMix(high) >> 44, low: RuntimeHash.splitMix(low))
    }
}
