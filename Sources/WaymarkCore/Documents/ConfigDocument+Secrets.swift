extension ConfigDocument {
    /// This document with each redacted secret (`<redacted>`, as answered by the API and written
    /// by exports) put back from `stored`, the saved document of the same kind and name, so that
    /// a document read, edited and sent back keeps its secrets.
    ///
    /// Secrets are matched by position (the order `mappingSecrets` visits them). A redacted
    /// secret with no stored counterpart becomes empty and is named in `missing`: the document
    /// is saved, and its calls fail authentication until the secret is set.
    public func restoringRedactedSecrets(from stored: ConfigDocument?) -> (document: ConfigDocument, missing: Int) {
        var storedSecrets: [String] = []
        _ = stored?.mappingSecrets { secret in
            storedSecrets.append(secret)
            return secret
        }
        var position = 0
        var missing = 0
        let restored = mappingSecrets { secret in
            defer { position += 1 }
            guard secret == Authentication.redactedSecret else { return secret }
            guard position < storedSecrets.count, storedSecrets[position] != Authentication.redactedSecret else {
                missing += 1
                return ""
            }
            return storedSecrets[position]
        }
        return (restored, missing)
    }
}
