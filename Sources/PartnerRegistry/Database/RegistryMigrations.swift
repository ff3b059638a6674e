import GRDB

/// The registry's schema as named migrations, applied in order, each in its own transaction.
/// Never edit a shipped migration: add a new one.
enum RegistryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 partners") { db in
            try db.create(table: "partner") { t in
                t.primaryKey("odsCode", .text)
                t.column("name", .text).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('applicant', 'approved', 'suspended', 'withdrawn')")
                t.column("access", .text).check(sql: "access IS NULL OR access IN ('read-only', 'write')")
                t.column("isaSha256", .text)
                t.column("isaPath", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v1 submissions") { db in
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("odsCode", .text).notNull().indexed().references("partner", onDelete: .restrict)
                t.column("bundleSha256", .text).notNull().unique().check(sql: "length(bundleSha256) = 64")
                t.column("receivedAt", .datetime).notNull()
                t.column("storedPath", .text).notNull()
                t.column("bytes", .integer).notNull().check(sql: "bytes >= 0")
            }
        }
        migrator.registerMigration("v1 verifications") { db in
            try db.create(table: "verification") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("submissionId", .integer).notNull().indexed().references("submission", onDelete: .restrict)
                t.column("odsCode", .text).notNull().references("partner", onDelete: .restrict)
                t.column("asOf", .datetime).notNull()
                t.column("level", .text).notNull().check(sql: "level IN ('offline', 'live')")
                t.column("decision", .text).notNull().check(sql: "decision IN ('eligible', 'not-eligible')")
                t.column("prerequisites", .jsonText).notNull()
                t.column("findings", .jsonText).notNull()
                t.column("reportSha256", .text).notNull()
                t.column("reportPath", .text).notNull()
                t.column("reverifyBy", .datetime)
                t.column("recordedAt", .datetime).notNull()
            }
            try db.create(index: "verification_by_partner", on: "verification", columns: ["odsCode", "id"])
        }
        migrator.registerMigration("v1 decisions") { db in
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("odsCode", .text).notNull().indexed().references("partner", onDelete: .restrict)
                t.column("action", .text).notNull()
                    .check(sql: "action IN ('approved', 'suspended', 'withdrawn', 'waived', 'waiver-revoked')")
                t.column("by", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("reason", .text).notNull()
                t.column("fromStatus", .text)
                t.column("toStatus", .text)
            }
        }
        migrator.registerMigration("v1 waivers") { db in
            try db.create(table: "waiver") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("odsCode", .text).notNull().indexed().references("partner", onDelete: .restrict)
                t.column("findingCode", .text).notNull()
                t.column("until", .datetime).notNull()
                t.column("reason", .text).notNull()
                t.column("approvedBy", .text).notNull()
                t.column("approvedAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
                t.column("revokedBy", .text)
            }
        }
        migrator.registerMigration("v2 tokens") { db in
            try db.create(table: "token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("role", .text).notNull().check(sql: "role IN ('organisation', 'steering-group')")
                t.column("odsCode", .text).indexed()
                t.column("salt", .text).notNull().check(sql: "length(salt) = 32")
                t.column("hash", .text).notNull().check(sql: "length(hash) = 64")
                t.column("issuedAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
                t.check(sql: "(role = 'organisation') = (odsCode IS NOT NULL)")
            }
        }
        // Named v3 so that it never clashes with v2 migrations made on other branches.
        migrator.registerMigration("v3 references") { db in
            try db.create(table: "reference") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull().check(sql: "kind IN ('dspt-register', 'ods-register')")
                t.column("name", .text).notNull()
                t.column("sha256", .text).notNull().check(sql: "length(sha256) = 64")
                t.column("rows", .integer).notNull().check(sql: "rows >= 0")
                t.column("bytes", .integer).notNull().check(sql: "bytes >= 0")
                t.column("importedAt", .datetime).notNull()
                t.column("storedPath", .text).notNull()
            }
            try db.create(index: "reference_by_list", on: "reference", columns: ["kind", "name", "importedAt"])
        }
        return migrator
    }
}
