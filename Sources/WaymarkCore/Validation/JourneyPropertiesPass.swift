/// Journey-wide rules: name, namespace, dates, timeouts, re-entrance.
public struct JourneyPropertiesPass: JourneyValidationPass {
    /// The longest global timeout accepted (the successor product's 91 days).
    public static let maximumGlobalTimeout = ISODuration.days(91)

    /// Creates the pass.
    public init() {}

    public func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
        let journey = context.journey
        let properties = journey.properties
        var issues: [ValidationIssue] = []
        if journey.name.allSatisfy(\.isWhitespace) {
            issues.append(.error(.missingName, field: "name", "Give the journey a name."))
        }
        if journey.namespace.allSatisfy(\.isWhitespace) {
            issues.append(.error(.missingNamespace, field: "namespace", "Choose the identity namespace of the journey."))
        }
        if let start = properties.startDate, let end = properties.endDate, end <= start {
            issues.append(.error(.datesOrder, field: "properties.endDate", "The end date must come after the start date."))
        }
        if !JourneyProperties.externalCallTimeoutRange.contains(properties.externalCallTimeout) {
            issues.append(.error(
                .externalCallTimeoutRange, field: "properties.externalCallTimeout",
                "The timeout of external calls must be between 1 and 30 seconds (it is \(properties.externalCallTimeout))."))
        }
        if properties.globalTimeout <= ISODuration(milliseconds: 0) || properties.globalTimeout > Self.maximumGlobalTimeout {
            issues.append(.error(
                .globalTimeoutRange, field: "properties.globalTimeout",
                "The journey timeout must be positive and at most 91 days (it is \(properties.globalTimeout))."))
        }
        if properties.reentrance.waitPeriod < ISODuration(milliseconds: 0) {
            issues.append(.error(
                .reentranceWaitNegative, field: "properties.reentrance.waitPeriod",
                "The wait period before re-entrance cannot be negative."))
        }
        return issues
    }
}
