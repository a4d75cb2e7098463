import Foundation
import WaymarkCore
import WaymarkStore

/// One person of the W1 benchmark (`signed_up` → condition → wait 1 h), with ids of realistic
/// sizes: the event's `_id` a random UUID (it comes from outside), the ids the engine makes
/// (instance, steps) time-ordered UUIDs (v7-like), which B-tree indexes take at their right edge
/// instead of at random pages. The instance waits on two timers, as the runtime's do: the 1 h
/// wait and the journey's global timeout 30 days after entry.
struct W1Sample {
    static let nodes: [[String]] = [
        ["signed_up", "Signed up", "event", "Signed up", "Event"],
        ["is_pro", "Plan is pro", "condition", "Plan is pro", "Condition"],
        ["wait_1h", "Wait 1 hour", "wait", "Wait 1 hour", "Timer"],
    ]
    static let start: Int64 = 1_800_000_000_000

    let number: Int
    let partition = 0
    let eventID: String
    let instanceID: String
    let stepIDs: [String]
    let profileID: String
    let now: Int64
    /// When the 1 h wait ends.
    var dueAt: Int64 { now + 3_600_000 }
    /// A runtime state of a plausible size (node, entered/waiting instants, a few variables).
    var state: [UInt8] { Array(repeating: UInt8(truncatingIfNeeded: number), count: 48) }
    /// The instance's timers, with the runtime's ids and payloads.
    var timers: [InstanceTimer] {
        [
            InstanceTimer(id: instanceID + "/t1", dueAt: dueAt, payload: TimerPayload(nodeID: "wait_1h", purpose: .waitEnd).encoded),
            InstanceTimer(
                id: instanceID + "/g", dueAt: now + 30 * 86_400_000,
                payload: TimerPayload(nodeID: "signed_up", purpose: .globalTimeout).encoded),
        ]
    }

    init(_ number: Int) {
        self.number = number
        eventID = Self.uuid(1, number)
        instanceID = Self.uuid(2, number, at: Self.start + Int64(number))
        stepIDs = (3...5).map { Self.uuid($0, number, at: Self.start + Int64(number)) }
        profileID = "person\(number)@example.com"
        now = Self.start + Int64(number)
    }

    /// A UUID-shaped id (36 characters) distinct per kind and number: random-looking like a v4
    /// UUID, or starting with the milliseconds of `instant` like a v7 UUID.
    private static func uuid(_ kind: Int, _ number: Int, at instant: Int64? = nil) -> String {
        var high = mix(UInt64(kind) << 40 ^ UInt64(number))
        let low = mix(high ^ 0x9E37_79B9_7F4A_7C15)
        if let instant { high = UInt64(instant) << 16 | UInt64(kind) << 12 | high & 0xFFF }
        let hex = hex(high) + hex(low)
        var id = ""
        id.reserveCapacity(36)
        for (index, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { id.append("-") }
            id.append(character)
        }
        return id
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// SplitMix64's finalizer.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    var profile: ProfileKey { ProfileKey(namespace: "Email", id: profileID) }

    var instance: InstanceRecord {
        InstanceRecord(
            instanceID: instanceID, journeyID: "w1", journeyVersionID: "w1-v1", profile: profile, partition: partition, isActive: true,
            state: state, enteredAt: now, updatedAt: now, timers: timers)
    }

    var stepEvents: [StepEvent] {
        (0..<3).map { index in
            let node = Self.nodes[index]
            var event = StepEvent(
                eventID: eventID, nodeID: node[0], nodeName: node[1], nodeType: node[2], stepID: stepIDs[index], stepName: node[3],
                stepType: node[4], stepStatus: index == 2 ? .transitions : .ended, journeyID: "w1", journeyVersionID: "w1-v1",
                journeyVersionName: "W1", journeyVersion: "1.0", instanceID: instanceID, externalKey: profileID, timestamp: now,
                profileID: profileID, profileNamespace: "Email")
            event.entrance = index == 0
            event.parentStepID = index == 0 ? nil : stepIDs[index - 1]
            return event
        }
    }
}
