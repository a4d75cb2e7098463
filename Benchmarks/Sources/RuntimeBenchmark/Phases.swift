import BenchmarkSupport
import WaymarkCore

/// The three things the engine asks of the runtime per W1 person, each over every person:
/// entry, the wait's timer firing, the action's result. States pass from phase to phase as
/// the encoded bytes the engine stores.
struct Phases {
    let journey: RunnableJourney
    let events: [IncomingEvent]
    let profiles: [ProfileKey]
    /// Every person's encoded instance state, as the last phase left it.
    var states: [[UInt8]]
    /// The wait timer of each person (from the entry's effects).
    var timers: [TimerFiring] = []
    /// The action call of each person (from the timer's effects), answered with success.
    var results: [ExternalCallResult] = []

    init(people: Int) throws {
        journey = try W1Workload.journey()
        events = (0..<people).map(W1Workload.signedUp)
        profiles = (0..<people).map(W1Workload.profile)
        states = Array(repeating: [], count: people)
    }

    /// `JourneyInstance.enter` with the signed_up event, then `encoded` of the new instance.
    mutating func enter() -> Timing {
        let context = W1Workload.context(now: W1Workload.start)
        var firings: [TimerFiring?] = Array(repeating: nil, count: events.count)
        let timing = Timing.measure {
            for index in events.indices {
                guard case .entered(let instance, let effects) = JourneyInstance.enter(
                    journey, event: events[index], profile: profiles[index], previous: [], context: context)
                else { fatalError("person \(index) did not enter") }
                states[index] = instance.encoded
                firings[index] = Self.waitTimer(in: effects)
            }
        }
        timers = firings.map { $0! }
        return timing
    }

    /// Decodes each state, handles the wait's timer, encodes again.
    mutating func fireTimers() throws -> Timing {
        let context = W1Workload.context(now: W1Workload.start + W1Workload.hour)
        var calls: [String?] = Array(repeating: nil, count: events.count)
        let timing = try Timing.measure {
            for index in events.indices {
                var instance = try JourneyInstance(decoding: states[index])
                let effects = instance.handle(.timer(timers[index]), in: journey, context: context)
                states[index] = instance.encoded
                calls[index] = Self.callID(in: effects)
            }
        }
        results = calls.map { ExternalCallResult(callID: $0!, executionTime: 12, endpoint: "bench:", method: "POST") }
        return timing
    }

    /// Decodes each state, handles the action's result (the instance ends), encodes again.
    mutating func completeActions() throws -> Timing {
        let context = W1Workload.context(now: W1Workload.start + W1Workload.hour + 20)
        var ended = 0
        let timing = try Timing.measure {
            for index in events.indices {
                var instance = try JourneyInstance(decoding: states[index])
                let effects = instance.handle(.actionResult(results[index]), in: journey, context: context)
                states[index] = instance.encoded
                if !instance.isActive, effects.count == 4 { ended &+= 1 }  // 2 steps, cancel global timer, end
            }
        }
        precondition(ended == events.count, "only \(ended) of \(events.count) instances ended after their action")
        return timing
    }

    private static func waitTimer(in effects: [RuntimeEffect]) -> TimerFiring? {
        for case .scheduleTimer(let timer) in effects where timer.payload.purpose == .waitEnd {
            return TimerFiring(timerID: timer.id, payload: timer.payload)
        }
        return nil
    }

    private static func callID(in effects: [RuntimeEffect]) -> String? {
        for case .externalCall(let call) in effects { return call.id }
        return nil
    }
}
