import Testing
@testable import WaymarkCore

@Suite struct RuntimeEncodingTests {
    typealias F = RuntimeFixtures

    @Test func aWaitingW1InstanceRoundTripsInWellUnder300Bytes() throws {
        let journey = try F.runnable(F.w1)
        let (instance, _) = try F.enter(journey)
        let bytes = instance.encoded
        print("W1 waiting instance state: \(bytes.count) bytes")
        #expect(bytes.count < 300)
        #expect(try JourneyInstance(decoding: bytes) == instance)
    }

    @Test func everyPartOfTheStateRoundTrips() throws {
        var instance = JourneyInstance(
            instanceID: "i", journeyID: "j", journeyVersionID: "v", profile: F.person, externalKey: "other-key",
            enteredAt: F.t0, inTest: true, isReentrance: true)
        instance.waits = [WaitPoint(nodeID: "a", since: F.t0 + 5, timer: 3), WaitPoint(nodeID: "b", since: F.t0 + 6)]
        instance.pendingCall = PendingCall(nodeID: "send", kind: .fetch, sequence: 7, since: F.t0 + 9)
        instance.sequence = 9
        instance.lastStepSequence = 8
        instance.lastStepNodeID = "cond"
        instance.errorInfo.lastErrorCode = "http"
        instance.errorInfo.lastActionExecutionElapsedTime = 120
        instance.events["e"] = .object(OrderedFields([
            ("n", .null), ("b", .bool(true)), ("f", .bool(false)), ("i", .int(-42)), ("d", .double(1.5)),
            ("s", .string("é")), ("l", .array([.int(1), .string("x")])),
        ]))
        instance.actions["A"] = .object(OrderedFields([("jo_status_code", .string("http_200"))]))
        #expect(try JourneyInstance(decoding: instance.encoded) == instance)
        instance.endStatus = .instanceTimedout
        #expect(try JourneyInstance(decoding: instance.encoded) == instance)
    }

    @Test(arguments: [[UInt8](), [9], [1, 0, 200], [1, 0, 1, 65]])
    func malformedStateIsAClearError(bytes: [UInt8]) {
        #expect {
            _ = try JourneyInstance(decoding: bytes)
        } throws: { error in
            (error as? RuntimeError)?.code == .corruptData
        }
    }

    @Test func trailingBytesAreRejected() throws {
        let (instance, _) = try F.enter(try F.runnable(F.w1))
        #expect(throws: RuntimeError.self) { _ = try JourneyInstance(decoding: instance.encoded + [0]) }
    }

    @Test(arguments: TimerPurpose.allCases)
    func timerPayloadsRoundTrip(purpose: TimerPurpose) throws {
        let payload = TimerPayload(nodeID: "wait-1h", purpose: purpose)
        #expect(try TimerPayload(decoding: payload.encoded) == payload)
    }

    @Test func aTimerPayloadWithoutPurposeIsRejected() {
        #expect(throws: RuntimeError.self) { _ = try TimerPayload(decoding: [0, 65]) }
        #expect(throws: RuntimeError.self) { _ = try TimerPayload(decoding: []) }
    }

    @Test func callRequestsAndResultsRoundTrip() throws {
        let request = ExternalCallRequest(
            id: "i/send/3", kind: .action, instanceID: "i", journeyID: "j", journeyVersionID: "v", nodeID: "send",
            profile: F.person, actionName: "Welcome", payload: .object(OrderedFields([("email", .string("a@b.c"))])),
            dynamicPath: "/x", headers: ["B": "2", "A": "1"], query: ["q": "v"],
            fetches: [DataFetch(dataSource: "Loyalty", fieldGroup: "Membership", parameters: ["email": .string("a")])],
            timeout: 10_000, inTest: true)
        #expect(try ExternalCallRequest(decoding: request.encoded) == request)
        let result = ExternalCallResult(
            callID: "i/send/3", status: 503, response: .object(OrderedFields([("x", .int(1))])), errorKind: .http,
            errorCode: "503", executionTime: 42, waitTime: 7, originStartTime: 5, originTime: 30, originError: "timeout",
            originErrorCode: "504", endpoint: "https://x", method: "POST", callCount: 2)
        #expect(try ExternalCallResult(decoding: result.encoded) == result)
        let success = ExternalCallResult(callID: "c")
        #expect(try ExternalCallResult(decoding: success.encoded) == success)
    }

    @Test func malformedCallsAndResultsAreClearErrors() throws {
        let result = ExternalCallResult(callID: "c", status: 500, errorKind: .http)
        let request = ExternalCallRequest(
            id: "i/n/1", kind: .fetch, instanceID: "i", journeyID: "j", journeyVersionID: "v", nodeID: "n", profile: F.person)
        for bytes in [result.encoded, request.encoded] {
            for length in 0..<bytes.count {
                #expect(throws: RuntimeError.self) { _ = try ExternalCallResult(decoding: Array(bytes.prefix(length))) }
                #expect(throws: RuntimeError.self) { _ = try ExternalCallRequest(decoding: Array(bytes.prefix(length))) }
            }
        }
        #expect {
            _ = try ExternalCallResult(decoding: [2] + result.encoded.dropFirst())
        } throws: { error in
            "\(error)".contains("encoding version 2")
        }
    }
}

extension RuntimeEncodingTests {
    @Test func extremeTimesRoundTripWithoutTrapping() throws {
        var instance = JourneyInstance(
            instanceID: "i", journeyID: "j", journeyVersionID: "v", profile: RuntimeFixtures.person,
            externalKey: RuntimeFixtures.person.id, enteredAt: .max)
        instance.waits = [WaitPoint(nodeID: "w", since: .min)]
        #expect(try JourneyInstance(decoding: instance.encoded) == instance)
    }
}

extension RuntimeEncodingTests {
    @Test func everyTruncationOfAStateIsAnErrorNotACrash() throws {
        let (instance, _) = try RuntimeFixtures.enter(try RuntimeFixtures.runnable(RuntimeFixtures.w1))
        let bytes = instance.encoded
        for length in 0..<bytes.count {
            #expect(throws: RuntimeError.self) { _ = try JourneyInstance(decoding: Array(bytes.prefix(length))) }
        }
    }

    @Test func flippedBytesNeverCrashTheDecoder() throws {
        let (instance, _) = try RuntimeFixtures.enter(try RuntimeFixtures.runnable(RuntimeFixtures.w1))
        let bytes = instance.encoded
        var rejected = 0
        for position in 0..<bytes.count {
            for value: UInt8 in [0, 1, 0x7f, 0x80, 0xff] {
                var corrupted = bytes
                corrupted[position] = value
                if (try? JourneyInstance(decoding: corrupted)) == nil { rejected += 1 }
            }
        }
        // The point is that none of these crash; changes inside strings cannot be detected, structure ones are.
        #expect(rejected > 0)
    }
}
