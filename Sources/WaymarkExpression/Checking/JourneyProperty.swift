/// A read-only property of the running journey instance, read with `@journey{name}`.
///
/// Names are those of the step-events reference; elapsed times are integers in milliseconds,
/// every other property is a string.
public enum JourneyProperty: String, Hashable, Sendable, CaseIterable {
    case journeyUID
    case journeyVersionUID
    case journeyVersionName
    case journeyVersionDescription
    case journeyVersion
    case instanceUID
    case externalKey
    case profileId
    case namespace
    case currentNodeId
    case currentNodeName
    case previousNodeId
    case previousNodeName
    case lastNodeUIDInError
    case lastNodeNameInError
    case lastNodeTypeInError
    case lastErrorCode
    case lastExecutedActionErrorCode
    case lastDataFetchErrorCode
    case lastActionExecutionElapsedTime
    case lastDataFetchElapsedTime

    /// The static type of the property: `integer` (milliseconds) for elapsed times, else `string`.
    public var valueType: ValueType {
        switch self {
        case .lastActionExecutionElapsedTime, .lastDataFetchElapsedTime: .integer
        default: .string
        }
    }
}
