/// The undo log of one memory-store write: every change records how to revert it, so a write
/// that fails half-way leaves the state as it was (atomicity without copying the state).
struct MemoryJournal<State> {
    private var undo: [(inout State) -> Void] = []

    /// Records how to revert the change just made.
    mutating func record(_ revert: @escaping (inout State) -> Void) {
        undo.append(revert)
    }

    /// Reverts every recorded change, newest first.
    func rollBack(_ state: inout State) {
        for revert in undo.reversed() { revert(&state) }
    }
}
