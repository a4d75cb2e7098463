/// `inbox_accepted` again, with its kind checked by comparisons instead of an `IN` list: SQLite
/// builds an ephemeral table for an `IN` list of more than two constants at every execution of
/// an insert, and every accepted event is such an insert. Same columns, same rows. Shipped:
/// never edit, add a new migration instead.
enum Migration0003AcceptedKindCheck {
    static let identifier = "0003-accepted-kind-check"

    static let sql = """
        CREATE TABLE inbox_accepted_0003 (
            event_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'event' OR kind = 'actionResult' OR kind = 'fetchResult' OR kind = 'internalEvent'
                OR kind = 'timer'),
            PRIMARY KEY (event_id, kind)
        ) WITHOUT ROWID;
        INSERT INTO inbox_accepted_0003 (event_id, kind) SELECT event_id, kind FROM inbox_accepted ORDER BY event_id, kind;
        DROP TABLE inbox_accepted;
        ALTER TABLE inbox_accepted_0003 RENAME TO inbox_accepted;
        """
}
