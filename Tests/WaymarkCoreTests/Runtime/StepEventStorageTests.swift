import Foundation
import Testing
@testable import WaymarkCore

@Suite struct StepEventStorageTests {
    static func step() -> StepEvent {
        var step = StepEvent(
            eventID: "e", nodeID: "n", nodeName: "N", nodeType: "action", stepID: "i/s2", stepName: "N", stepType: "Action",
            stepStatus: .transitions, journeyID: "j", journeyVersionID: "j@1.0", journeyVersionName: "J", journeyVersion: "1.0",
            instanceID: "i", externalKey: "k", timestamp: 5, profileID: "p", profileNamespace: "Email")
        step.parentStepID = "i/s1"
        step.actionName = "A"
        step.fetchCount = 2
        return step
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.step()
        var copy = original
        #expect(copy == original)
        copy.actionName = "B"
        copy.entrance = true
        #expect(original.actionName == "A")
        #expect(!original.entrance)
        #expect(copy.actionName == "B")
        #expect(copy != original)
        copy.actionName = "A"
        copy.entrance = false
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)
    }

    @Test func keyPathsWriteThroughTheSharedStorage() {
        var step = Self.step()
        let path: WritableKeyPath<StepEvent, String?> = \.fetchError
        step[keyPath: path] = "http"
        #expect(step.fetchError == "http")
    }

    @Test func jsonKeepsTheFieldNamesAndRoundTrips() throws {
        let step = Self.step()
        let data = try JSONEncoder().encode(step)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: [
            "entrance", "reentrance", "instanceEnded", "eventID", "nodeID", "nodeName", "nodeType", "stepID", "stepName",
            "stepType", "stepStatus", "journeyID", "journeyVersionID", "journeyVersionName", "journeyVersion", "instanceID",
            "externalKey", "parentStepID", "inTest", "processingTime", "instanceType", "timestamp", "profileID",
            "profileNamespace", "actionName", "fetchCount",
        ]))
        #expect(object["actionType"] == nil)
        #expect(object["stepStatus"] as? String == "transitions")
        #expect(try JSONDecoder().decode(StepEvent.self, from: data) == step)
    }
}
