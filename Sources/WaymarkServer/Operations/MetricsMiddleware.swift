import Hummingbird

/// Counts every request by method and status class and times it, in the server's metrics.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.recordRequest(method: request.method.rawValue, status: response.status.code, seconds: Self.seconds(since: start))
            return response
        } catch let error as any HTTPResponseError {
            metrics.recordRequest(method: request.method.rawValue, status: error.status.code, seconds: Self.seconds(since: start))
            throw error
        } catch {
            metrics.recordRequest(method: request.method.rawValue, status: 500, seconds: Self.seconds(since: start))
            throw error
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
