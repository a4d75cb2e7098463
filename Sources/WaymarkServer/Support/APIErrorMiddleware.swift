import Hummingbird
import WaymarkCore

/// Answers every failure in the API's one error shape: Hummingbird's own errors (unknown route,
/// wrong method, body too large) are rewritten, anything unexpected becomes a `500` that names
/// no internals.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            throw APIError(error.status, Self.code(of: error.status), error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, Self.code(of: error.status), error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, "ERR_INTERNAL", "the request failed inside the server; see its log")
        }
    }

    /// A code for a bare HTTP status.
    static func code(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "ERR_NOT_FOUND"
        case .methodNotAllowed: "ERR_METHOD_NOT_ALLOWED"
        case .contentTooLarge: "ERR_TOO_LARGE"
        case .badRequest: "ERR_BAD_REQUEST"
        default: "ERR_HTTP_\(status.code)"
        }
    }
}
