extension Journey {
    /// A draft of the next major version, made from this (live) version: same graph, properties and id.
    public func newVersion(versionId: String? = nil) -> Journey {
        var next = self
        next.version = version.nextMajor
        next.versionId = versionId
        next.status = .draft
        return next
    }

    /// A copy as a new journey: another id and name, version 1.0, draft.
    public func duplicate(id: String, name: String) -> Journey {
        var copy = self
        copy.id = id
        copy.name = name
        copy.version = .initial
        copy.versionId = nil
        copy.status = .draft
        return copy
    }

    /// This journey with its name, description and node labels blanked: what an edit of a live version must keep.
    var withoutLabels: Journey {
        var copy = self
        copy.name = ""
        copy.description = nil
        for index in copy.nodes.indices { copy.nodes[index].label = nil }
        return copy
    }
}
