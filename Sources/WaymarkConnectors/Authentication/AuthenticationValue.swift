import WaymarkCore

/// The value of a token request field: the text itself, or what it gives when it is an
/// expression such as `encodeBase64("id:secret")`.
enum AuthenticationValue {
    /// `text` evaluated when it compiles as an expression reading no field; plain literals other
    /// than quoted strings (`0123`, `true`) and anything that does not compile stay as written.
    static func resolve(_ text: String, now: Int64) -> String {
        guard let context = try? JSONExpressionContext(document: .object(OrderedFields()), now: ZonedDateTime(epochMilliseconds: now)),
            let compiled = try? Expression.compile(text, schema: context, library: .authentication)
        else { return text }
        if let constant = compiled.constantValue {
            if case .string(let string) = constant { return string }
            return text
        }
        guard let value = try? compiled.evaluate(in: context) else { return text }
        return value.rendered
    }
}
