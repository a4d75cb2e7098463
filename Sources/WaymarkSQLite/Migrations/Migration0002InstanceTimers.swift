import GRDB
import WaymarkStore

/// Timers move into their instances: each instance row holds its timers (the shared encoding
/// of `[InstanceTimer]`), the earliest due instant of an active instance (`due_at`, indexed) and
/// how many timers wait on it; the `timers` table goes. Shipped: never edit, add a new
/// migration instead.
enum Migration0002InstanceTimers {
    static let identifier = "0002-instance-timers"

    /// The new columns. `due_at` and `timer_count` are set only for an active instance with
    /// timers (an ended instance may keep its list, but nothing of it is due or counted).
    static let addColumns = """
        ALTER TABLE instances ADD COLUMN timers BLOB CHECK (timers IS NULL OR length(timers) > 0);
        ALTER TABLE instances ADD COLUMN due_at INTEGER CHECK (due_at IS NULL OR is_active = 1);
        ALTER TABLE instances ADD COLUMN timer_count INTEGER NOT NULL DEFAULT 0
            CHECK (timer_count >= 0 AND (timer_count = 0) = (due_at IS NULL) AND (timer_count = 0 OR timers IS NOT NULL));
        """

    /// The waiting instances by due instant; the partition and the count ride along so due
    /// lookups filter partitions and `timerCount()` sums without reading the rows.
    static let index = """
        CREATE INDEX instances_by_due_at ON instances (due_at, partition, timer_count) WHERE due_at IS NOT NULL;
        """

    /// The timers of migration 0001 to fold, by instance row then due instant: the waiting ones
    /// (found by their instance's row or, when written before it, by its id), then the fired
    /// ones still in the inbox (kind `timer`, a kind that no longer exists). A fired timer has
    /// lost its instance; it goes back to the active instance of its person and partition whose
    /// id starts its timer id (`<instance id>/…`, the runtime's timer ids when 0001 shipped).
    /// Timers of no instance could never fire (the engine drops them as stale): not kept. A
    /// timer's own profile, if any, is not kept: a timer fires for its instance's person.
    static let timersToFold = """
        SELECT i.ref, i.is_active, t.timer_id, t.due_at, t.payload
        FROM timers t JOIN instances i ON i.ref = t.instance
        UNION ALL
        SELECT i.ref, i.is_active, t.timer_id, t.due_at, t.payload
        FROM timers t JOIN instances i ON i.instance_id = t.instance_id
        UNION ALL
        SELECT i.ref, i.is_active, b.event_id, b.received_at, b.payload
        FROM inbox b JOIN instances i ON i.profile_namespace = b.profile_namespace AND i.profile_id = b.profile_id
        WHERE b.kind = 'timer' AND i.is_active = 1 AND i.partition = b.partition
            AND substr(b.event_id, 1, length(i.instance_id) + 1) = i.instance_id || '/'
        ORDER BY 1, 4, 3
        """

    static func migrate(_ db: Database) throws {
        try db.execute(sql: addColumns)
        try foldTimers(db)
        try db.execute(sql: "DELETE FROM inbox WHERE kind = 'timer'; DROP TABLE timers;")
        try db.execute(sql: index)
    }

    /// Writes every instance's timers into its row.
    private static func foldTimers(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE instances SET timers = ?, due_at = ?, timer_count = ? WHERE ref = ?")
        var current: (reference: Int64, isActive: Bool)?
        var timers: [InstanceTimer] = []
        func flush() throws {
            guard let instance = current, !timers.isEmpty else { return }
            let columns = InstanceTimerColumns(timers, isActive: instance.isActive)
            try update.execute(arguments: [columns.encoded?.blob, columns.dueAt, columns.count, instance.reference])
        }
        let rows = try Row.fetchCursor(db, sql: timersToFold)
        while let row = try rows.next() {
            let reference: Int64 = try row.decode(atIndex: 0)
            if current?.reference != reference {
                try flush()
                current = (reference, try row.decode(Int?.self, atIndex: 1) == 1)
                timers = []
            }
            let id: String = try row.decode(atIndex: 2)
            guard !timers.contains(where: { $0.id == id }) else { continue }
            timers.append(InstanceTimer(id: id, dueAt: try row.decode(atIndex: 3), payload: try row.bytes(4)))
        }
        try flush()
    }
}
