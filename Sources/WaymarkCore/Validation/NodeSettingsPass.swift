/// Rules on the settings of each node: mandatory settings, timeouts, waits, paths, rates.
public struct NodeSettingsPass: JourneyValidationPass {
    /// Creates the pass.
    public init() {}

    public func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
        context.journey.nodes.flatMap { issues(of: $0, context) }
    }

    private func issues(of node: JourneyNode, _ context: JourneyValidationContext) -> [ValidationIssue] {
        var issues = Issues(node: node, globalTimeout: context.journey.properties.globalTimeout)
        switch node.activity {
        case .event(let event):
            issues.require(event.event, "event", "Choose the event to wait for.")
            issues.check(timeout: event.timeout, field: "timeout", within: nil)
        case .reaction(let reaction):
            issues.require(reaction.actionNode, "actionNode", "Choose the message to react to.")
            issues.require(reaction.reaction?.rawValue, "reaction", "Choose the reaction: sent, opened, clicked or failed.")
            issues.check(timeout: reaction.timeout, field: "timeout", within: ReactionActivity.timeoutRange)
        case .audienceQualification(let audience):
            issues.require(audience.audience, "audience", "Choose the audience.")
            issues.check(timeout: audience.timeout, field: "timeout", within: nil)
        case .readAudience(let read):
            issues.require(read.audience, "audience", "Choose the audience to read.")
            if !ReadAudienceActivity.rateRange.contains(read.rate) {
                issues.error(.readRateRange, "rate", "The reading rate must be between 500 and 20,000 profiles per second (it is \(read.rate)).")
            }
        case .condition(nil):
            issues.error(.unfinishedNode, "condition", "Set up the condition.")
        case .condition(let condition?):
            check(condition, &issues)
        case .wait(nil):
            issues.error(.unfinishedNode, "wait", "Set how long to wait.")
        case .wait(let wait?):
            check(wait, &issues)
        case .action(let action):
            issues.require(action.action, "action", "Choose the action to run.")
        case .jump(let jump):
            issues.require(jump.journey, "journey", "Choose the journey to jump to.")
            if jump.journey == context.journey.id {
                issues.error(.jumpToSelf, "journey", "A journey cannot jump to itself.")
            }
        case .updateProfile(let update):
            issues.require(update.field, "field", "Choose the profile field to update.")
            issues.require(update.value, "value", "Set the new value of the field.")
        case .end:
            break
        }
        return issues.list
    }

    private func check(_ condition: Condition, _ issues: inout Issues) {
        let labels = condition.pathLabels
        if case .profileCap(let cap) = condition {
            if cap < 1 { issues.error(.profileCapRange, "condition.cap", "The profile cap must be at least 1 (it is \(cap)).") }
            return
        }
        if labels.isEmpty { issues.error(.unfinishedNode, "condition.paths", "Add at least one path to the condition.") }
        for (index, label) in labels.enumerated() {
            if label.allSatisfy(\.isWhitespace) {
                issues.error(.unfinishedNode, "condition.paths[\(index)].label", "Give path \(index + 1) a label.")
            } else if labels[..<index].contains(label) {
                issues.error(.duplicatePathLabel, "condition.paths[\(index)].label", "Two paths are labelled \"\(label)\".")
            }
        }
        switch condition {
        case .dataSource(let paths):
            for (index, path) in paths.enumerated() {
                issues.require(path.expression, "condition.paths[\(index)].expression", "Write the condition of path \"\(path.label)\".")
            }
        case .time(let time):
            for (index, path) in time.paths.enumerated() {
                if (path.from == nil) != (path.to == nil) {
                    issues.error(.unfinishedNode, "condition.paths[\(index)]", "Give path \"\(path.label)\" both a start and an end hour.")
                } else if path.from == nil && path.days.isEmpty {
                    issues.error(.unfinishedNode, "condition.paths[\(index)]", "Give path \"\(path.label)\" an hour range or days of the week.")
                }
            }
        case .date(let paths):
            for (index, path) in paths.enumerated() {
                if path.periods.isEmpty {
                    issues.error(.unfinishedNode, "condition.paths[\(index)].periods", "Give path \"\(path.label)\" at least one period.")
                }
                for (periodIndex, period) in path.periods.enumerated() where period.to <= period.from {
                    issues.error(.datePeriodOrder, "condition.paths[\(index)].periods[\(periodIndex)]", "A period of path \"\(path.label)\" ends before it starts.")
                }
            }
        case .percentage(let paths):
            let total = paths.map(\.percentage).reduce(0, +)
            if !paths.isEmpty, abs(total - 100) > 0.000_1 || paths.contains(where: { $0.percentage < 0 }) {
                issues.error(.percentageSum, "condition.paths", "The percentages of the split must be positive and add up to 100 (they add up to \(total.formatted)).")
            }
        case .profileCap:
            break
        }
    }

    private func check(_ wait: Wait, _ issues: inout Issues) {
        switch wait {
        case .duration(let duration):
            if duration <= ISODuration(milliseconds: 0) {
                issues.error(.waitNotPositive, "wait.duration", "The wait must last more than zero.")
            } else if duration > Wait.maximumDuration {
                issues.error(.waitTooLong, "wait.duration", "A wait lasts at most 30 days (this one lasts \(duration)).")
            } else if duration >= issues.globalTimeout {
                issues.error(.waitExceedsGlobalTimeout, "wait.duration", "The wait must end before the journey times out (after \(issues.globalTimeout)).")
            }
        case .fixedDate:
            break
        case .custom(let expression):
            issues.require(expression, "wait.expression", "Write the expression of the date to wait for.")
        }
    }

    /// The issues of one node being collected.
    private struct Issues {
        let node: JourneyNode
        let globalTimeout: ISODuration
        var list: [ValidationIssue] = []

        mutating func error(_ code: ValidationCode, _ field: String, _ message: String) {
            list.append(.error(code, node: node.id, field: field, message))
        }

        mutating func require(_ value: String?, _ field: String, _ message: String) {
            if value?.allSatisfy(\.isWhitespace) ?? true { error(.unfinishedNode, field, message) }
        }

        /// A timeout must be positive, within `range` if given, and end before the global timeout.
        mutating func check(timeout: ISODuration?, field: String, within range: ClosedRange<ISODuration>?) {
            guard let timeout else { return }
            if let range, !range.contains(timeout) {
                error(.timeoutRange, field, "The timeout must be between \(range.lowerBound) and \(range.upperBound) (it is \(timeout)).")
            } else if timeout <= ISODuration(milliseconds: 0) || timeout >= globalTimeout {
                error(.timeoutRange, field, "The timeout must be positive and end before the journey times out (after \(globalTimeout)).")
            }
        }
    }
}

extension Double {
    /// The number without a trailing `.0` when it is whole.
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
