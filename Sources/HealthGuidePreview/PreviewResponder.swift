import Foundation
import HealthGuideLinks
import Hummingbird
import ServiceLifecycle

/// Answers the preview's requests: the event stream and the reload script at their reserved
/// paths, and otherwise the files of the output folder, with the reload script added to HTML.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: StaticFileResolver
    let broadcaster: ReloadBroadcaster
    let hosts: AllowedHosts

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            return Self.text(
                "This preview answers only requests for \(hosts.address) or localhost:\(hosts.port).\n",
                status: .misdirectedRequest)
        }
        guard request.method == .get || request.method == .head else {
            return Self.text("Only GET and HEAD are served.\n", status: .methodNotAllowed, extra: [.allow: "GET, HEAD"])
        }
        let response: Response
        switch request.uri.path {
        case ReloadScript.eventsPath:
            response = events()
        case ReloadScript.scriptPath:
            response = Self.data(Data(ReloadScript.source.utf8), contentType: ContentTypes.of(path: ReloadScript.scriptPath))
        default:
            response = file(at: request.uri.path, query: request.uri.query)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// One page's stream of Server-Sent Events. It ends when the page goes away, or when the
    /// server shuts down, so Ctrl-C never waits on an open page.
    private func events() -> Response {
        let broadcaster = broadcaster
        let body = ResponseBody { writer in
            let events = broadcaster.subscribe()
            // Retry quickly after a restart of the server; the comment line lets the page (and
            // tests) know the stream is open.
            try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream",
                .cacheControl: "no-store",
            ], body: body)
    }

    private func file(at rawPath: String, query: String?) -> Response {
        switch files.resolve(rawPath) {
        case let .file(path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound() }
            return Self.page(data, contentType: ContentTypes.of(path: path), status: .ok)
        case .addSlash:
            let location = rawPath + "/" + (query.map { "?" + $0 } ?? "")
            return Self.text("Moved to \(location)\n", status: .movedPermanently, extra: [.location: location])
        case .notFound:
            return notFound()
        case .refused:
            return Self.text("Bad request: the path is not a file of this site.\n", status: .badRequest)
        }
    }

    /// The site's own 404 page when it has one.
    private func notFound() -> Response {
        if case let .file(path) = files.resolve("/404.html"), let data = FileManager.default.contents(atPath: path) {
            return Self.page(data, contentType: ContentTypes.of(path: path), status: .notFound)
        }
        return Self.text("Not found.\n", status: .notFound)
    }

    /// A file of the site; HTML gets the reload script.
    private static func page(_ data: Data, contentType: String, status: HTTPResponse.Status) -> Response {
        guard ContentTypes.isHTML(contentType) else { return Self.data(data, contentType: contentType, status: status) }
        let html = ReloadScript.inject(into: String(decoding: data, as: UTF8.self))
        return Self.data(Data(html.utf8), contentType: contentType, status: status)
    }

    private static func text(_ text: String, status: HTTPResponse.Status, extra: HTTPFields = [:]) -> Response {
        var response = data(Data(text.utf8), contentType: ContentTypes.plainText, status: status)
        response.headers.append(contentsOf: extra)
        return response
    }

    /// Nothing is cached: a reload must fetch what the last build wrote.
    private static func data(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: contentType,
                .cacheControl: "no-store",
                .xContentTypeOptions: "nosniff",
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
