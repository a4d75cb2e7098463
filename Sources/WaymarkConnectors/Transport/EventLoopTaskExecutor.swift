import NIOCore

/// A `TaskExecutor` that runs its jobs on one SwiftNIO event loop. A task that prefers it writes
/// to the loop's channels in place and is resumed by their answers on the same thread: no wake-up
/// of another thread per request.
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop the jobs run on.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
