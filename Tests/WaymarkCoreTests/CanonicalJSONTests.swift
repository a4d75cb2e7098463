import Testing
@testable import WaymarkCore

/// Every config kind and node kind: decode → encode → decode is equal, and encoding is stable.
@Suite struct CanonicalJSONTests {
    static let documents: [String] = [
        #"{"kind":"event","id":"e1","name":"signup","eventIDType":{"kind":"systemGenerated","eventID":"abc"},"namespace":"Email","schema":[{"name":"email","type":"string","required":true,"primaryIdentity":true},{"name":"address","type":"object","fields":[{"name":"city","type":"string"}]},{"name":"tags","type":"listString"},{"name":"items","type":"listObject","fields":[{"name":"sku","type":"string"}]},{"name":"at","type":"dateTime"},{"name":"d","type":"dateOnly"},{"name":"l","type":"dateTimeOnly"},{"name":"p","type":"duration"},{"name":"n","type":"integer"},{"name":"x","type":"decimal"},{"name":"b","type":"boolean"}]}"#,
        #"{"kind":"event","id":"e2","name":"visit","description":"Store visit","unitary":true,"eventIDType":{"kind":"ruleBased","condition":"@event{visit.city} == \"Paris\""},"namespace":"CRM","key":"@event{visit.crmId}"}"#,
        #"{"kind":"dataSource","name":"ExperiencePlatform","provider":"experiencePlatform","fieldGroups":[{"name":"ProfileFieldGroup","fields":[{"name":"loyalty","type":"object","fields":[{"name":"tier","type":"string"}]}]}]}"#,
        #"{"kind":"dataSource","name":"Weather","provider":"rest","baseURL":"https://w.example.com","authentication":{"kind":"apiKey","name":"appid","value":"k","location":"query"},"fieldGroups":[{"name":"Now","path":"/now","parameters":[{"name":"city","type":"string"}],"examplePayload":{"temp":12.5,"rain":true},"cacheTTL":"PT10M"}]}"#,
        #"{"kind":"dataSource","name":"Basic","provider":"rest","baseURL":"https://b.example.com","authentication":{"kind":"basic","username":"u","password":"p"},"fieldGroups":[{"name":"G","method":"POST","fields":[{"name":"a","type":"string"}]}]}"#,
        #"{"kind":"dataSource","name":"Custom","provider":"rest","baseURL":"https://c.example.com","authentication":{"kind":"custom","endpoint":"https://auth.example.com/token","method":"GET","bodyKind":"json","body":[{"name":"id","value":"x"},{"name":"secret","value":"s","secret":true}],"tokenPath":"data.token","tokenUse":{"kind":"header","name":"X-Token"},"cacheDuration":"PT30M"}}"#,
        #"{"kind":"dataSource","name":"Custom2","provider":"rest","baseURL":"https://c.example.com","authentication":{"kind":"custom","endpoint":"https://auth.example.com/token","tokenUse":{"kind":"query","name":"t"},"expiryPath":"expires_in"}}"#,
        #"{"kind":"action","name":"Coupon","type":"custom","url":"https://c.example.com","dynamicPath":true,"method":"PUT","headers":[{"name":"X","kind":"constant","value":"1"},{"name":"Y","kind":"variable","type":"string","required":true}],"queryParameters":[{"name":"q","kind":"variable","type":"integer"}],"authentication":{"kind":"none"},"payload":[{"name":"c","kind":"constant","value":{"a":[1,2.5,null,true]}},{"name":"o","kind":"object","fields":[{"name":"v","kind":"variable","type":"listObject","fields":[{"name":"id","type":"string"}]}]}],"responseExample":{"code":"X"}}"#,
        #"{"kind":"action","name":"Mail","type":"message","channel":"email","template":"t1","fields":[{"name":"to","kind":"variable","type":"string","required":true}]}"#,
        #"{"kind":"action","name":"Sms","type":"message","channel":"sms","template":"t2"}"#,
        #"{"kind":"action","name":"Push","type":"message","channel":"push","template":"t3"}"#,
        Self.journey(nodes: Self.nodes.joined(separator: ",")),
        #"{"kind":"journey","id":"j2","name":"Props","namespace":"Email","version":"2.3","versionId":"v-23","status":"live","tags":["a","b"],"properties":{"reentrance":{"allowed":false,"waitPeriod":"PT1H"},"startDate":"2026-12-01T00:00:00Z","endDate":"2027-01-01T00:00:00+01:00","timeZone":{"kind":"profile","fallback":"Europe/Paris"},"externalCallTimeout":"PT5S","globalTimeout":"P91D"},"nodes":[]}"#,
    ]

    static let nodes: [String] = [
        #"{"id":"n1","kind":"event","label":"Entry","position":{"x":0,"y":0},"event":"signup","transitions":[{"kind":"next","target":"n2"}]}"#,
        #"{"id":"n2","kind":"event","position":{"x":1,"y":0},"event":"purchased","timeout":"PT24H","transitions":[{"kind":"next","target":"n3"},{"kind":"timeout","target":"n4"}]}"#,
        #"{"id":"n3","kind":"reaction","position":{"x":2,"y":0},"actionNode":"n9","reaction":"opened","timeout":"P2D"}"#,
        #"{"id":"n4","kind":"audienceQualification","position":{"x":3,"y":0},"audience":"VIP","behavior":"exit","timeout":"P1D"}"#,
        #"{"id":"n5","kind":"readAudience","position":{"x":4,"y":0},"audience":"All","rate":1000,"schedule":{"kind":"recurring","every":"P1D","start":"2026-12-01T08:00:00Z"}}"#,
        #"{"id":"n6","kind":"condition","position":{"x":5,"y":0},"condition":{"type":"dataSource","paths":[{"label":"Gold","expression":"true"}]},"transitions":[{"kind":"path","label":"Gold","target":"n7"},{"kind":"otherCases","target":"n8"}]}"#,
        #"{"id":"n7","kind":"condition","position":{"x":6,"y":0},"condition":{"type":"time","zone":"profile","paths":[{"label":"Office","from":"09:00","to":"18:00","days":["monday","friday"]}]}}"#,
        #"{"id":"n8","kind":"condition","position":{"x":7,"y":0},"condition":{"type":"date","paths":[{"label":"Sales","periods":[{"from":"2026-11-27T00:00:00Z","to":"2026-11-30T00:00:00Z"}]}]}}"#,
        #"{"id":"n9","kind":"condition","position":{"x":8,"y":0},"condition":{"type":"percentage","paths":[{"label":"A","percentage":50},{"label":"B","percentage":50}]}}"#,
        #"{"id":"n10","kind":"condition","position":{"x":9,"y":0},"condition":{"type":"profileCap","cap":10}}"#,
        #"{"id":"n11","kind":"wait","position":{"x":10,"y":0},"wait":{"type":"duration","duration":"PT1H"}}"#,
        #"{"id":"n12","kind":"wait","position":{"x":11,"y":0},"wait":{"type":"fixedDate","date":"2026-12-24T18:00:00Z"}}"#,
        #"{"id":"n13","kind":"wait","position":{"x":12,"y":0},"wait":{"type":"custom","expression":"now() + toDuration(\"PT1H\")"}}"#,
        #"{"id":"n14","kind":"action","position":{"x":13,"y":0},"action":"Coupon","parameters":{"email":"@event{signup.email}"},"headers":{"Y":"\"a\""},"query":{"q":"1"},"dynamicPath":"\"/x\"","transitions":[{"kind":"error","target":"n16"}]}"#,
        #"{"id":"n15","kind":"jump","position":{"x":14,"y":0},"journey":"other"}"#,
        #"{"id":"n16","kind":"updateProfile","position":{"x":15,"y":0},"field":"loyalty.tier","value":"\"gold\""}"#,
        #"{"id":"n17","kind":"end","position":{"x":16,"y":0}}"#,
        #"{"id":"n18","kind":"condition","position":{"x":17,"y":0}}"#,
        #"{"id":"n19","kind":"wait","position":{"x":18,"y":0}}"#,
        #"{"id":"n20","kind":"action","position":{"x":19,"y":0}}"#,
    ]

    static func journey(nodes: String) -> String {
        #"{"kind":"journey","id":"j1","name":"All nodes","namespace":"Email","nodes":["# + nodes + "]}"
    }

    @Test(arguments: documents)
    func documentRoundTrips(json: String) throws {
        try Fixtures.expectRoundTrip(ConfigDocument.self, json)
    }

    @Test(arguments: nodes)
    func nodeRoundTrips(json: String) throws {
        try Fixtures.expectRoundTrip(JourneyNode.self, json)
    }

    @Test func documentKindIsRecognised() throws {
        let kinds = try Self.documents.map { try Fixtures.decode($0, as: ConfigDocument.self).kind }
        #expect(Set(kinds) == ["event", "dataSource", "action", "journey"])
    }

    @Test func defaultsAreOmitted() throws {
        let journey = Journey(id: "j", name: "J", namespace: "Email", nodes: [Fixtures.node("e", x: 0, .event(EventActivity(event: "signup")))])
        let json = try Fixtures.encode(journey)
        #expect(!json.contains("properties"))
        #expect(!json.contains("tags"))
        #expect(json.contains(#""version" : "1.0""#))
        let custom = CustomAuthentication(endpoint: "https://a")
        let auth = try Fixtures.encode(Authentication.custom(custom))
        #expect(!auth.contains("cacheDuration"))
        #expect(!auth.contains("tokenUse"))
    }

    @Test func defaultsAreFilledIn() throws {
        let journey: Journey = try Fixtures.decode(#"{"id":"j","name":"J","namespace":"Email"}"#)
        #expect(journey.version == .initial)
        #expect(journey.status == .draft)
        #expect(journey.properties.reentrance == Reentrance(allowed: true, waitPeriod: .minutes(5)))
        #expect(journey.properties.externalCallTimeout == .seconds(30))
        #expect(journey.properties.globalTimeout == .days(30))
        #expect(journey.properties.timeZone == .fixed("UTC"))
        let read: JourneyNode = try Fixtures.decode(#"{"id":"r","kind":"readAudience","audience":"A"}"#)
        #expect(read.activity == .readAudience(ReadAudienceActivity(audience: "A", rate: 5_000, schedule: .once)))
        let cap: Condition = try Fixtures.decode(#"{"type":"profileCap"}"#)
        #expect(cap == .profileCap(1_000))
        let auth: Authentication = try Fixtures.decode(#"{"kind":"custom","endpoint":"https://a"}"#)
        #expect(auth == .custom(CustomAuthentication(endpoint: "https://a", method: .post, bodyKind: .form, tokenUse: .bearer, cache: .duration(.hours(1)))))
    }

    @Test func modelValuesEncodeAndDecodeBack() throws {
        for document in [ConfigDocument.event(Fixtures.signup), .action(Fixtures.coupon), .action(Fixtures.welcomeEmail),
                         .dataSource(Fixtures.loyalty), .dataSource(.experiencePlatform()), .journey(Fixtures.validJourney)] {
            let decoded: ConfigDocument = try Fixtures.decode(try Fixtures.encode(document))
            #expect(decoded == document)
        }
    }
}
