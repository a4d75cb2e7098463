/// A position on the canvas.
public struct CanvasPosition: Codable, Hashable, Sendable {
    /// Horizontal position: validation lists node issues by growing `x`.
    public var x: Double
    /// Vertical position.
    public var y: Double

    /// Creates a position.
    public init(x: Double = 0, y: Double = 0) {
        self.x = x
        self.y = y
    }
}
