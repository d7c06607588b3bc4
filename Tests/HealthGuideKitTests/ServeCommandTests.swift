import Foundation
import HealthGuideTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `healthguide serve` as a user runs it: the real binary, stopped with Ctrl-C, and refused a
/// port that is taken. (The server itself is tested in HealthGuidePreviewTests.)
@Suite("healthguide serve", .serialized, .timeLimit(.minutes(2)))
struct ServeCommandTests {
    @Test("Ctrl-C stops the preview cleanly, with status 0")
    func interrupt() async throws {
        let site = try TestSite(Fixture.smallSite())
        let port = try LoopbackListener().releasedPort()
        let (process, output) = try startServe(["--port", String(port)], in: site.root)
        defer { if process.isRunning { process.terminate() } }

        #expect(try await output.waitFor("Serving at http://127.0.0.1:\(port)/"))
        process.interrupt()
        #expect(try await output.waitForExit(of: process))
        #expect(process.terminationStatus == 0)
        #expect(output.text.contains("Stopped."))
    }

    @Test("a port in use is a clear error with status 2, before anything is built")
    func portInUse() throws {
        let site = try TestSite(Fixture.smallSite())
        let taken = try LoopbackListener()
        let result = try withExtendedLifetime(taken) {
            try CommandLineRunner.run(["serve", "--port", String(taken.port)], in: site.root)
        }
        #expect(result.status == 2)
        #expect(
            result.standardError == "error: port \(taken.port) is already in use on 127.0.0.1: stop the other server, "
                + "or choose another port with --port\n")
        #expect(result.standardOutput == "")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "the site was not built first")
    }

    @Test("a build is refused while a preview runs, and builds once the preview is killed")
    func lockOfAKilledPreview() async throws {
        let site = try TestSite(Fixture.smallSite())
        let port = try LoopbackListener().releasedPort()
        let (process, output) = try startServe(["--port", String(port)], in: site.root)
        defer { if process.isRunning { process.terminate() } }
        #expect(try await output.waitFor("Serving at http://127.0.0.1:\(port)/"))

        let refused = try CommandLineRunner.run(["build"], in: site.root)
        #expect(refused.status == 2)
        #expect(
            refused.standardError == "Site: error: a preview (healthguide serve, process \(process.processIdentifier)) is "
                + "writing to this folder: stop it first, or choose another folder with --output [output-in-use]\n"
                + "error: nothing was built\n")

        kill(process.processIdentifier, SIGKILL)
        #expect(try await output.waitForExit(of: process))
        let built = try CommandLineRunner.run(["build"], in: site.root)
        #expect(built.status == 0, "\(built.standardError)")
    }

    @Test("serve refuses someone else's folder too, and serves it with --force")
    func foreignFolder() async throws {
        let site = try TestSite(Fixture.smallSite())
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("index.html"))
        let port = try LoopbackListener().releasedPort()
        let refused = try CommandLineRunner.run(["serve", "--port", String(port)], in: site.root)
        #expect(refused.status == 2)
        #expect(
            refused.standardError == "Site: error: the output folder holds files that no build wrote (index.html): a "
                + "build would replace or mix with them; pass --force to build into it anyway, or choose an empty folder "
                + "[foreign-output]\n")
        #expect(site.page("index.html") == "mine")

        let (process, output) = try startServe(["--port", String(port), "--force"], in: site.root)
        defer { if process.isRunning { process.terminate() } }
        #expect(try await output.waitFor("Serving at http://127.0.0.1:\(port)/"))
        #expect(site.page("index.html")?.hasPrefix("<!DOCTYPE html>") == true)
        process.interrupt()
        #expect(try await output.waitForExit(of: process))
    }

    @Test("a refused output folder is said once, with status 2, and no advice to save")
    func refusedOutput() throws {
        let site = try TestSite(Fixture.smallSite())
        let port = try LoopbackListener().releasedPort()
        let result = try CommandLineRunner.run(["serve", "--output", "/", "--port", String(port)], in: site.root)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "/: error: the output folder cannot be '/' [unsafe-output]\n")
    }
}

/// `healthguide serve` with `arguments`, started in `folder`, its output gathered as it runs.
private func startServe(_ arguments: [String], in folder: URL) throws -> (Process, OutputCollector) {
    let process = Process()
    process.executableURL = CommandLineRunner.binary
    process.arguments = ["serve"] + arguments
    process.currentDirectoryURL = folder
    let output = OutputCollector(process)
    try process.run()
    return (process, output)
}

/// A socket listening on a free port of 127.0.0.1 until it is released.
private final class LoopbackListener {
    private var descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Closes the socket and returns its port, free for a moment for another program.
    func releasedPort() -> Int {
        close(descriptor)
        descriptor = -1
        return port
    }
}

/// Gathers a process's standard output and error as it runs.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ process: Process) {
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.data.append(chunk) }
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// True once the output contains `line`; false after a minute without it.
    func waitFor(_ line: String) async throws -> Bool {
        try await poll { self.text.contains(line) }
    }

    func waitForExit(of process: Process) async throws -> Bool {
        try await poll { !process.isRunning }
    }

    private func poll(_ done: () -> Bool) async throws -> Bool {
        for _ in 0..<600 {
            if done() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
