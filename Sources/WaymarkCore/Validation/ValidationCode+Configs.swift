extension ValidationCode {
    /// A data source, action or event name that expressions cannot refer to.
    public static let invalidName: ValidationCode = "ERR_INVALID_NAME"
    /// Two configs of one kind share a name (or two events an id, or two journey versions a number).
    public static let duplicateName: ValidationCode = "ERR_DUPLICATE_NAME"
    /// Two fields (or parameters) at one level share a name.
    public static let duplicateField: ValidationCode = "ERR_DUPLICATE_FIELD"
    /// Two field groups of a data source share a name.
    public static let duplicateFieldGroup: ValidationCode = "ERR_DUPLICATE_FIELD_GROUP"
    /// A URL that is not an absolute http(s) URL.
    public static let invalidURL: ValidationCode = "ERR_INVALID_URL"
    /// A payload on a call that sends none (a `GET` custom action).
    public static let payloadNotAllowed: ValidationCode = "ERR_PAYLOAD_NOT_ALLOWED"
    /// A header, query parameter or `GET` parameter that is not a single value.
    public static let invalidParameterType: ValidationCode = "ERR_INVALID_PARAMETER_TYPE"
    /// A cache or token duration that is not positive.
    public static let durationNotPositive: ValidationCode = "ERR_DURATION_NOT_POSITIVE"
    /// The profile store under another name, another provider named `ExperiencePlatform`, or no `ProfileFieldGroup`.
    public static let invalidProvider: ValidationCode = "ERR_INVALID_PROVIDER"
}
