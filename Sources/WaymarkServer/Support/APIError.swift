import Hummingbird
import WaymarkCore

/// Every error the API answers with, in one JSON shape:
/// `{"error":{"code":…,"message":…,"details":…}}` (`details` only when there are some).
///
/// The HTTP status lives here and only here: the engine and the store throw their own errors,
/// which the routes map to an `APIError`.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable code such as `ERR_NOT_FOUND`.
    public var code: String
    /// What went wrong and where, for a person.
    public var message: String
    /// More, e.g. the result of each event of a batch.
    public var details: JSONValue?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: JSONValue? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    /// The error's JSON document.
    public var document: JSONValue {
        var error = OrderedFields<JSONValue>()
        error["code"] = .string(code)
        error["message"] = .string(message)
        if let details { error["details"] = details }
        return .fields(["error": .object(error)])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(document, status: status)
    }
}

extension APIError {
    /// 400: the request body is not what the route reads.
    static func badRequest(_ message: String, code: String = "ERR_BAD_REQUEST", details: JSONValue? = nil) -> APIError {
        APIError(.badRequest, code, message, details: details)
    }

    /// 404: the thing named by the path does not exist.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, "ERR_NOT_FOUND", message) }

    /// 413: the body (or one event of it) is too large.
    static func tooLarge(_ message: String) -> APIError { APIError(.contentTooLarge, "ERR_TOO_LARGE", message) }

    /// 503: the store could not do what was asked; nothing was changed, try again.
    static func unavailable(_ message: String) -> APIError { APIError(.serviceUnavailable, "ERR_UNAVAILABLE", message) }
}
