/// The journey dataset analysts join step events with: one row per journey version, from the
/// stored config documents (journeys hold no secrets). Shipped: never edit, add a new migration
/// instead.
enum Migration0006JourneyVersions {
    static let identifier = "0006-journey-versions"

    static let sql = """
        CREATE VIEW journey_versions AS
        SELECT
            document ->> '$.id' AS journeyID,
            COALESCE(document ->> '$.versionId', (document ->> '$.id') || '@' || version) AS journeyVersionID,
            version AS journeyVersion,
            document ->> '$.name' AS journeyVersionName,
            document ->> '$.status' AS status,
            document ->> '$.namespace' AS namespace,
            document ->> '$.description' AS description,
            json_array_length(document, '$.nodes') AS nodeCount,
            document AS definition
        FROM configs WHERE kind = 'journey';
        """
}
