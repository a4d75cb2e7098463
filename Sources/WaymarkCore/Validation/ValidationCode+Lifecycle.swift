extension ValidationCode {
    /// An edit of a live (or closed, stopped, finished) version that changes more than labels and descriptions.
    public static let versionReadOnly: ValidationCode = "ERR_VERSION_READ_ONLY"
    /// A status change the lifecycle does not allow (e.g. stopped → live).
    public static let invalidStatusChange: ValidationCode = "ERR_INVALID_STATUS_CHANGE"
}
