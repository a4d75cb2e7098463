extension KeyedDecodingContainer {
    /// The error for a discriminator (`kind`, `type`, …) whose value is not one of the known ones.
    func unknownValue(_ value: String, forKey key: Key, of what: String, expected: String) -> DecodingError {
        DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "unknown \(what) \"\(value)\" (expected \(expected))")
    }
}
