/// The catalogue of expression-language functions (filled by the function-library work).
enum StandardFunctions {
    /// Every function of the catalogue, keyed by name.
    static var all: [String: [FunctionOverload]] { [:] }

    /// Functions allowed only in authentication payloads.
    static var authenticationOnly: [String: [FunctionOverload]] { [:] }
}
