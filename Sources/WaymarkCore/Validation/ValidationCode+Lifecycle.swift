extension ValidationCode {
    /// An edit of a live (or closed, stopped, finished) version that changes more than labels and descriptions.
    public static let versionReadOnly: ValidationCode = "ERR_VERSION_READ_ONLY"
    /// A status change the lifecycle does not allow (e.g. stopped → live).
    public static let invalidStatusChange: ValidationCode = "ERR_INVALID_STATUS_CHANGE"
}

extension ValidationCode {
    /// A saved config whose secret was sent redacted and is not stored: set it before its calls can authenticate.
    public static let secretMissing: ValidationCode = "WARN_SECRET_MISSING"
    /// A config that journey versions use cannot be deleted.
    public static let configInUse: ValidationCode = "ERR_CONFIG_IN_USE"
    /// Only finished versions and versions never published can be deleted.
    public static let versionNotDeletable: ValidationCode = "ERR_VERSION_NOT_DELETABLE"
    /// A new version cannot be created while a draft of the journey exists.
    public static let draftExists: ValidationCode = "ERR_DRAFT_EXISTS"
    /// A journey's status changes only through its lifecycle (test mode, publish, close, stop), not by saving it.
    public static let statusNotSaved: ValidationCode = "ERR_STATUS_NOT_SAVED"
}

extension ValidationCode {
    /// Test events for a version that is not in test mode.
    public static let notInTestMode: ValidationCode = "ERR_NOT_IN_TEST_MODE"
    /// More test profiles than one test-mode run takes (100).
    public static let testProfileLimit: ValidationCode = "ERR_TEST_PROFILE_LIMIT"
}
