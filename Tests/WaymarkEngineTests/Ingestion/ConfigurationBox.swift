import Synchronization
import WaymarkCore

/// A configuration a test can replace while an ingestion component reads it.
final class ConfigurationBox: Sendable {
    private let storage: Mutex<Configuration>

    init(_ configuration: Configuration) { storage = Mutex(configuration) }

    var value: Configuration {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
