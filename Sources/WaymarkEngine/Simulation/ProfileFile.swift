import WaymarkCore
import WaymarkStore

/// Reads profiles for a simulation: NDJSON or a JSON array of
/// `{"namespace": "Email", "id": "a@b.c", "attributes": {...}, "testProfile": false, "timeZone": "Europe/Paris"}`.
public enum ProfileFile {
    /// The profiles of `bytes`; `attributes` defaults to `{}`.
    /// - Parameters:
    ///   - source: the file's name, for errors.
    ///   - now: the profiles' `updatedAt`.
    /// - Throws: `SimulationInputError` naming the line or element and the field that is wrong.
    public static func parse(_ bytes: [UInt8], source: String, now: Int64) throws(SimulationInputError) -> [ProfileRecord] {
        var profiles: [ProfileRecord] = []
        for (place, json) in try JSONDocuments.parse(bytes, source: source) {
            guard case .object(let fields) = json else {
                throw SimulationInputError("\(source) \(place): a profile must be a JSON object")
            }
            guard case .string(let namespace)? = fields["namespace"], case .string(let id)? = fields["id"] else {
                throw SimulationInputError("\(source) \(place): a profile needs string fields \"namespace\" and \"id\"")
            }
            let attributes = fields["attributes"] ?? .object(OrderedFields())
            guard case .object = attributes else {
                throw SimulationInputError("\(source) \(place): \"attributes\" must be a JSON object")
            }
            var timeZone: String?
            if let zone = fields["timeZone"] {
                guard case .string(let name) = zone else {
                    throw SimulationInputError("\(source) \(place): \"timeZone\" must be a string such as \"Europe/Paris\"")
                }
                timeZone = name
            }
            var isTest = false
            if let flag = fields["testProfile"] {
                guard case .bool(let value) = flag else {
                    throw SimulationInputError("\(source) \(place): \"testProfile\" must be true or false")
                }
                isTest = value
            }
            profiles.append(
                ProfileRecord(
                    key: ProfileKey(namespace: namespace, id: id), attributes: attributes, isTestProfile: isTest,
                    timeZone: timeZone, updatedAt: now))
        }
        return profiles
    }
}
