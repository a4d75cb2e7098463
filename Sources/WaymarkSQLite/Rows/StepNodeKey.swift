import WaymarkCore

/// What a step event shares with every step of the same node of the same journey version: one
/// `step_nodes` row.
struct StepNodeKey: Hashable, Sendable {
    var journeyID: String
    var journeyVersionID: String
    var journeyVersionName: String
    var journeyVersion: String
    var nodeID: String
    var nodeName: String
    var nodeType: String
    var stepName: String
    var stepType: String

    init(_ event: StepEvent) {
        journeyID = event.journeyID
        journeyVersionID = event.journeyVersionID
        journeyVersionName = event.journeyVersionName
        journeyVersion = event.journeyVersion
        nodeID = event.nodeID
        nodeName = event.nodeName
        nodeType = event.nodeType
        stepName = event.stepName
        stepType = event.stepType
    }

    /// Whether `event` is at this node (strings of the same journey definition usually share
    /// their storage, so most comparisons end at the first word).
    func matches(_ event: StepEvent) -> Bool {
        nodeID == event.nodeID && journeyVersionID == event.journeyVersionID && nodeName == event.nodeName
            && nodeType == event.nodeType && stepName == event.stepName && stepType == event.stepType
            && journeyID == event.journeyID && journeyVersionName == event.journeyVersionName
            && journeyVersion == event.journeyVersion
    }

    /// The values in the column order of `step_nodes`.
    var columns: [String] {
        [journeyID, journeyVersionID, journeyVersionName, journeyVersion, nodeID, nodeName, nodeType, stepName, stepType]
    }
}
