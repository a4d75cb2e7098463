import ArgumentParser

/// The files a simulation reads: configs, the journey, the events and the profiles.
struct SimulateFileOptions: ParsableArguments {
    @Option(name: .long, help: "Config folders or files (events, data sources, actions; JSON or YAML).")
    var config: [String]

    @Option(help: "The journey file (run as a live version whatever its status).")
    var journey: String

    @Option(help: "The events: NDJSON or a JSON array, each with an ISO-8601 timestamp.")
    var events: String

    @Option(help: "Profiles: NDJSON or a JSON array of {namespace, id, attributes, testProfile, timeZone}.")
    var profiles: String?

    /// Reads and checks the files.
    /// - Throws: `ValidationError` naming the file (and line or field) that cannot be used.
    func read() throws -> SimulateInputs {
        try SimulateInputs.read(config: config, journey: journey, events: events, profiles: profiles)
    }
}
