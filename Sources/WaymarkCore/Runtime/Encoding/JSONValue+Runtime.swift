extension JSONValue {
    /// An empty object's fields, made once: copying it is cheaper than building an empty one.
    static let noFields = OrderedFields<JSONValue>()
}
