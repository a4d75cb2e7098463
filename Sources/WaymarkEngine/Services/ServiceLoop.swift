import Logging
import ServiceLifecycle

/// The loop every engine service runs: do a round of work; when there was none, wait until the
/// doorbell rings, the round's deadline passes or the poll interval ends; stop on graceful
/// shutdown or cancellation.
enum ServiceLoop {
    /// What one round did.
    struct Round: Sendable {
        /// Whether there may be more work right away.
        var didWork: Bool
        /// When there is work again at the latest (e.g. the next timer), if known.
        var nextDeadline: Int64?
    }

    /// Runs rounds of `step` until graceful shutdown or cancellation. A failing round is logged
    /// and retried after the poll interval, so a transient store error never stops the engine.
    static func run(
        name: String, doorbell: Doorbell, clock: any EngineClock, pollInterval: Int64, logger: Logger,
        step: () async throws -> Round
    ) async {
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                var round = Round(didWork: false, nextDeadline: nil)
                do {
                    round = try await step()
                } catch {
                    logger.error("\(name) failed a round; retrying", metadata: ["error": "\(error)"])
                }
                if round.didWork { continue }
                let pollDeadline = clock.now() + pollInterval
                await doorbell.wait(until: min(round.nextDeadline ?? pollDeadline, pollDeadline), on: clock)
            }
        } onGracefulShutdown: {
            doorbell.ring()
        }
    }
}
