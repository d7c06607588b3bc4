import ArgumentParser
import Foundation
import HealthGuideContent
import HealthGuideKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads Content/ and Templates/ and writes a static site to Site/. Only pages whose inputs \
            changed are rendered again; pages of deleted articles are removed; files the build did \
            not write (a CNAME, say) are left alone.

            The output folder must be empty, missing, or one a build wrote before; --force builds into \
            a folder of other files. A second build into the same folder waits for the first.

            Problems are printed as 'file:line:column: error: message [rule]'. Exit status: 0 built, \
            1 content errors (or warnings with --strict), 2 bad options, settings or templates, or an \
            output folder the build will not write into.
            """
    )

    @OptionGroup var location: SiteLocationOptions

    @Option(help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output = "Site"

    @Flag(help: "Ignore the last build and render every page again.")
    var clean = false

    @Flag(help: "Build into an output folder that holds files no build wrote.")
    var force = false

    @Flag(help: "Fail on warnings too (use in CI).")
    var strict = false

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The published address, overriding base_url in site.yml: an absolute https:// or http:// URL without query or fragment.",
            valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Judge review dates as of this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    func run() throws {
        var options = location.buildOptions(output: output)
        options.clean = clean
        options.strict = strict
        options.force = force
        if let baseURL {
            do {
                options.baseURL = try BaseURL(validating: baseURL)
            } catch {
                Terminal.printError("--base-url '\(baseURL)' \(error.reason)")
                throw ExitCode(2)
            }
        }
        if let today { options.today = today }
        // The process ends inside the build, before its memory is freed (see `build(ending:)`).
        SiteBuilder(options: options, waiting: Terminal.printNote).build { result in
            report(result)
            Foundation.exit(result.status.rawValue)
        }
    }

    private func report(_ result: BuildResult) {
        Terminal.printDiagnostics(result.diagnostics)
        if timings, !result.timings.steps.isEmpty { print(result.timings.table) }
        switch result.status {
        case .success:
            print(result.summary)
        case .contentErrors:
            Terminal.printError(
                "build failed: \(result.errorCount) error(s), \(result.warningCount) warning(s)"
                    + (strict && result.errorCount == 0 ? " (warnings fail in --strict mode)" : ""))
        case .configurationError:
            Terminal.printError("nothing was built")
        }
    }
}
