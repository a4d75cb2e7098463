/// One group of validation rules; `JourneyValidator` runs a list of passes and orders their issues.
///
/// Add a pass (for instance the expression checker, which compiles every `JourneyExpression`
/// of the context) by appending it to the validator's `passes`.
public protocol JourneyValidationPass: Sendable {
    /// The issues this pass finds, in any order.
    func issues(in context: JourneyValidationContext) -> [ValidationIssue]
}
