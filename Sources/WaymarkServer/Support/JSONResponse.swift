import Hummingbird
import NIOCore
import WaymarkCore

/// JSON responses written from `JSONValue` (key order kept).
enum JSONResponse {
    /// A response with `value` as its JSON body.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var bytes = value.serializedBytes()
        bytes.append(UInt8(ascii: "\n"))
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Request {
    /// The whole body, at most `limit` bytes.
    /// - Throws: `APIError` 413 past the limit, 400 when the body cannot be read.
    func bodyBytes(upTo limit: Int) async throws(APIError) -> [UInt8] {
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw .tooLarge("the request body is larger than \(limit) bytes")
        } catch {
            throw .badRequest("the request body cannot be read: \(error)")
        }
    }
}

extension JSONValue {
    /// An object with these fields, in this order.
    static func fields(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var fields = OrderedFields<JSONValue>()
        for (key, value) in pairs { fields[key] = value }
        return .object(fields)
    }
}
