/// The element names usable inside a collection method's condition.
package enum CurrentElementName: String, Sendable, CaseIterable {
    case event = "currentEventField"
    case dataSource = "currentDataPackField"
    case action = "currentActionField"
}
