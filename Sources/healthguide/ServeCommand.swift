import ArgumentParser
import Foundation
import HealthGuideKit
import HealthGuidePreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilding it as you edit.",
        discussion: """
            Builds the site into the output folder, serves it at http://127.0.0.1:4000/ and watches \
            Content/ and Templates/. Each save rebuilds only the pages it affects, and open pages \
            reload by themselves (a stylesheet change is swapped in without a reload). When a save \
            breaks the build, the problems are printed here and shown over the open pages, which \
            keep showing the last good build until the next good save.

            The preview listens on this machine only. Use --host 0.0.0.0 to open it to other \
            devices on your network, such as a phone. Press Ctrl-C to stop.

            It answers only requests addressed to its own address, localhost, 127.0.0.1 or [::1] with \
            its port, so a web page cannot read it through a name of its own (DNS rebinding). The \
            output folder must be empty, missing, or one a build wrote before; --force serves a \
            folder of other files.

            Exit status: 0 stopped, 2 bad options, port in use, or an output folder that is unsafe, \
            someone else's, or written by another preview.
            """
    )

    @OptionGroup var location: SiteLocationOptions

    @Option(help: ArgumentHelp("The folder to build into and serve.", valueName: "dir"))
    var output = "Site"

    @Option(
        help: ArgumentHelp(
            "The address to listen on. Anything but 127.0.0.1 shares the preview with your network.",
            valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "number"))
    var port = 4000

    @Flag(help: "Build into an output folder that holds files no build wrote.")
    var force = false

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be between 1 and 65535")
        }
    }

    func run() async throws {
        if !Self.isLoopback(host) {
            Terminal.printWarning(
                "serving on \(host): other devices on your network can open this preview. "
                    + "Leave out --host to keep it on this machine.")
        }
        var options = location.buildOptions(output: output)
        options.force = force
        let server = PreviewServer(options: options, host: host, port: port)
        let address = host.contains(":") ? "[\(host)]" : host
        do {
            try await server.run(
                listening: { port in Terminal.printLine("Serving at http://\(address):\(port)/ (press Ctrl-C to stop)") },
                built: Self.report,
                waiting: Terminal.printNote
            )
        } catch let failure as PreviewServer.Failure {
            if case let .unsafeOutput(diagnostic) = failure {
                Terminal.printNote(diagnostic)
            } else {
                Terminal.printError(failure.description)
            }
            throw ExitCode(2)
        }
        Terminal.printLine("Stopped.")
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// One build's diagnostics and a line on how it went.
    @Sendable private static func report(_ build: PreviewBuild) {
        let result = build.result
        // An output folder that cannot be used stops the server, which then says why, once: no
        // "save" can fix it.
        guard result.refusal != .unusable else { return }
        Terminal.printDiagnostics(result.diagnostics)
        let cause = build.isFirst ? "" : "Changed \(build.changedFiles.joined(separator: ", ")): "
        switch result.status {
        case .success:
            Terminal.printLine(cause + result.summary)
        case .contentErrors, .configurationError:
            let state = build.isFirst ? "fix the problems above and save" : "the last good pages are still served"
            Terminal.printError(cause + "build failed with \(result.errorCount) error(s); \(state)")
        }
    }
}
