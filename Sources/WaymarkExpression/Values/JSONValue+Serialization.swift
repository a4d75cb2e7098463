/// Compact, stable JSON serialization.
extension JSONValue {
    /// The compact JSON text: no spaces, keys in order, non-ASCII kept as UTF-8, `/` unescaped.
    /// Decimals keep a fraction or exponent (`12.0`) so they read back as decimals; infinities
    /// and NaN, which JSON cannot express, become `null`.
    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// The compact JSON text as UTF-8 bytes.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output)
        return output
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let bool): output += bool ? "true".utf8 : "false".utf8
        case .int(let int): output += String(int).utf8
        case .double(let double): output += (double.isFinite ? Self.render(double) : "null").utf8
        case .string(let string): JSONText.appendString(string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            output.append(UInt8(ascii: "{"))
            for (position, (key, value)) in zip(fields.keys, fields.values).enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A finite double as JSON: Swift's shortest round-trip form, with `.0` added to integral
    /// values written without a fraction or exponent.
    static func render(_ double: Double) -> String {
        let text = double.description
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) { return text }
        return text + ".0"
    }
}
