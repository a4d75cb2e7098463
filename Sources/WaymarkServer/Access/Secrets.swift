import Crypto
import Foundation
import _CryptoExtras

/// Password hashes in the form `pbkdf2-sha256$<rounds>$<salt>$<hash>` (base64), and bearer
/// secrets with their SHA-256.
enum Secrets {
    /// PBKDF2 rounds for new hashes.
    static let rounds = 100_000

    /// The hash of a new password, with a random salt.
    static func hash(password: String) -> String {
        let salt = randomBytes(16)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(derive(password, salt: salt, rounds: rounds).base64EncodedString())"
    }

    /// Whether `password` matches `stored` (compared in constant time).
    static func verify(password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return false }
        let actual = derive(password, salt: Array(salt), rounds: rounds)
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new bearer secret: `prefix` then 32 random bytes, base64url.
    static func newToken(prefix: String) -> String {
        prefix + Data(randomBytes(32)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a bearer secret, hex: what the store keeps.
    /// (Every authenticated request computes one: written byte by byte, not with `String(format:)`,
    /// which cost a sixth of a single-event request.)
    static func digest(_ secret: String) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(secret.utf8)) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A random password of 20 characters.
    static func newPassword() -> String {
        String(newToken(prefix: "").prefix(20))
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) -> Data {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.map { $0.withUnsafeBytes { Data($0) } } ?? Data()
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
