import Foundation
import GRDB

/// Opens (or creates) `registry.sqlite` as a WAL `DatabasePool` and brings its schema up to date.
///
/// An existing file is first inspected read-only (`RegistryFileIdentity` reads its header; then a read-only
/// SQLite connection checks every page and the migrations): a file that is not ours, not SQLite, corrupt
/// or newer is refused before SQLite ever opens it for writing. A new registry is built under a temporary
/// name (application_id set while still in rollback-journal mode, so it reaches the main file's header;
/// then WAL) and linked into place without overwriting, so a crash never leaves a half-made registry.
enum RegistryDatabase {
    static func open(_ url: URL) throws(RegistryError) -> DatabasePool {
        if try RegistryFileIdentity.inspect(url) == .absent {
            try create(url)
        }
        guard try RegistryFileIdentity.inspect(url) == .registry else {
            throw RegistryError.notARegistry(path: url.path)
        }
        try inspectReadOnly(url)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.foreignKeysEnabled = true
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try RegistryMigrations.migrator.migrate(pool)
            return pool
        } catch {
            throw problem(error, url: url)
        }
    }

    /// Before anything may write: through a read-only connection, the application_id, the integrity of
    /// every page (`quick_check`) and that no migration is newer than this build's.
    private static func inspectReadOnly(_ url: URL) throws(RegistryError) {
        let verdict: (identifier: Int32, integrity: String, superseded: Bool)
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            verdict = try queue.read { db in
                let identifier = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let integrity = try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? ""
                return (identifier, integrity, try RegistryMigrations.migrator.hasBeenSuperseded(db))
            }
            try queue.close()
        } catch {
            throw problem(error, url: url)
        }
        guard verdict.identifier == RegistryFileIdentity.applicationID else { throw RegistryError.notARegistry(path: url.path) }
        guard verdict.integrity == "ok" else {
            throw RegistryError.unusableRegistry(path: url.path, reason: "the database is corrupt: \(verdict.integrity)")
        }
        guard !verdict.superseded else { throw RegistryError.newerRegistry(path: url.path) }
    }

    /// Builds an empty registry beside `url` and links it into place; another process that got there
    /// first wins, and its registry is used.
    private static func create(_ url: URL) throws(RegistryError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).new-\(UUID().uuidString)")
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary.path + suffix) }
        }
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(RegistryFileIdentity.applicationID)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch {
            throw problem(error, url: temporary)
        }
        try FileSync.file(at: temporary)
        if link(temporary.path, url.path) != 0 && errno != EEXIST {
            throw RegistryError.system(errno, path: url.path, doing: "create the registry")
        }
        try FileSync.folder(folder)
    }

    /// One line for a SQLite failure: a read-only or unopenable file is `readOnly`, the rest `unusableRegistry`.
    static func problem(_ error: any Error, url: URL) -> RegistryError {
        guard let error = error as? DatabaseError else {
            return .unusableRegistry(path: url.path, reason: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return .readOnly(path: url.path, reason: error.message ?? "read-only")
        case .SQLITE_NOTADB:
            return .notARegistry(path: url.path)
        case .SQLITE_CORRUPT:
            return .unusableRegistry(path: url.path, reason: "the database is corrupt")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unusableRegistry(path: url.path, reason: "the database stayed locked by another process")
        default:
            return .unusableRegistry(path: url.path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
