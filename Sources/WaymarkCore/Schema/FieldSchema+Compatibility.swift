extension FieldSchema {
    /// The problems that stop `newer` from replacing this schema in a config used by a live journey.
    ///
    /// Allowed: new optional fields, new descriptions. Not allowed: a removed field, a field of
    /// another type, a field that becomes required, a new required field. Each problem is the
    /// dotted path of the field with what happened.
    package func incompatibilities(with newer: FieldSchema, prefix: String = "") -> [(path: String, problem: FieldChange)] {
        var problems: [(path: String, problem: FieldChange)] = []
        for old in fields {
            let path = prefix + old.name
            guard let new = newer.fields.first(where: { $0.name == old.name }) else {
                problems.append((path, .removed))
                continue
            }
            if new.type != old.type {
                problems.append((path, .typeChanged(from: old.type, to: new.type)))
            } else if new.required && !old.required {
                problems.append((path, .becameRequired))
            } else if new.primaryIdentity != old.primaryIdentity {
                problems.append((path, .identityChanged))
            } else {
                problems += FieldSchema(old.fields).incompatibilities(with: FieldSchema(new.fields), prefix: path + ".")
            }
        }
        for new in newer.fields where new.required && !fields.contains(where: { $0.name == new.name }) {
            problems.append((prefix + new.name, .requiredAdded))
        }
        return problems
    }

    /// What happened to a field between two versions of a schema.
    package enum FieldChange: Hashable, Sendable {
        case removed
        case typeChanged(from: FieldType, to: FieldType)
        case becameRequired
        case requiredAdded
        case identityChanged
    }
}
