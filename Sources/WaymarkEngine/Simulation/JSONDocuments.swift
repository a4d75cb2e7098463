import WaymarkCore

/// Reads a file of JSON documents: a JSON array of them, or NDJSON (one per line, blank lines
/// skipped).
enum JSONDocuments {
    /// The documents with their place (`line 3`, `element 2`), in file order.
    static func parse(_ bytes: [UInt8], source: String) throws(SimulationInputError) -> [(place: String, json: JSONValue)] {
        let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstByte == UInt8(ascii: "[") {
            do {
                guard case .array(let elements) = try JSONValue(parsing: bytes) else { return [] }
                return elements.enumerated().map { ("element \($0.offset + 1)", $0.element) }
            } catch {
                throw SimulationInputError("\(source): not a JSON array (\(error))")
            }
        }
        var documents: [(String, JSONValue)] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            do {
                documents.append(("line \(index + 1)", try JSONValue(parsing: line)))
            } catch {
                throw SimulationInputError("\(source) line \(index + 1): not JSON (\(error))")
            }
        }
        return documents
    }
}
