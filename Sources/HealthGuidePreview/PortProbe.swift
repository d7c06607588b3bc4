import Foundation

/// Binds the preview's address and port for a moment before the first build, so a port in
/// use is reported at once, not after building the whole site. The server binds it again
/// afterwards; a program that takes the port in between is still reported then.
enum PortProbe {
    static func check(host: String, port: Int) throws(PreviewServer.Failure) {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &found)
        guard resolved == 0, let address = found else {
            throw .cannotListen(host: host, port: port, reason: String(cString: gai_strerror(resolved)))
        }
        defer { freeaddrinfo(found) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0 else {
            throw .cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // As the server sets it: a port left in TIME_WAIT by the last preview is free.
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            if errno == EADDRINUSE { throw .portInUse(host: host, port: port) }
            throw .cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
        }
    }
}
