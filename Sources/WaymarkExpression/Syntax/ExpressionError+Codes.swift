extension ExpressionError.Code {
    /// The text is not a well-formed expression.
    public static let syntax = Self(rawValue: "ERR_EXPR_SYNTAX")
    /// A string literal has no closing quote.
    public static let unterminatedString = Self(rawValue: "ERR_EXPR_UNTERMINATED_STRING")
    /// A number does not fit its type (integers are signed 64-bit).
    public static let numberOutOfRange = Self(rawValue: "ERR_EXPR_NUMBER_RANGE")
    /// The expression is longer than the accepted limit.
    public static let tooLong = Self(rawValue: "ERR_EXPR_TOO_LONG")
    /// The expression nests deeper than the accepted limit.
    public static let tooDeep = Self(rawValue: "ERR_EXPR_TOO_DEEP")
    /// No function of that name exists.
    public static let unknownFunction = Self(rawValue: "ERR_EXPR_UNKNOWN_FUNCTION")
    /// A function or method does not accept arguments of these types or this number.
    public static let arguments = Self(rawValue: "ERR_EXPR_ARGUMENTS")
    /// A value has a type that does not fit where it is used.
    public static let type = Self(rawValue: "ERR_EXPR_TYPE")
    /// An event reference names an event that is not configured.
    public static let unknownEvent = Self(rawValue: "ERR_EXPR_UNKNOWN_EVENT")
    /// A reference names a field that its event, data source or action does not have.
    public static let unknownField = Self(rawValue: "ERR_EXPR_UNKNOWN_FIELD")
    /// A reference names a data source or field group that is not configured.
    public static let unknownDataSource = Self(rawValue: "ERR_EXPR_UNKNOWN_DATA_SOURCE")
    /// A reference names a custom action that is not configured.
    public static let unknownAction = Self(rawValue: "ERR_EXPR_UNKNOWN_ACTION")
    /// A `@journey{…}` reference names no journey property.
    public static let unknownProperty = Self(rawValue: "ERR_EXPR_UNKNOWN_PROPERTY")
    /// A `params:` key is not a declared parameter of the data source.
    public static let unknownParameter = Self(rawValue: "ERR_EXPR_UNKNOWN_PARAMETER")
    /// A method such as `.all` or `.entry` does not exist or does not apply to this value.
    public static let unknownMethod = Self(rawValue: "ERR_EXPR_UNKNOWN_METHOD")
    /// An argument that must be a constant (such as `inAudience`'s name) is computed.
    public static let notConstant = Self(rawValue: "ERR_EXPR_NOT_CONSTANT")
    /// `currentEventField` / `currentDataPackField` / `currentActionField` used where it means nothing.
    public static let currentField = Self(rawValue: "ERR_EXPR_CURRENT_FIELD")
    /// A value had a type at run time that the operation cannot use.
    public static let runtimeType = Self(rawValue: "ERR_EXPR_RUNTIME_TYPE")
    /// A context could not provide a value (for contexts to throw, e.g. a failed fetch).
    public static let runtime = Self(rawValue: "ERR_EXPR_RUNTIME")
    /// An evaluation context document (`--context` file) is malformed.
    public static let context = Self(rawValue: "ERR_EXPR_CONTEXT")
}
