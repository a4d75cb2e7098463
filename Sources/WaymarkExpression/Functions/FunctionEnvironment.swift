/// What functions may read from the running system: the clock, randomness, audiences.
///
/// The engine, the simulator and the CLI each provide one; `now` comes from an injected clock.
public protocol FunctionEnvironment {
    /// The current instant, with the zone that `now()` renders in.
    var now: ZonedDateTime { get }
    /// A random number in [0, 1).
    func randomUnit() -> Double
    /// A new random UUID string.
    func makeUUID() -> String
    /// Whether the current profile belongs to the named audience.
    func isInAudience(_ name: String) -> Bool
}
