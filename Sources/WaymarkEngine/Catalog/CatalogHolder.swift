import Synchronization

/// The catalog the engine currently runs with, replaced when configs are published; each worker
/// batch takes the current one.
package final class CatalogHolder: Sendable {
    private let catalog: Mutex<JourneyCatalog>

    package init(_ catalog: JourneyCatalog = .empty) {
        self.catalog = Mutex(catalog)
    }

    /// The catalog now.
    package var current: JourneyCatalog { catalog.withLock { $0 } }

    /// Replaces the catalog.
    package func replace(with catalog: JourneyCatalog) {
        self.catalog.withLock { $0 = catalog }
    }
}
