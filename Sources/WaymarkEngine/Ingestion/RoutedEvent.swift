import WaymarkCore

/// An event of a batch on its way to the inbox: its place in the results and its routes.
struct RoutedEvent: Sendable {
    /// The index of its result.
    let result: Int
    let event: IncomingEvent
    let routes: [EventRoute]
}
