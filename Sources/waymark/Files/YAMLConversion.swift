import WaymarkCore
import Yams

/// Turns a YAML document into the same `JSONValue` its JSON equivalent would give.
///
/// Mappings keep their key order; plain scalars take YAML's core-schema types (integer, float,
/// boolean, null); every other scalar, dates included, stays a string, as it would be in JSON.
enum YAMLConversion {
    /// Parses `yaml` into a JSON value.
    /// - Throws: `ConfigFileError` with the line and column of a YAML syntax error, or when a
    ///   mapping key is not a string or the document uses a feature JSON cannot hold.
    static func jsonValue(fromYAML yaml: String) throws(ConfigFileError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigFileError(message: "invalid YAML: \(describe(error))")
        } catch {
            throw ConfigFileError(message: "invalid YAML: \(error)")
        }
        guard let node else { return .null }
        return try convert(node, path: "")
    }

    private static func convert(_ node: Node, path: String) throws(ConfigFileError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, node: node)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try convert(element, path: "\(path)[\(index)]"))
            }
            return .array(elements)
        case .mapping(let mapping):
            var fields = OrderedFields<JSONValue>()
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigFileError(message: "\(path.isEmpty ? "document" : path): mapping keys must be plain strings")
                }
                let childPath = path.isEmpty ? keyScalar.string : "\(path).\(keyScalar.string)"
                fields[keyScalar.string] = try convert(value, path: childPath)
            }
            return .object(fields)
        case .alias:  // Yams expands aliases while composing; an unexpanded one cannot be resolved here.
            throw ConfigFileError(message: "\(path.isEmpty ? "document" : path): unresolved YAML alias")
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        if node.null != nil { return .null }
        if let bool = node.bool { return .bool(bool) }
        if let int = node.int { return .int(Int64(int)) }
        if let double = node.float, double.isFinite { return .double(double) }
        return .string(scalar.string)
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, let offset, _, _):
            return offset.map { "\(problem) at byte \($0)" } ?? problem
        default:
            return "\(error)"
        }
    }
}
