import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// The files of a `simulate` run, read and checked: configs, the journey (as live), events and profiles.
struct SimulateInputs {
    var documents: [ConfigDocument]
    var journey: Journey
    var events: [TimedEvent]
    var profiles: [ProfileRecord]

    /// Reads the files named on the command line.
    /// - Throws: `ValidationError` naming the file (and line or field) that cannot be used.
    static func read(config: [String], journey journeyPath: String, events eventsPath: String, profiles profilesPath: String?)
        throws -> SimulateInputs
    {
        let journeyURL = URL(fileURLWithPath: journeyPath)
        guard case .journey(let journey) = try document(at: journeyURL) else {
            throw ValidationError("\(journeyPath): not a journey (its kind must be \"journey\")")
        }
        var documents: [ConfigDocument] = []
        let files: [URL]
        do {
            files = try ConfigFileFinder.files(in: config)
        } catch {
            throw ValidationError(error.message)
        }
        for url in files where url.standardizedFileURL != journeyURL.standardizedFileURL {
            let document = try document(at: url)
            if case .journey(let other) = document, other.id == journey.id { continue }  // the simulated one replaces it
            documents.append(document)
        }
        documents.append(Simulation.asLive(journey))
        let events: [TimedEvent]
        do {
            events = try TimedEvent.parse(try bytes(of: eventsPath), source: eventsPath)
        } catch let error as SimulationInputError {
            throw ValidationError(error.message)
        }
        var profiles: [ProfileRecord] = []
        if let profilesPath {
            do {
                profiles = try ProfileFile.parse(try bytes(of: profilesPath), source: profilesPath, now: events.first?.timestamp ?? 0)
            } catch let error as SimulationInputError {
                throw ValidationError(error.message)
            }
        }
        return SimulateInputs(documents: documents, journey: journey, events: events, profiles: profiles)
    }

    /// Reads and decodes one config file.
    private static func document(at url: URL) throws -> ConfigDocument {
        let json: JSONValue
        do {
            json = try ConfigFileReader.read(url)
        } catch {
            throw ValidationError(error.message)
        }
        do {
            return try ConfigDocument.decode(from: json.serializedBytes())
        } catch {
            let place = error.path.isEmpty ? "" : " at \(error.path)"
            throw ValidationError("\(url.relativePath)\(place): \(error.message)")
        }
    }

    private static func bytes(of path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot be read")
        }
        return [UInt8](data)
    }
}
