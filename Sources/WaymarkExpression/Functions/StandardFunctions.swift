/// The catalogue of expression-language functions.
///
/// Each concern lives in its own file (`StandardFunctions+String.swift`, `+Aggregation`,
/// `+Conversion`, `+Date`, `+List`, `+Math`) and declares its overloads with the vocabulary of
/// `StandardFunctions+Vocabulary.swift`.
enum StandardFunctions {
    /// Every function of the catalogue, keyed by name.
    static var all: [String: [FunctionOverload]] {
        catalogue(aggregationFunctions + conversionFunctions + dateFunctions + listFunctions
            + mathFunctions + stringFunctions + audienceFunctions)
    }

    /// Functions allowed only in authentication payloads.
    static var authenticationOnly: [String: [FunctionOverload]] { catalogue(authenticationFunctions) }
}
