extension Journey {
    /// Whether an event node of this version enters on or waits for the event named `name`.
    public func uses(event name: String) -> Bool {
        nodes.contains { if case .event(let event) = $0.activity { event.event == name } else { false } }
    }

    /// Whether an action node of this version runs the action named `name`.
    public func uses(action name: String) -> Bool {
        nodes.contains { if case .action(let action) = $0.activity { action.action == name } else { false } }
    }
}
