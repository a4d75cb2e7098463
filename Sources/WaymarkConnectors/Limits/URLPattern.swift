/// An endpoint rule's URL pattern, compiled: the literal pieces between its `*`s.
///
/// A URL matches when it starts with the first piece and the other pieces follow in order
/// (each `*` standing for any run of characters). Matching compares UTF-8 bytes, leftmost
/// occurrence first (which finds a match whenever there is one, since the pattern is only
/// anchored at the start).
struct URLPattern: Sendable {
    /// The literal pieces, in order; empty pieces removed except a leading one.
    private let pieces: [[UInt8]]
    /// The number of literal bytes: the pattern's specificity.
    let literalLength: Int

    init(_ pattern: String) {
        var pieces = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        let first = pieces.removeFirst()
        self.pieces = [first] + pieces.filter { !$0.isEmpty }
        literalLength = self.pieces.reduce(0) { $0 + $1.count }
    }

    /// Whether the URL whose UTF-8 bytes are `url` matches.
    func matches(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Self.occurs(pieces[0], in: url, at: 0) else { return false }
        var position = pieces[0].count
        for piece in pieces.dropFirst() {
            guard let found = Self.firstIndex(of: piece, in: url, from: position) else { return false }
            position = found + piece.count
        }
        return true
    }

    /// Where `piece` first occurs in `url` at or after `start`.
    private static func firstIndex(of piece: [UInt8], in url: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var candidate = start
        while candidate + piece.count <= url.count {
            if occurs(piece, in: url, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    /// Whether `piece` is in `url` at `offset`.
    private static func occurs(_ piece: [UInt8], in url: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard url.count - offset >= piece.count else { return false }
        return piece.withUnsafeBufferPointer { piece in
            var index = 0
            while index < piece.count {
                if piece[index] != url[offset + index] { return false }
                index += 1
            }
            return true
        }
    }
}
