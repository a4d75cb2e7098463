/// A person who signs in to the web UI or the API with a password.
public struct UserRecord: Hashable, Sendable {
    /// The sign-in name (unique).
    public var name: String
    /// What the user may do.
    public var role: Role
    /// The password's hash (`PasswordHasher`'s format), never the password.
    public var passwordHash: String
    /// When the user was created, milliseconds since the epoch.
    public var createdAt: Int64

    /// Creates a user record.
    public init(name: String, role: Role, passwordHash: String, createdAt: Int64) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// A bearer credential: an API token (for automation and event sources) or a user's session.
public struct CredentialRecord: Hashable, Sendable {
    /// What kind of credential.
    public enum Kind: String, Hashable, Sendable {
        /// An API token, with its own role, valid until deleted.
        case apiToken
        /// A user's session, with the user's role, valid until it expires.
        case session
    }

    /// The SHA-256 of the secret (hex), never the secret.
    public var secretHash: String
    /// What kind of credential.
    public var kind: Kind
    /// The token's name, or the user's name for a session.
    public var name: String
    /// What it may do.
    public var role: Role
    /// When it was created, milliseconds since the epoch.
    public var createdAt: Int64
    /// When it stops working (sessions), milliseconds since the epoch.
    public var expiresAt: Int64?

    /// Creates a credential record.
    public init(secretHash: String, kind: Kind, name: String, role: Role, createdAt: Int64, expiresAt: Int64? = nil) {
        self.secretHash = secretHash
        self.kind = kind
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One line of the audit log: who did what to what, and when.
public struct AuditRecord: Hashable, Sendable {
    /// When, milliseconds since the epoch.
    public var at: Int64
    /// Who: `user:<name>` or `token:<name>`.
    public var actor: String
    /// What, e.g. `config.save`, `user.create`.
    public var action: String
    /// On what, e.g. `action CrmOrderSync`.
    public var target: String

    /// Creates an audit record.
    public init(at: Int64, actor: String, action: String, target: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
    }
}

/// Users, credentials and the audit log.
public protocol AccessStore: Sendable {
    /// Every user, by name.
    func users() async throws(StoreError) -> [UserRecord]
    /// One user.
    func user(named name: String) async throws(StoreError) -> UserRecord?
    /// Adds a user. - Throws: `.constraint` when the name is taken.
    func addUser(_ user: UserRecord) async throws(StoreError)
    /// Adds a credential.
    func addCredential(_ credential: CredentialRecord) async throws(StoreError)
    /// The credential whose secret has this hash, if any (expired ones included).
    func credential(secretHash: String) async throws(StoreError) -> CredentialRecord?
    /// Removes a credential (e.g. on sign-out).
    func removeCredential(secretHash: String) async throws(StoreError)
    /// Appends to the audit log.
    func audit(_ record: AuditRecord) async throws(StoreError)
    /// The audit log, newest first, at most `limit` lines.
    func auditLog(limit: Int) async throws(StoreError) -> [AuditRecord]
}
