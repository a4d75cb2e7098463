import WaymarkCore

/// An event of a batch on its way to the inbox: its place in the results and its routes.
struct RoutedEvent: Sendable {
    /// The index of its result.
    let result: Int
    let event: ReceivedEvent
    let routes: [EventRoute]
    /// What the inbox keeps: the bytes as sent when they are the event itself, unchanged (a bare
    /// event with `_id` and `timestamp`), else the event object serialized.
    let payload: [UInt8]

    init(result: Int, event: ReceivedEvent, routes: [EventRoute], sent: [UInt8]) {
        self.result = result
        self.event = event
        self.routes = routes
        let unchanged = event.form == .experienceEvent && !event.idWasGenerated && !event.timestampWasDefaulted
        payload = unchanged ? sent : event.payload.serializedBytes()
    }
}
