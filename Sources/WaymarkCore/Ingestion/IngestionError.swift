/// Why an incoming event was refused, and where: a code, a message, the field path and the
/// JSON position when known.
///
/// Messages name the field first (`items[2].price: expected a decimal, found "abc"`) so a
/// sender can fix the event without reading the configuration.
public struct IngestionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code such as `ERR_EVENT_FIELD_TYPE`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The bytes are not JSON (the error has a line and a column).
        public static let malformedJSON = Code(rawValue: "ERR_EVENT_MALFORMED_JSON")
        /// The event is larger than the size limit.
        public static let tooLarge = Code(rawValue: "ERR_EVENT_TOO_LARGE")
        /// The event is not an ExperienceEvent object or envelope, or a standard field
        /// (`_id`, `timestamp`, `eventType`, `identityMap`, the event ID) has the wrong shape.
        public static let invalidShape = Code(rawValue: "ERR_EVENT_SHAPE")
        /// A required field of the event config's schema is missing or null.
        public static let missingField = Code(rawValue: "ERR_EVENT_MISSING_FIELD")
        /// A field does not have the type its event config's schema declares.
        public static let fieldType = Code(rawValue: "ERR_EVENT_FIELD_TYPE")
        /// A batch body could not be split into events.
        public static let malformedBatch = Code(rawValue: "ERR_EVENT_BATCH")
        /// The store could not make the event durable: nothing was accepted, send it again.
        public static let storeUnavailable = Code(rawValue: "ERR_EVENT_STORE")
    }

    /// What kind of problem.
    public var code: Code
    /// What is wrong, for the sender.
    public var message: String
    /// The field concerned, e.g. `items[2].price` (prefixed `body.xdmEntity.` in an envelope).
    public var fieldPath: String?
    /// 1-based line of the problem in the JSON text, for JSON and batch errors.
    public var line: Int?
    /// 1-based column (in bytes) of the problem in the JSON text, for JSON and batch errors.
    public var column: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, fieldPath: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.fieldPath = fieldPath
        self.line = line
        self.column = column
    }

    /// `CODE at line L, column C: field: message`.
    public var description: String {
        var text = code.rawValue
        if let line, let column { text += " at line \(line), column \(column)" }
        text += ": "
        if let fieldPath { text += fieldPath + ": " }
        return text + message
    }
}
