import Foundation
import Hummingbird
import Synchronization
import WaymarkStore

/// Who is calling: a user (by a session) or an API token, with the role's permissions.
public struct Principal: Hashable, Sendable {
    /// The user's or the token's name.
    public var name: String
    /// A user's session or an API token.
    public var kind: CredentialRecord.Kind
    /// What it may do.
    public var role: Role

    /// `user:<name>` or `token:<name>`, as the audit log writes it.
    public var actor: String { (kind == .session ? "user:" : "token:") + name }

    /// Throws `403` unless the role has `permission`.
    func require(_ permission: Permission) throws(APIError) {
        guard role.permissions.contains(permission) else {
            throw APIError(.forbidden, "ERR_FORBIDDEN", "the \(role.rawValue) role may not \(permission.rawValue)")
        }
    }
}

/// Sign-in, bearer credentials and the audit log, over an `AccessStore`. Credentials are looked
/// up by the SHA-256 of their secret and remembered for a few seconds.
final class AccessControl: Sendable {
    let store: any AccessStore
    let now: @Sendable () -> Int64
    /// How long a session lasts, milliseconds.
    static let sessionLifetime: Int64 = 12 * 3_600_000
    /// How long a looked-up credential is remembered, milliseconds.
    static let cacheLifetime: Int64 = 5_000
    /// Past this many remembered credentials, the expired ones are forgotten.
    static let cacheCapacity = 10_000
    private let cache = Mutex<[String: (principal: Principal?, until: Int64)]>([:])

    init(store: any AccessStore, now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.now = now
    }

    /// Creates the first administrator when there is no user yet.
    /// - Returns: its name and password (to print once), or `nil` when users exist.
    func bootstrap() async throws(StoreError) -> (name: String, password: String)? {
        guard try await store.users().isEmpty else { return nil }
        let password = Secrets.newPassword()
        try await store.addUser(UserRecord(name: "admin", role: .administrator, passwordHash: Secrets.hash(password: password), createdAt: now()))
        try await store.audit(AuditRecord(at: now(), actor: "system", action: "user.create", target: "admin (administrator, first start)"))
        return ("admin", password)
    }

    /// The principal of a request's `Authorization: Bearer …`.
    /// - Throws: `401` without a valid credential.
    func authenticate(_ request: Request) async throws(APIError) -> Principal {
        guard let secret = Self.bearer(request) else {
            throw APIError(.unauthorized, "ERR_UNAUTHENTICATED", "send Authorization: Bearer <API token or session token>")
        }
        let hash = Secrets.digest(secret)
        let now = now()
        if let cached = cache.withLock({ $0[hash] }), cached.until > now {
            guard let principal = cached.principal else { throw Self.invalidCredential }
            return principal
        }
        let credential: CredentialRecord?
        do {
            credential = try await store.credential(secretHash: hash)
        } catch {
            throw .unavailable("credentials cannot be read: \(error.message)")
        }
        var principal: Principal?
        if let credential, (credential.expiresAt ?? .max) > now {
            principal = Principal(name: credential.name, kind: credential.kind, role: credential.role)
        }
        cache.withLock { cache in
            // Unknown bearers are remembered too: forget the expired lines before the cache grows large.
            if cache.count >= Self.cacheCapacity { cache = cache.filter { $0.value.until > now } }
            cache[hash] = (principal, now + Self.cacheLifetime)
        }
        guard let principal else { throw Self.invalidCredential }
        return principal
    }

    /// Signs a user in: a new session token, or `401`.
    func signIn(name: String, password: String) async throws(APIError) -> (token: String, principal: Principal, expiresAt: Int64) {
        let user: UserRecord?
        do {
            user = try await store.user(named: name)
        } catch {
            throw .unavailable("users cannot be read: \(error.message)")
        }
        guard let user, Secrets.verify(password: password, against: user.passwordHash) else {
            throw APIError(.unauthorized, "ERR_UNAUTHENTICATED", "wrong name or password")
        }
        let token = Secrets.newToken(prefix: "wms_")
        let expiresAt = now() + Self.sessionLifetime
        let session = CredentialRecord(
            secretHash: Secrets.digest(token), kind: .session, name: user.name, role: user.role, createdAt: now(), expiresAt: expiresAt)
        try await write { () async throws(StoreError) in try await store.addCredential(session) }
        return (token, Principal(name: user.name, kind: .session, role: user.role), expiresAt)
    }

    /// Ends the session (or revokes the token) the request carries.
    func signOut(_ request: Request) async throws(APIError) {
        guard let secret = Self.bearer(request) else { return }
        let hash = Secrets.digest(secret)
        try await write { () async throws(StoreError) in try await store.removeCredential(secretHash: hash) }
        cache.withLock { $0[hash] = nil }
    }

    /// Creates a user.
    func createUser(name: String, role: Role, password: String, by actor: Principal) async throws(APIError) {
        guard !name.isEmpty, name.count <= 64 else { throw .badRequest("name: 1 to 64 characters", code: "ERR_USER") }
        guard password.count >= 12 else { throw .badRequest("password: at least 12 characters", code: "ERR_USER") }
        do {
            try await store.addUser(UserRecord(name: name, role: role, passwordHash: Secrets.hash(password: password), createdAt: now()))
        } catch {
            if error.code == .constraint { throw APIError(.conflict, "ERR_USER_EXISTS", "a user named \(name) exists") }
            throw .unavailable(error.message)
        }
        await record(actor, "user.create", "\(name) (\(role.rawValue))")
    }

    /// Creates an API token. - Returns: its secret (shown once).
    func createToken(name: String, role: Role, by actor: Principal) async throws(APIError) -> String {
        guard !name.isEmpty, name.count <= 64 else { throw .badRequest("name: 1 to 64 characters", code: "ERR_TOKEN") }
        let token = Secrets.newToken(prefix: "wm_")
        let credential = CredentialRecord(secretHash: Secrets.digest(token), kind: .apiToken, name: name, role: role, createdAt: now())
        try await write { () async throws(StoreError) in try await store.addCredential(credential) }
        await record(actor, "token.create", "\(name) (\(role.rawValue))")
        return token
    }

    /// Appends to the audit log; a failure to write it is not the caller's.
    func record(_ actor: Principal, _ action: String, _ target: String) async {
        try? await store.audit(AuditRecord(at: now(), actor: actor.actor, action: action, target: target))
    }

    /// The secret of `Authorization: Bearer <secret>`.
    /// (Read as bytes: every request passes here, and Foundation's trimming and lowercasing
    /// cost 5 % of a single-event request.)
    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        return bearer(in: header)
    }

    /// The secret of an `Authorization` value `Bearer <secret>` (the scheme in any case, spaces
    /// and tabs around the secret ignored).
    static func bearer(in header: String) -> String? {
        let bytes = Array(header.utf8)
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let start = bytes[scheme.count...].firstIndex(where: { !isBlank($0) }), let end = bytes.lastIndex(where: { !isBlank($0) })
        else { return nil }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }

    private func write(_ body: () async throws(StoreError) -> Void) async throws(APIError) {
        do {
            try await body()
        } catch {
            throw .unavailable(error.message)
        }
    }

    private static let invalidCredential = APIError(.unauthorized, "ERR_UNAUTHENTICATED", "the bearer token is unknown or expired")
}
