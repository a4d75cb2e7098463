/// A config that could not be decoded: where (a path such as `nodes[3].wait.duration`) and why.
public struct ConfigDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path of the problem inside the document; empty for the document itself.
    public var path: String
    /// What is wrong, for the person who wrote the config.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone for the whole document.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// Renders a coding path as `nodes[3].wait.duration`.
    static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// Translates a `DecodingError` into a path and a message.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: Self.render(context.codingPath + [key]), message: "required setting is missing")
        case .valueNotFound(let type, let context):
            self.init(path: Self.render(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case .typeMismatch(let type, let context):
            self.init(path: Self.render(context.codingPath), message: "expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            let description = context.debugDescription
            if context.codingPath.isEmpty, context.underlyingError != nil || description.contains("not valid JSON") {
                self.init(path: "", message: "the document is not valid JSON")
            } else if description.hasPrefix("Cannot initialize"), let range = description.range(of: "invalid String value ") {
                // The message of a String-backed enum that does not know the value.
                self.init(path: Self.render(context.codingPath), message: "unknown value \"\(description[range.upperBound...])\"")
            } else {
                self.init(path: Self.render(context.codingPath), message: description)
            }
        @unknown default:
            self.init(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
