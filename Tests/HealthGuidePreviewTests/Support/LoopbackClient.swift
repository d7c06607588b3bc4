import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a raw socket to 127.0.0.1, so tests send request targets
/// exactly as written (`/%2e%2e/…`, backslashes) with no client-side normalising. Every read
/// has a timeout, and the blocking calls run on a queue of their own, never on the threads that
/// run the server's handlers.
enum LoopbackClient {
    struct Response {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error {
        case connect(Int32)
        case malformed(String)
    }

    static let queue = DispatchQueue(label: "loopback client", attributes: .concurrent)

    static func get(_ target: String, port: Int, method: String = "GET") async throws -> Response {
        try await send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port)
    }

    /// Sends `request`, the whole request as written, and reads the response until the server closes.
    static func send(_ request: String, port: Int) async throws -> Response {
        try await offload {
            let socket = try LoopbackSocket(port: port, timeoutSeconds: 10)
            defer { socket.close() }
            try socket.send(request)
            var received = Data()
            while let chunk = socket.receive() { received.append(chunk) }
            return try parse(received)
        }
    }

    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func parse(_ data: Data) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed(String(decoding: data, as: UTF8.self)) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(head[0]) }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var body = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)),
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0
        {
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            body.append(rest[start..<end])
            rest = rest[min(rest.endIndex, end + 2)...]
        }
        return body
    }
}

/// A connected TCP socket to 127.0.0.1 with a receive timeout.
final class LoopbackSocket: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int, timeoutSeconds: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackClient.Failure.connect(errno) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            Glibc.close(descriptor)
            throw LoopbackClient.Failure.connect(error)
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw LoopbackClient.Failure.connect(errno) }
            sent += count
        }
    }

    /// The next bytes, or nil at the end of the stream or after the timeout.
    func receive() -> Data? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Data(buffer[..<count]) : nil
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// An open `text/event-stream` response, read event by event.
final class EventStreamClient: @unchecked Sendable {
    private let socket: LoopbackSocket
    private var buffer = ""

    /// Connects and waits until the server says the stream is open.
    static func connect(port: Int) async throws -> EventStreamClient {
        try await LoopbackClient.offload {
            let client = try EventStreamClient(port: port)
            let marker = ": connected\n\n"
            guard client.read(until: { $0.contains(marker) }) else {
                throw LoopbackClient.Failure.malformed("no event stream: \(client.buffer)")
            }
            // Events may have come in the same read: keep them.
            client.buffer = String(client.buffer[client.buffer.range(of: marker)!.upperBound...])
            return client
        }
    }

    private init(port: Int) throws {
        socket = try LoopbackSocket(port: port, timeoutSeconds: 10)
        try socket.send("GET /__healthguide/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit {
        socket.close()
    }

    /// The data of the next event called `name`, skipping others; nil after 10 s without it.
    func next(_ name: String) async throws -> String? {
        try await LoopbackClient.offload { [self] in
            let marker = "event: \(name)\ndata: "
            guard read(until: { _ in self.complete(after: marker) }) else { return nil }
            let start = buffer.range(of: marker)!.upperBound
            let end = buffer[start...].range(of: "\n")!.lowerBound
            let data = String(buffer[start..<end])
            buffer = String(buffer[end...])
            return data
        }
    }

    /// True when the event after `marker` has arrived whole.
    private func complete(after marker: String) -> Bool {
        guard let start = buffer.range(of: marker)?.upperBound else { return false }
        return buffer[start...].contains("\n\n")
    }

    private func read(until done: (String) -> Bool) -> Bool {
        while !done(buffer) {
            guard let data = socket.receive() else { return false }
            buffer += String(decoding: data, as: UTF8.self)
        }
        return true
    }
}
