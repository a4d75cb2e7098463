/// Where percentage splits and `random()` draw their numbers.
///
/// A draw is a function of a key (instance, node, step), so that replaying an input after a
/// crash takes the same path.
public protocol RandomSource: Sendable {
    /// A number in [0, 1) for `key`.
    func unit(for key: String) -> Double
}

/// A deterministic source: a 64-bit hash of a seed and the key. The default of the engine
/// (replays take the same path) and of tests.
public struct StableRandom: RandomSource {
    /// Mixed into every draw: change it to get another sequence.
    public var seed: UInt64

    /// Creates a source with a seed.
    public init(seed: UInt64 = 0) { self.seed = seed }

    /// A number in [0, 1): FNV-1a of the key, finished by SplitMix64 with the seed.
    public func unit(for key: String) -> Double {
        var mixed = RuntimeHash.fnv1a(key) ^ seed
        mixed = RuntimeHash.splitMix(mixed)
        return Double(mixed >> 11) / Double(UInt64(1) << 53)
    }
}

/// A source that ignores the key and draws from the system generator.
public struct SystemRandom: RandomSource {
    /// Creates a source.
    public init() {}

    /// A fresh random number in [0, 1).
    public func unit(for key: String) -> Double { Double.random(in: 0..<1) }
}
