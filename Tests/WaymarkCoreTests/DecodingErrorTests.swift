import Testing
@testable import WaymarkCore

/// Decoding errors name the path of the problem inside the document.
@Suite struct DecodingErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let json: String
        let path: String
        let message: String
        var testDescription: String { path.isEmpty ? message : path }
    }

    static func journey(_ nodes: String) -> String {
        #"{"kind":"journey","id":"j","name":"J","namespace":"Email","nodes":["# + nodes + "]}"
    }

    static let cases: [Case] = [
        Case(
            json: journey(#"{"id":"a","kind":"end"},{"id":"b","kind":"end"},{"id":"c","kind":"end"},{"id":"d","kind":"wait","wait":{"type":"duration","duration":"1 hour"}}"#),
            path: "nodes[3].wait.duration", message: "expected an ISO-8601 duration such as PT1H"),
        Case(json: journey(#"{"id":"a","kind":"teleport"}"#), path: "nodes[0].kind", message: "unknown node kind \"teleport\""),
        Case(json: journey(#"{"kind":"end"}"#), path: "nodes[0].id", message: "required setting is missing"),
        Case(json: journey(#"{"id":"a","kind":"end","transitions":[{"kind":"path","target":"b"}]}"#), path: "nodes[0].transitions[0].label", message: "required setting is missing"),
        Case(json: journey(#"{"id":"a","kind":"event","event":"x","timeout":12}"#), path: "nodes[0].timeout", message: "expected a string"),
        Case(json: journey(#"{"id":"a","kind":"condition","condition":{"type":"time","paths":[{"label":"x","from":"9h"}]}}"#), path: "nodes[0].condition.paths[0].from", message: "expected a time of day such as 09:30"),
        Case(json: #"{"kind":"journey","id":"j","name":"J","namespace":"Email","version":"v1"}"#, path: "version", message: "expected a version such as \"1.0\""),
        Case(json: #"{"kind":"journey","id":"j","name":"J","namespace":"Email","properties":{"startDate":"tomorrow"}}"#, path: "properties.startDate", message: "expected an ISO-8601 date-time"),
        Case(json: #"{"kind":"invoice"}"#, path: "kind", message: "unknown document kind \"invoice\""),
        Case(json: #"{"id":"x"}"#, path: "kind", message: "required setting is missing"),
        Case(json: #"{"kind":"event","id":"e","name":"bad-name","eventIDType":{"kind":"ruleBased","condition":"true"},"namespace":"Email"}"#, path: "name", message: "an event name has 1 to 30 letters"),
        Case(json: #"{"kind":"event","id":"e","name":"ok","eventIDType":{"kind":"magic"},"namespace":"Email"}"#, path: "eventIDType.kind", message: "unknown event ID type"),
        Case(json: #"{"kind":"event","id":"e","name":"ok","eventIDType":{"kind":"ruleBased","condition":"true"},"namespace":"Email","schema":[{"name":"a","type":"text"}]}"#, path: "schema[0].type", message: "unknown value \"text\""),
        Case(json: #"{"kind":"event","id":"e","name":"ok","eventIDType":{"kind":"ruleBased","condition":"true"},"namespace":"Email","schema":[{"name":"a","type":"string","fields":[{"name":"b","type":"string"}]}]}"#, path: "schema[0].fields", message: "only object and listObject fields have nested fields"),
        Case(json: #"{"kind":"event","id":"e","name":"ok","eventIDType":{"kind":"ruleBased","condition":"true"},"namespace":"Email","schema":[{"name":"a","type":"string","primaryIdentity":true},{"name":"b","type":"string","primaryIdentity":true}]}"#, path: "schema", message: "at most one field can be the primary identity"),
        Case(json: #"{"kind":"dataSource","name":"D","provider":"rest"}"#, path: "baseURL", message: "required setting is missing"),
        Case(json: #"{"kind":"dataSource","name":"D","provider":"rest","baseURL":"https://x","authentication":{"kind":"oauth"}}"#, path: "authentication.kind", message: "unknown authentication kind"),
        Case(json: #"{"kind":"dataSource","name":"D","provider":"rest","baseURL":"https://x","fieldGroups":[{"name":"G","method":"PUT"}]}"#, path: "fieldGroups[0].method", message: "a field group is fetched with GET or POST"),
        Case(json: #"{"kind":"action","name":"A","type":"custom","url":"https://x","payload":[{"name":"p","kind":"formula"}]}"#, path: "payload[0].kind", message: "unknown parameter kind"),
        Case(json: #"{"kind":"action","name":"A","type":"message","channel":"fax","template":"t"}"#, path: "channel", message: "unknown value \"fax\""),
        Case(json: #"{"kind":"journey","id":"j""#, path: "", message: "the document is not valid JSON"),
    ]

    @Test(arguments: cases)
    func errorNamesThePath(_ testCase: Case) {
        do {
            _ = try ConfigDocument.decode(from: Array(testCase.json.utf8))
            Issue.record("expected a decoding error")
        } catch {
            #expect(error.path == testCase.path)
            #expect(error.message.contains(testCase.message), "\(error.message)")
            #expect(error.description.hasPrefix(testCase.path))
        }
    }
}
