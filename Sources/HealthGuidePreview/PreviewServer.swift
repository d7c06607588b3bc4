import Foundation
import HealthGuideContent
import HealthGuideKit
import HealthGuideOutput
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `healthguide serve`: builds the site, serves the output folder over HTTP, rebuilds when
/// the content or the templates change, and tells open pages to reload.
///
/// The order matters: the port is tried and the output folder locked first, so a port in use
/// or a folder another program is writing is reported before anything is built; watching
/// starts before the first build, so no save is missed; the server starts after it, so the
/// first request finds a built site.
public struct PreviewServer: Sendable {
    public let options: BuildOptions
    public let host: String
    /// 0 picks a free port (tests).
    public let port: Int

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)
        /// The output folder may not be built into or served (unsafe, someone else's, or held by
        /// another preview): the diagnostic that says why, as printed.
        case unsafeOutput(String)

        public var description: String {
            switch self {
            case let .portInUse(host, port):
                return "port \(port) is already in use on \(host): stop the other server, or choose another port with --port"
            case let .cannotListen(host, port, reason):
                return "cannot listen on \(host):\(port): \(reason)"
            case let .unsafeOutput(message):
                return message
            }
        }
    }

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 4000) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// Runs until Ctrl-C (when `stopsOnInterrupt`) or until the calling task is cancelled.
    /// `listening` gets the port the server listens on; `built` gets every build; `waiting`
    /// is told when a build is writing the output folder and the preview waits for it.
    public func run(
        stopsOnInterrupt: Bool = true,
        listening: @escaping @Sendable (Int) -> Void,
        built: @escaping @Sendable (PreviewBuild) -> Void,
        waiting: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        if port != 0 { try PortProbe.check(host: host, port: port) }
        // Held while the preview runs: what it keeps in memory describes the folder only while
        // no other build writes it.
        let lock: OutputLock
        do {
            lock = try OutputLock.claim(options, as: .preview, waiting: waiting)
        } catch {
            throw Failure.unsafeOutput(error.diagnostic.description)
        }
        let roots = [options.contentDirectory, options.templatesDirectory].map(\.standardizedFileURL.path)
        let watcher = FileWatchers.make(watching: roots)
        let broadcaster = ReloadBroadcaster()
        // The last build's manifest and page cache stay in memory, so a save rebuilds from them.
        let builder = SiteBuilder(options: options, memory: BuildMemory(), lock: lock)
        let rebuilder = Rebuilder(builder: builder, broadcaster: broadcaster, report: built)

        await rebuilder.rebuild(after: [])
        // The lock made the folder: a first build that failed leaves it empty, served so until
        // a save fixes the site.
        guard let files = StaticFileResolver(root: options.outputDirectory.path) else {
            watcher.stop()
            throw Failure.unsafeOutput(
                OutputRefusal(
                    options.outputDirectory.path, "cannot open the output folder",
                    reason: .unusable
                ).diagnostic.description)
        }

        var logger = Logger(label: "healthguide.preview")
        logger.logLevel = .error
        let hosts = AllowedHosts(host: host, port: port)
        let app = Application(
            responder: PreviewResponder(files: files, broadcaster: broadcaster, hosts: hosts),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                hosts.listening(on: port)
                listening(port)
            },
            logger: logger
        )
        // Services stop in reverse order on Ctrl-C: the rebuilds first, then the server.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app, RebuildService(changes: watcher.changes(), rebuilder: rebuilder)],
                gracefulShutdownSignals: stopsOnInterrupt ? [.sigint, .sigterm] : [],
                logger: logger
            ))
        do {
            try await group.run()
            await rebuilder.finish()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host: host, port: port)
        } catch let error as IOError {
            throw Failure.cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)))
        } catch let error as SocketAddressError {
            throw Failure.cannotListen(host: host, port: port, reason: "\(error)")
        }
    }
}
