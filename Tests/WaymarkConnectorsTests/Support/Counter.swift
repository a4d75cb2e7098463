import Synchronization

/// A count shared by concurrent handlers.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
