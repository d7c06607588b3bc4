import Foundation

/// The `Host` headers the preview answers: the address it listens on, or `localhost`,
/// `127.0.0.1` or `[::1]`, each with its port. A web page elsewhere that points its own name at
/// this machine (DNS rebinding) sends that name, and is answered with nothing but a refusal.
/// Listening on every address (`0.0.0.0`, `::`), any address written as numbers is this
/// machine's too; a name still is not.
final class AllowedHosts: @unchecked Sendable {
    private let listeningHost: String
    private let lock = NSLock()
    private var listeningPort: Int

    /// `port` 0 until the server says which port it got (`listening(on:)`).
    init(host: String, port: Int) {
        listeningHost = Self.unbracketed(host.lowercased())
        listeningPort = port
    }

    func listening(on port: Int) {
        lock.withLock { listeningPort = port }
    }

    var port: Int { lock.withLock { listeningPort } }

    /// `host:port` as a browser on this machine would write it, for the refusal's message.
    var address: String {
        (listeningHost.contains(":") ? "[\(listeningHost)]" : listeningHost) + ":\(port)"
    }

    func allows(_ authority: String?) -> Bool {
        guard let authority, let (name, requestPort) = Self.split(authority.lowercased()) else { return false }
        let port = port
        guard port != 0, requestPort == port || (requestPort == nil && port == 80) else { return false }
        if name == listeningHost || ["localhost", "127.0.0.1", "::1"].contains(name) { return true }
        return ["0.0.0.0", "::"].contains(listeningHost) && Self.isAddress(name)
    }

    /// The name and the port of a `Host` header: `[::1]:4000` → (`::1`, 4000), `localhost` →
    /// (`localhost`, nil); nil when it is malformed.
    private static func split(_ authority: String) -> (String, Int?)? {
        var name = Substring(authority)
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            name = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        guard !name.isEmpty else { return nil }
        guard let port else { return (String(name), nil) }
        guard (1...5).contains(port.count), port.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(port) else { return nil }
        return (String(name), number)
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Whether `name` is an IPv4 or IPv6 address written out, not a name.
    private static func isAddress(_ name: String) -> Bool {
        var buffer = in6_addr()
        return inet_pton(AF_INET, name, &buffer) == 1 || inet_pton(AF_INET6, name, &buffer) == 1
    }
}
