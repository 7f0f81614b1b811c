import HTTPTypes
import Hummingbird

/// A response of text in a content type, with the headers every page gets.
struct Page {
    static func make(_ status: HTTPResponse.Status, _ contentType: String, _ body: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType,
            // Document text is escaped; this also keeps any script out of the pages.
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        make(status, "text/html; charset=utf-8", body)
    }

    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        make(status, "application/json; charset=utf-8", body)
    }
}
