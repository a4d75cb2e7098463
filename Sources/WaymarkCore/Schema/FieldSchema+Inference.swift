extension FieldSchema {
    /// Infers the fields of an example payload (an event, a field group response, an action response).
    ///
    /// Rules: `true`/`false` → boolean, integral numbers → integer, other numbers → decimal,
    /// strings → string (strings that look like dates stay strings: set the type by hand to
    /// get a date), objects → object with their fields, arrays → a list typed by the first
    /// element (arrays of objects merge the fields of all elements; an empty array, an array of
    /// arrays or of nulls → listString), `null` → string. Inferred fields are optional. A
    /// payload that is not an object has no fields.
    public static func inferred(from example: JSONValue) -> FieldSchema {
        guard case .object(let object) = example else { return FieldSchema() }
        return FieldSchema(object.pairs.map { inferField(named: $0.key, from: $0.value) })
    }

    private static func inferField(named name: String, from value: JSONValue) -> SchemaField {
        switch value {
        case .null, .string: return SchemaField(name: name, type: .string)
        case .bool: return SchemaField(name: name, type: .boolean)
        case .int: return SchemaField(name: name, type: .integer)
        case .double: return SchemaField(name: name, type: .decimal)
        case .object: return SchemaField(name: name, type: .object, fields: inferred(from: value).fields)
        case .array(let elements):
            let objects = elements.filter { if case .object = $0 { true } else { false } }
            if !objects.isEmpty {
                return SchemaField(name: name, type: .listObject, fields: merged(objects.map { inferred(from: $0) }))
            }
            guard let first = elements.first(where: { $0 != .null }) else {
                return SchemaField(name: name, type: .listString)
            }
            let element = inferField(named: name, from: first).type
            guard element != .object, let listType = element.listType else {
                return SchemaField(name: name, type: .listString)
            }
            return SchemaField(name: name, type: listType)
        }
    }

    private static func merged(_ schemas: [FieldSchema]) -> [SchemaField] {
        var result: [SchemaField] = []
        for schema in schemas {
            for field in schema.fields {
                if let index = result.firstIndex(where: { $0.name == field.name }) {
                    if result[index].type.hasFields && result[index].type == field.type {
                        result[index].fields = merged([FieldSchema(result[index].fields), FieldSchema(field.fields)])
                    }
                } else {
                    result.append(field)
                }
            }
        }
        return result
    }
}
