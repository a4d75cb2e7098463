/// Reads typed members of a JSON object document, with errors naming the member.
struct JSONObjectReader {
    let fields: OrderedFields<JSONValue>
    let what: String

    init(bytes: [UInt8], what: String) throws(RuntimeError) {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw RuntimeError(.corruptData, "\(what) is not valid JSON: \(error)")
        }
        try self.init(document, what: what)
    }

    init(_ document: JSONValue, what: String) throws(RuntimeError) {
        guard case .object(let fields) = document else { throw RuntimeError(.corruptData, "\(what) must be a JSON object.") }
        self.fields = fields
        self.what = what
    }

    func string(_ key: String) throws(RuntimeError) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw RuntimeError(.corruptData, "\(what): '\(key)' must be a string.")
        }
    }

    func requiredString(_ key: String) throws(RuntimeError) -> String {
        guard let text = try string(key) else { throw RuntimeError(.corruptData, "\(what): '\(key)' is missing.") }
        return text
    }

    func int(_ key: String) throws(RuntimeError) -> Int64? {
        switch fields[key] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        default: throw RuntimeError(.corruptData, "\(what): '\(key)' must be an integer.")
        }
    }

    func bool(_ key: String) throws(RuntimeError) -> Bool {
        switch fields[key] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        default: throw RuntimeError(.corruptData, "\(what): '\(key)' must be true or false.")
        }
    }

    func object(_ key: String) throws(RuntimeError) -> OrderedFields<JSONValue> {
        switch fields[key] {
        case nil, .null?: return OrderedFields()
        case .object(let value)?: return value
        default: throw RuntimeError(.corruptData, "\(what): '\(key)' must be an object.")
        }
    }

    func strings(_ key: String) throws(RuntimeError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in try object(key).pairs {
            guard case .string(let text) = value else {
                throw RuntimeError(.corruptData, "\(what): '\(key).\(name)' must be a string.")
            }
            result[name] = text
        }
        return result
    }
}
