/// Reads incoming events from bytes: JSON, size limit, the two accepted forms and the standard
/// ExperienceEvent fields. Pure: the id of an event without `_id` comes from `makeID`.
///
/// Accepted forms: a bare XDM ExperienceEvent (`_id`, `timestamp`, `identityMap`, `eventType`
/// and any fields) and the streaming envelope, whose event is `body.xdmEntity`. A top-level
/// object is an envelope when it has a `body` object holding `xdmEntity`, or a `header` and a
/// `body`.
public struct EventParser: Sendable {
    /// The default size limit of one event: 1 MB.
    public static let defaultMaximumEventBytes = 1_048_576

    /// The largest event accepted, in bytes.
    public var maximumEventBytes: Int

    /// Creates a parser with a size limit per event.
    public init(maximumEventBytes: Int = Self.defaultMaximumEventBytes) {
        self.maximumEventBytes = maximumEventBytes
    }

    /// Parses one event.
    ///
    /// - Parameters:
    ///   - bytes: the event's JSON text, UTF-8.
    ///   - receivedAt: the receive time (milliseconds since the epoch), the timestamp of an event without one.
    ///   - makeID: makes the `_id` of an event without one (the engine passes a random UUID).
    /// - Throws: `IngestionError` `tooLarge`, `malformedJSON` (with line and column) or
    ///   `invalidShape` (with the field path).
    public func parse(
        _ bytes: some Collection<UInt8>, receivedAt: Int64, makeID: () -> String
    ) throws(IngestionError) -> ReceivedEvent {
        guard bytes.count <= maximumEventBytes else {
            throw IngestionError(
                .tooLarge, "the event has \(bytes.count) bytes, more than the limit of \(maximumEventBytes) bytes")
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw IngestionError(.malformedJSON, "invalid JSON: \(error.problem)", line: error.line, column: error.column)
        }
        guard case .object(let root) = document else {
            throw IngestionError(
                .invalidShape,
                "an event must be a JSON object (an ExperienceEvent or a streaming envelope), found \(document.kindDescription)")
        }
        var (entity, form, schemaRef) = try Self.unwrap(root)
        let prefix = form == .envelope ? "body.xdmEntity." : ""

        let id: String
        let idWasGenerated: Bool
        switch entity["_id"] {
        case nil, .null?:
            id = makeID()
            idWasGenerated = true
            entity["_id"] = .string(id)
        case .string(let text)?:
            guard !text.isEmpty else { throw Self.shape(prefix + "_id", "must not be empty") }
            id = text
            idWasGenerated = false
        case let other?:
            throw Self.shape(prefix + "_id", "expected a string, found \(other.briefDescription)")
        }

        let timestamp: Int64
        let timestampWasDefaulted: Bool
        switch entity["timestamp"] {
        case nil, .null?:
            timestamp = receivedAt
            timestampWasDefaulted = true
            entity["timestamp"] = .string(ZonedDateTime(epochMilliseconds: receivedAt).iso8601)
        case .string(let text)?:
            guard let instant = ZonedDateTime(iso8601: text) else {
                throw Self.shape(prefix + "timestamp", Self.timestampExpectation + JSONValue.string(text).briefDescription)
            }
            timestamp = instant.epochMilliseconds
            timestampWasDefaulted = false
        case let other?:
            throw Self.shape(prefix + "timestamp", Self.timestampExpectation + other.briefDescription)
        }

        let eventType = try Self.optionalString(entity["eventType"], at: prefix + "eventType")
        let orchestrationEventID = try Self.optionalString(
            Self.value(at: Self.eventIDSegments, in: .object(entity)), at: prefix + EventIDType.eventIDPath)
        let (identities, primary) = try Self.identities(entity[EventConfig.identityMapField], at: prefix + EventConfig.identityMapField)

        return ReceivedEvent(
            id: id, idWasGenerated: idWasGenerated, timestamp: timestamp, timestampWasDefaulted: timestampWasDefaulted,
            eventType: eventType, orchestrationEventID: orchestrationEventID, identities: identities,
            primaryIdentity: primary, form: form, schemaRef: schemaRef, payload: .object(entity))
    }

    /// The event object of a bare event or an envelope, the form, and the envelope's schema reference.
    private static func unwrap(
        _ root: OrderedFields<JSONValue>
    ) throws(IngestionError) -> (OrderedFields<JSONValue>, ReceivedEvent.Form, String?) {
        let body = root["body"]
        var holdsEntity = false
        if case .object(let fields)? = body, fields["xdmEntity"] != nil { holdsEntity = true }
        guard holdsEntity || (body != nil && root["header"] != nil) else { return (root, .experienceEvent, nil) }
        guard case .object(let bodyFields)? = body else {
            throw shape("body", "an envelope's body must be an object holding xdmEntity, found \(body!.briefDescription)")
        }
        guard let entity = bodyFields["xdmEntity"] else {
            throw shape("body.xdmEntity", "an envelope must carry the event in body.xdmEntity")
        }
        guard case .object(let fields) = entity else {
            throw shape("body.xdmEntity", "expected the event object, found \(entity.briefDescription)")
        }
        var schemaRef: String?
        if case .string(let text)? = value(at: ["header", "schemaRef", "id"], in: .object(root)) { schemaRef = text }
        return (fields, .envelope, schemaRef)
    }

    /// The identities of an `identityMap`: `{"Email": [{"id": "a@b.c", "primary": true}], …}`.
    private static func identities(
        _ map: JSONValue?, at path: String
    ) throws(IngestionError) -> ([ProfileKey], ProfileKey?) {
        guard let map, map != .null else { return ([], nil) }
        guard case .object(let namespaces) = map else {
            throw shape(path, "expected an object of namespaces, found \(map.briefDescription)")
        }
        var identities: [ProfileKey] = []
        var seen: Set<ProfileKey> = []
        var primary: ProfileKey?
        for (namespace, list) in namespaces.pairs {
            guard case .array(let entries) = list else {
                throw shape("\(path).\(namespace)", "expected a list of identities, found \(list.briefDescription)")
            }
            for (index, entry) in entries.enumerated() {
                let entryPath = "\(path).\(namespace)[\(index)]"
                guard case .object(let fields) = entry else {
                    throw shape(entryPath, "expected an object with an id, found \(entry.briefDescription)")
                }
                guard case .string(let id)? = fields["id"], !id.isEmpty else {
                    throw shape(entryPath + ".id", "expected a non-empty string, found \(fields["id"].briefDescription)")
                }
                let key = ProfileKey(namespace: namespace, id: id)
                switch fields["primary"] {
                case nil, .null?, .bool(false)?: break
                case .bool(true)?: if primary == nil { primary = key }
                case let other?: throw shape(entryPath + ".primary", "expected true or false, found \(other.briefDescription)")
                }
                if seen.insert(key).inserted { identities.append(key) }
            }
        }
        return (identities, primary)
    }

    private static func optionalString(_ value: JSONValue?, at path: String) throws(IngestionError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw shape(path, "expected a string, found \(other.briefDescription)")
        }
    }

    private static let timestampExpectation = "expected an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z), found "

    private static let eventIDSegments = EventIDType.eventIDPath.split(separator: ".").map(String.init)

    /// The value at a path through objects, `nil` when any step is missing or not an object.
    static func value(at path: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for segment in path {
            guard case .object(let fields) = current, let next = fields[segment] else { return nil }
            current = next
        }
        return current
    }

    private static func shape(_ path: String, _ message: String) -> IngestionError {
        IngestionError(.invalidShape, message, fieldPath: path)
    }
}
