import Testing

@testable import HealthGuidePreview

@Suite("The Host headers the preview answers")
struct AllowedHostsTests {
    @Test("on a loopback address: that address, localhost, 127.0.0.1 and [::1], with the port")
    func loopback() {
        let hosts = AllowedHosts(host: "127.0.0.1", port: 4000)
        for allowed in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "[::1]:4000"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        for refused in [
            nil, "", "127.0.0.1", "localhost", "127.0.0.1:4001", "attacker.example:4000", "localhost.:4000",
            "[::1]", "::1:4000", "[::1]4000", "127.0.0.1:+4000", "127.0.0.1:04000x", "192.168.1.5:4000", ":4000",
        ] {
            #expect(!hosts.allows(refused), "\(refused ?? "no header")")
        }
    }

    @Test("on every address: any address written as numbers, never a name but localhost")
    func everyAddress() {
        let hosts = AllowedHosts(host: "0.0.0.0", port: 4000)
        for allowed in ["192.168.1.5:4000", "[fe80::1]:4000", "0.0.0.0:4000", "localhost:4000"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        for refused in ["attacker.example:4000", "192.168.1.5:4001", "my-laptop.local:4000"] {
            #expect(!hosts.allows(refused), "\(refused)")
        }
    }

    @Test("a name given with --host, and port 80 without a port in the header")
    func namedHostOnPort80() {
        let hosts = AllowedHosts(host: "my-laptop.local", port: 80)
        #expect(hosts.allows("my-laptop.local"))
        #expect(hosts.allows("my-laptop.local:80"))
        #expect(hosts.allows("localhost"))
        #expect(!hosts.allows("other.local"))
    }

    @Test("the port is set once the server listens")
    func portFromServer() {
        let hosts = AllowedHosts(host: "127.0.0.1", port: 0)
        #expect(!hosts.allows("127.0.0.1:0"), "nothing is answered before the server listens")
        hosts.listening(on: 53111)
        #expect(hosts.allows("127.0.0.1:53111"))
        #expect(hosts.address == "127.0.0.1:53111")
    }
}
