extension TypeChecker {
    /// Checks `@{…}`, `#{…}` and `@action{…}`: the field, its default value and its parameters.
    mutating func checkReference(_ syntax: ReferenceSyntax, at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        let type = try fieldType(of: syntax)
        let parameters = try checkParameters(of: syntax)
        let reference = FieldReference(
            kind: syntax.kind, source: syntax.source, fieldGroup: syntax.fieldGroup, path: syntax.path,
            parameters: parameters.map { ReferenceParameter(name: $0.name, value: $0.compiled) })
        if !references.contains(reference) { references.append(reference) }
        var thunk = ReferenceThunks.make(reference, parameters: parameters.map { ($0.name, $0.node.thunk) }, at: position)
        if let defaultSyntax = syntax.defaultValue {
            let fallback = try check(defaultSyntax)
            guard let unified = ValueType.unify(type, fallback.type), unified == type || type == .any else {
                throw ExpressionError(
                    .type,
                    "The default value must have the field's type, \(type.name); it is "
                        + "\(fallback.type.article) \(fallback.type.name).",
                    at: defaultSyntax.position)
            }
            let (field, fallbackThunk) = (thunk, fallback.widened(to: type).thunk)
            thunk = { frame throws(ExpressionError) in
                let value = try field(&frame)
                if case .null = value { return try fallbackThunk(&frame) }
                return value
            }
        }
        return CheckedNode(type: type, thunk: thunk, origin: syntax.kind)
    }

    /// The static type of a reference's field, or the precise error of what is unknown.
    private func fieldType(of syntax: ReferenceSyntax) throws(ExpressionError) -> ValueType {
        let lookup: FieldLookup
        switch syntax.kind {
        case .event:
            lookup = schema.eventFieldType(event: syntax.source, path: syntax.path)
        case .dataSource:
            lookup = schema.dataSourceFieldType(dataSource: syntax.source, fieldGroup: syntax.fieldGroup ?? "", path: syntax.path)
        case .action:
            let answer = schema.actionFieldType(action: syntax.source, path: syntax.path)
            if syntax.path == ["jo_status_code"], answer != .unknownSource { return .string }
            lookup = answer
        case .journey:
            lookup = .unknownSource
        }
        let pathStart = syntax.kind == .dataSource ? 2 : 1
        switch lookup {
        case .field(let type):
            return type
        case .unknownSource:
            let (code, what): (ExpressionError.Code, String) =
                switch syntax.kind {
                case .event: (.unknownEvent, "event")
                case .dataSource: (.unknownDataSource, "data source")
                default: (.unknownAction, "action")
                }
            throw ExpressionError(code, "There is no \(what) named '\(syntax.source)'.", at: syntax.segmentPositions[0])
        case .unknownFieldGroup:
            throw ExpressionError(
                .unknownDataSource,
                "The data source '\(syntax.source)' has no field group '\(syntax.fieldGroup ?? "")'.",
                at: syntax.segmentPositions[1])
        case .unknownField(let segment, let known):
            let index = min(max(segment, 0), syntax.path.count - 1)
            let name = syntax.path[index]
            let owner = index == 0 ? "'\(syntax.source)'" : "'\(syntax.path[..<index].joined(separator: "."))'"
            throw ExpressionError(
                .unknownField,
                "\(owner) has no field '\(name)'." + Suggestion.didYouMean(name, among: known),
                at: syntax.segmentPositions[pathStart + index])
        }
    }

    /// Checks `params: {…}`: only on data sources, declared names only.
    private mutating func checkParameters(of syntax: ReferenceSyntax)
        throws(ExpressionError) -> [(name: String, node: CheckedNode, compiled: CompiledExpression)]
    {
        guard let first = syntax.parameters.first else { return [] }
        guard syntax.kind == .dataSource else {
            throw ExpressionError(.syntax, "Only data source fields (#{…}) take 'params'.", at: first.position)
        }
        let declared = schema.dataSourceParameterNames(dataSource: syntax.source, fieldGroup: syntax.fieldGroup ?? "")
        var checked: [(name: String, node: CheckedNode, compiled: CompiledExpression)] = []
        for parameter in syntax.parameters {
            if let declared, !declared.contains(parameter.name) {
                throw ExpressionError(
                    .unknownParameter,
                    "The data source '\(syntax.source)' has no parameter '\(parameter.name)'."
                        + Suggestion.didYouMean(parameter.name, among: declared),
                    at: parameter.position)
            }
            let before = references.count
            let node = try check(parameter.value)
            let compiled = CompiledExpression(
                source: parameter.source, resultType: node.type, references: Array(references[before...]),
                constantValue: node.constant, thunk: node.thunk, runtimeExpectation: nil, identity: identity)
            checked.append((parameter.name, node, compiled))
        }
        return checked
    }

    /// Checks `@journey{name}`.
    mutating func checkJourneyProperty(_ name: String, at position: SourcePosition) throws(ExpressionError) -> CheckedNode {
        guard let property = JourneyProperty(rawValue: name) else {
            throw ExpressionError(
                .unknownProperty,
                "There is no journey property '\(name)'."
                    + Suggestion.didYouMean(name, among: JourneyProperty.allCases.map(\.rawValue)),
                at: position)
        }
        let reference = FieldReference(kind: .journey, source: name, path: [])
        if !references.contains(reference) { references.append(reference) }
        return CheckedNode(
            type: schema.journeyPropertyType(property), thunk: ReferenceThunks.make(reference, parameters: [], at: position))
    }

    /// Checks `currentEventField` / `currentDataPackField` / `currentActionField`.
    func checkCurrentElement(_ name: CurrentElementName, at position: SourcePosition) throws(ExpressionError) -> CheckedNode {
        guard let scope = scopes.last else {
            throw ExpressionError(
                .currentField,
                "'\(name.rawValue)' can only be used inside the condition of .all(), .first() or .last().",
                at: position)
        }
        let expected: CurrentElementName? =
            switch scope.origin {
            case .event: .event
            case .dataSource: .dataSource
            case .action: .action
            case .journey, nil: nil
            }
        if let expected, expected != name {
            throw ExpressionError(
                .currentField,
                "Inside this condition the element is called '\(expected.rawValue)', not '\(name.rawValue)'.",
                at: position)
        }
        let slot = scopes.count - 1
        return CheckedNode(
            type: scope.elementType, thunk: { frame throws(ExpressionError) in frame.elements[slot] },
            origin: scope.origin)
    }
}
