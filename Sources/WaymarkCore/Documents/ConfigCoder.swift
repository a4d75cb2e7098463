import Foundation

/// Decodes and encodes configs in their canonical JSON form.
public enum ConfigCoder {
    /// Decodes a config of type `T` from JSON bytes.
    ///
    /// - Throws: `ConfigDecodingError` naming the path of the problem.
    public static func decode<T: Decodable>(_ type: T.Type, from data: [UInt8]) throws(ConfigDecodingError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(data))
        } catch let error as DecodingError {
            throw ConfigDecodingError(error)
        } catch {
            throw ConfigDecodingError(path: "", message: "the document is not valid JSON")
        }
    }

    /// Decodes a config of type `T` from JSON data.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ConfigDecodingError) -> T {
        try decode(type, from: [UInt8](data))
    }

    /// Encodes a config in the canonical form: pretty-printed, keys sorted, defaults omitted.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
