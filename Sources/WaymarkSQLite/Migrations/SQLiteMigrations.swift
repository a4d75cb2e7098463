import GRDB

/// The append-only list of schema migrations, in order.
package enum SQLiteMigrations {
    /// The identifiers of the migrations, in the order they apply.
    package static let identifiers = [
        Migration0001InitialSchema.identifier, Migration0002InstanceTimers.identifier, Migration0003AcceptedKindCheck.identifier,
        Migration0004StepEventGroups.identifier, Migration0005FailedCalls.identifier, Migration0006JourneyVersions.identifier,
        Migration0007Access.identifier,
    ]

    /// A migrator with every migration registered.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(Migration0001InitialSchema.identifier) { db in
            try db.execute(sql: Migration0001InitialSchema.sql)
        }
        migrator.registerMigration(Migration0002InstanceTimers.identifier, migrate: Migration0002InstanceTimers.migrate)
        migrator.registerMigration(Migration0003AcceptedKindCheck.identifier) { db in
            try db.execute(sql: Migration0003AcceptedKindCheck.sql)
        }
        migrator.registerMigration(Migration0004StepEventGroups.identifier) { db in
            try db.execute(sql: Migration0004StepEventGroups.sql)
        }
        migrator.registerMigration(Migration0005FailedCalls.identifier) { db in
            try db.execute(sql: Migration0005FailedCalls.sql)
        }
        migrator.registerMigration(Migration0006JourneyVersions.identifier) { db in
            try db.execute(sql: Migration0006JourneyVersions.sql)
        }
        migrator.registerMigration(Migration0007Access.identifier) { db in
            try db.execute(sql: Migration0007Access.sql)
        }
        return migrator
    }
}
