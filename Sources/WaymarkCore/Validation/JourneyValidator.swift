/// Checks a journey against the rules of the baseline, with a list of passes.
///
/// Issues come ordered: journey-wide issues first, then the issues of each node, nodes taken
/// left to right on the canvas (then top to bottom); within one node, in the order passes found them.
public struct JourneyValidator: Sendable {
    /// The configuration the journey refers to.
    public var configuration: Configuration
    /// The passes run, in order.
    public var passes: [any JourneyValidationPass]

    /// The structural passes: properties, graph, node settings, references. None compiles expressions.
    public static let structuralPasses: [any JourneyValidationPass] = [
        JourneyPropertiesPass(), GraphStructurePass(), NodeSettingsPass(), ReferencePass(),
    ]

    /// Every pass: the structural ones, then the expression checker.
    public static let allPasses: [any JourneyValidationPass] = structuralPasses + [ExpressionCheckingPass()]

    /// Creates a validator; by default with every pass.
    public init(configuration: Configuration, passes: [any JourneyValidationPass] = allPasses) {
        self.configuration = configuration
        self.passes = passes
    }

    /// The issues of a journey, ordered.
    public func validate(_ journey: Journey) -> [ValidationIssue] {
        let context = JourneyValidationContext(journey: journey, configuration: configuration)
        let issues = passes.flatMap { $0.issues(in: context) }
        let order = Dictionary(
            journey.nodes.sorted(by: JourneyNode.canvasOrder).enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        func rank(_ issue: ValidationIssue) -> Int {
            guard let nodeId = issue.nodeId else { return -1 }
            return order[nodeId] ?? Int.max
        }
        return issues.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}
