/// A stable validation code: `ERR_…` for errors, `WARN_…` for warnings.
///
/// The codes of this module are listed as static constants; other passes (the expression
/// checker) add their own.
public struct ValidationCode: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The code text, e.g. `ERR_NO_ENTRY`.
    public var rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension ValidationCode {
    // Journey-wide
    /// The journey has no name.
    public static let missingName: ValidationCode = "ERR_MISSING_NAME"
    /// The journey has no identity namespace.
    public static let missingNamespace: ValidationCode = "ERR_MISSING_NAMESPACE"
    /// No event or audience node can start the journey.
    public static let noEntry: ValidationCode = "ERR_NO_ENTRY"
    /// The first node is not an event or audience node.
    public static let entryNotFirst: ValidationCode = "ERR_ENTRY_NOT_FIRST"
    /// Two nodes share an id.
    public static let duplicateNodeID: ValidationCode = "ERR_DUPLICATE_NODE_ID"
    /// More than 50 activities.
    public static let tooManyActivities: ValidationCode = "ERR_TOO_MANY_ACTIVITIES"
    /// The graph has a cycle.
    public static let loop: ValidationCode = "ERR_LOOP"
    /// The end date is not after the start date.
    public static let datesOrder: ValidationCode = "ERR_DATES_ORDER"
    /// The external-call timeout is outside 1–30 s.
    public static let externalCallTimeoutRange: ValidationCode = "ERR_EXTERNAL_CALL_TIMEOUT_RANGE"
    /// The global timeout is not positive or longer than 91 days.
    public static let globalTimeoutRange: ValidationCode = "ERR_GLOBAL_TIMEOUT_RANGE"
    /// The re-entrance wait period is negative.
    public static let reentranceWaitNegative: ValidationCode = "ERR_REENTRANCE_WAIT_NEGATIVE"

    // Graph
    /// A transition leads to a node that does not exist.
    public static let unknownTarget: ValidationCode = "ERR_UNKNOWN_TARGET"
    /// A transition kind the node cannot take (e.g. a timeout path without a timeout).
    public static let invalidTransition: ValidationCode = "ERR_INVALID_TRANSITION"
    /// The same transition kind (or path) twice.
    public static let duplicateTransition: ValidationCode = "ERR_DUPLICATE_TRANSITION"
    /// An action stands in parallel with other nodes.
    public static let parallelActions: ValidationCode = "ERR_PARALLEL_ACTIONS"
    /// Something other than events, reactions and waits stands in parallel.
    public static let invalidParallel: ValidationCode = "ERR_INVALID_PARALLEL"
    /// A read audience node that is not the entry.
    public static let readAudienceNotEntry: ValidationCode = "ERR_READ_AUDIENCE_NOT_ENTRY"
    /// A node nobody can reach from the entry (warning).
    public static let disconnectedNode: ValidationCode = "WARN_DISCONNECTED_NODE"

    // Node settings
    /// A mandatory setting of a node is missing.
    public static let unfinishedNode: ValidationCode = "ERR_UNFINISHED_NODE"
    /// An event, reaction or audience timeout is out of range.
    public static let timeoutRange: ValidationCode = "ERR_TIMEOUT_RANGE"
    /// A wait is not positive.
    public static let waitNotPositive: ValidationCode = "ERR_WAIT_NOT_POSITIVE"
    /// A wait is longer than 30 days.
    public static let waitTooLong: ValidationCode = "ERR_WAIT_TOO_LONG"
    /// A wait does not end before the journey's global timeout.
    public static let waitExceedsGlobalTimeout: ValidationCode = "ERR_WAIT_EXCEEDS_GLOBAL_TIMEOUT"
    /// Percentages of a split do not sum to 100 (or one is negative).
    public static let percentageSum: ValidationCode = "ERR_PERCENTAGE_SUM"
    /// Two paths of a condition share a label.
    public static let duplicatePathLabel: ValidationCode = "ERR_DUPLICATE_PATH_LABEL"
    /// A date period does not end after it starts.
    public static let datePeriodOrder: ValidationCode = "ERR_DATE_PERIOD_ORDER"
    /// A reading rate outside 500–20,000 profiles/s.
    public static let readRateRange: ValidationCode = "ERR_READ_RATE_RANGE"
    /// A profile cap below 1.
    public static let profileCapRange: ValidationCode = "ERR_PROFILE_CAP_RANGE"
    /// A jump to the journey itself.
    public static let jumpToSelf: ValidationCode = "ERR_JUMP_TO_SELF"

    // References
    /// An event name no config defines.
    public static let unknownEvent: ValidationCode = "ERR_UNKNOWN_EVENT"
    /// An action name no config defines.
    public static let unknownAction: ValidationCode = "ERR_UNKNOWN_ACTION"
    /// A data source name no config defines.
    public static let unknownDataSource: ValidationCode = "ERR_UNKNOWN_DATA_SOURCE"
    /// A field group the data source does not have.
    public static let unknownFieldGroup: ValidationCode = "ERR_UNKNOWN_FIELD_GROUP"
    /// A journey id no journey has.
    public static let unknownJourney: ValidationCode = "ERR_UNKNOWN_JOURNEY"
    /// A profile field `ProfileFieldGroup` does not have.
    public static let unknownProfileField: ValidationCode = "ERR_UNKNOWN_PROFILE_FIELD"
    /// A reaction to a node that is not an earlier message action.
    public static let unknownReactionTarget: ValidationCode = "ERR_UNKNOWN_REACTION_TARGET"
    /// An event or jump target in another namespace than the journey's.
    public static let namespaceMismatch: ValidationCode = "ERR_NAMESPACE_MISMATCH"
    /// A required variable of an action is not mapped.
    public static let missingParameter: ValidationCode = "ERR_MISSING_PARAMETER"
    /// A mapping for a variable the action does not have.
    public static let unknownParameter: ValidationCode = "ERR_UNKNOWN_PARAMETER"
    /// A dynamic path for an action that does not allow one.
    public static let dynamicPathNotAllowed: ValidationCode = "ERR_DYNAMIC_PATH_NOT_ALLOWED"

    // Version changes
    /// A setting of a config in use changed (only name, description and new fields are allowed).
    public static let configChangeNotAllowed: ValidationCode = "ERR_CONFIG_CHANGE_NOT_ALLOWED"
    /// A field of a config in use was removed.
    public static let fieldRemoved: ValidationCode = "ERR_FIELD_REMOVED"
    /// A field of a config in use changed type.
    public static let fieldTypeChanged: ValidationCode = "ERR_FIELD_TYPE_CHANGED"
    /// A field of a config in use became required, or a new required field appeared.
    public static let requiredFieldAdded: ValidationCode = "ERR_REQUIRED_FIELD_ADDED"
    /// The primary identity of an event in use moved.
    public static let identityChanged: ValidationCode = "ERR_IDENTITY_CHANGED"
    /// A new journey version changed its entry.
    public static let entryChanged: ValidationCode = "ERR_ENTRY_CHANGED"
    /// A new journey version changed its namespace.
    public static let namespaceChanged: ValidationCode = "ERR_NAMESPACE_CHANGED"
    /// A new journey version changed its re-entrance rule.
    public static let reentranceChanged: ValidationCode = "ERR_REENTRANCE_CHANGED"
    /// A new journey version is not numbered after the previous one, or is another journey.
    public static let versionOrder: ValidationCode = "ERR_VERSION_ORDER"
}
