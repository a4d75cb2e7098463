import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkLoopback

@Suite struct FetchTests {
    private static let membership = FieldGroup(name: "Membership", method: .get, path: "/members", cacheTTL: .minutes(10))
    private static let offers = FieldGroup(name: "Offers", method: .post, path: "/offers")

    /// Answers `/members` with the member id and `/offers` with the posted body.
    private static let handler: LoopbackServer.Handler = { request in
        switch request.path {
        case "/api/members": .json(#"{"tier":"gold","id":"\#(request.query("memberId") ?? "")"}"#)
        case "/api/offers": .json(#"{"received":\#(request.bodyText)}"#)
        default: .status(500)
        }
    }

    private func configuration(_ harness: Harness) -> Configuration {
        Fixture.dataSourceConfiguration(baseURL: harness.baseURL + "/api", groups: [Self.membership, Self.offers])
    }

    @Test func getAndPostGroupsInOneFetch() async throws {
        try await Harness.run(handler: Self.handler) { harness in
            let request = Fixture.fetchRequest([
                DataFetch(dataSource: "Loyalty", fieldGroup: "Membership", parameters: ["memberId": .string("m 1")]),
                DataFetch(dataSource: "Loyalty", fieldGroup: "Offers", parameters: ["memberId": .string("m1"), "limit": .int(2)]),
            ])
            let result = await harness.executor.execute(request, configuration: configuration(harness))
            #expect(result.succeeded)
            #expect(result.callCount == 2)
            #expect(result.response == Fixture.json(
                #"{"Loyalty.Membership":{"tier":"gold","id":"m 1"},"Loyalty.Offers":{"received":{"limit":2,"memberId":"m1"}}}"#))
            #expect(harness.recorder.on("/api/members").first?.method == "GET")
            #expect(harness.recorder.on("/api/offers").first?.method == "POST")
            #expect(harness.recorder.on("/api/offers").first?.header("idempotency-key") == nil)
        }
    }

    @Test func aFailingGroupFailsTheFetch() async throws {
        try await Harness.run(handler: { request in
            request.path == "/api/offers" ? .status(503) : await Self.handler(request)
        }) { harness in
            let request = Fixture.fetchRequest([
                DataFetch(dataSource: "Loyalty", fieldGroup: "Membership", parameters: ["memberId": .string("m1")]),
                DataFetch(dataSource: "Loyalty", fieldGroup: "Offers"),
            ])
            let result = await harness.executor.execute(request, configuration: configuration(harness))
            #expect(result.errorKind == .http)
            #expect(result.errorCode == "503")
            #expect(result.originError == "http")
            #expect(result.endpoint == harness.baseURL + "/api/offers")
        }
    }

    @Test func cachedWithinTheTTLPerParameters() async throws {
        let clock = VirtualClock(now: 1_800_000_000_000)
        try await Harness.run(clock: clock, handler: Self.handler) { harness in
            func fetch(_ member: String) async -> ExternalCallResult {
                let request = Fixture.fetchRequest([
                    DataFetch(dataSource: "Loyalty", fieldGroup: "Membership", parameters: ["memberId": .string(member)])
                ])
                return await harness.executor.execute(request, configuration: configuration(harness))
            }
            let first = await fetch("m1")
            let second = await fetch("m1")
            #expect(first.succeeded && second.succeeded)
            #expect(second.response == first.response)
            #expect(harness.recorder.count("/api/members") == 1)
            #expect(await fetch("m2").succeeded)
            #expect(harness.recorder.count("/api/members") == 2)
            clock.advance(by: 10 * 60_000 + 1)
            #expect(await fetch("m1").succeeded)
            #expect(harness.recorder.count("/api/members") == 3)
        }
    }

    @Test func groupsWithoutTTLAreNotCached() async throws {
        try await Harness.run(handler: Self.handler) { harness in
            let request = Fixture.fetchRequest([DataFetch(dataSource: "Loyalty", fieldGroup: "Offers")])
            _ = await harness.executor.execute(request, configuration: configuration(harness))
            _ = await harness.executor.execute(request, configuration: configuration(harness))
            #expect(harness.recorder.count("/api/offers") == 2)
        }
    }

    @Test func unknownGroupFailsWithoutACall() async throws {
        try await Harness.run(handler: Self.handler) { harness in
            let request = Fixture.fetchRequest([DataFetch(dataSource: "Loyalty", fieldGroup: "Nope")])
            let result = await harness.executor.execute(request, configuration: configuration(harness))
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "unknownFieldGroup")
            #expect(harness.recorder.all.isEmpty)
        }
    }

    @Test func endpointIsTheDataSourceOrigin() async throws {
        try await Harness.run(handler: Self.handler) { harness in
            let request = Fixture.fetchRequest([DataFetch(dataSource: "Loyalty", fieldGroup: "Offers")])
            #expect(harness.executor.endpoint(of: request, configuration: configuration(harness)) == harness.baseURL)
        }
    }
}
