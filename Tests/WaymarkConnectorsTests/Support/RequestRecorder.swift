import Synchronization
import WaymarkLoopback

/// Keeps every request a test server received, per path, so that tests assert on the server side.
final class RequestRecorder: Sendable {
    private let requests = Mutex<[LoopbackRequest]>([])

    /// Records a request.
    func record(_ request: LoopbackRequest) {
        requests.withLock { $0.append(request) }
    }

    /// Every request received, in order.
    var all: [LoopbackRequest] { requests.withLock { $0 } }

    /// The requests received on `path`.
    func on(_ path: String) -> [LoopbackRequest] { all.filter { $0.path == path } }

    /// How many requests `path` received.
    func count(_ path: String) -> Int { on(path).count }
}
