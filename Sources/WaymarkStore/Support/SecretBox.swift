import Crypto
import Foundation

/// Seals and opens the secrets of configs (passwords, API keys, secret token-request fields)
/// with AES-256-GCM, so a store keeps them encrypted at rest. A sealed secret reads
/// `sealed:v1:<base64 of nonce, ciphertext and tag>`; text without that prefix is a secret
/// stored before sealing and opens as itself.
public struct SecretBox: Sendable {
    /// The prefix of a sealed secret.
    public static let sealedPrefix = "sealed:v1:"
    /// The length of a key in bytes (AES-256).
    public static let keyLength = 32

    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A box with a 32-byte key.
    public init(key bytes: [UInt8]) throws(StoreError) {
        guard bytes.count == Self.keyLength else {
            throw StoreError(.constraint, "a secret key has \(Self.keyLength) bytes, this one \(bytes.count)")
        }
        keyBytes = bytes
    }

    /// A box with a key given as base64 text (as in `WAYMARK_SECRET_KEY` or a key file).
    public init(base64 text: String) throws(StoreError) {
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw StoreError(.constraint, "the secret key is not base64 text")
        }
        try self.init(key: Array(bytes))
    }

    /// A new random key as base64 text.
    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The box whose key is in `path` (base64 text), creating the file with a new key, readable
    /// by its owner only, when it does not exist.
    public static func keyFile(at path: String) throws(StoreError) -> SecretBox {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) { return try SecretBox(base64: text) }
        let key = generateKey()
        let created = FileManager.default.createFile(
            atPath: path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw StoreError(.io, "cannot create the secret key file \(path)") }
        return try SecretBox(base64: key)
    }

    /// `secret` sealed (a new random nonce each time).
    public func seal(_ secret: String) throws(StoreError) -> String {
        do {
            guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else {
                throw StoreError(.io, "sealing a secret produced no output")
            }
            return Self.sealedPrefix + combined.base64EncodedString()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.io, "cannot seal a secret: \(error)")
        }
    }

    /// The secret in `stored`: opened when sealed, else `stored` itself.
    ///
    /// - Throws: `.corrupt` when the text is sealed with another key or damaged.
    public func open(_ stored: String) throws(StoreError) -> String {
        guard stored.hasPrefix(Self.sealedPrefix) else { return stored }
        guard let combined = Data(base64Encoded: String(stored.dropFirst(Self.sealedPrefix.count))),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plain = try? AES.GCM.open(box, using: key)
        else {
            throw StoreError(.corrupt, "a stored secret cannot be opened: it was sealed with another key, or is damaged")
        }
        return String(decoding: plain, as: UTF8.self)
    }
}
