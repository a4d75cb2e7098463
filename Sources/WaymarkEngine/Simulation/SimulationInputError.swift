/// Simulation input that cannot be used, naming the file and the line or element.
public struct SimulationInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and where, e.g. `events.ndjson line 3: no timestamp`.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
