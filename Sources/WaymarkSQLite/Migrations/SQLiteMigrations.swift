import GRDB

/// The append-only list of schema migrations, in order.
enum SQLiteMigrations {
    /// A migrator with every migration registered.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(Migration0001InitialSchema.identifier) { db in
            try db.execute(sql: Migration0001InitialSchema.sql)
        }
        return migrator
    }
}
