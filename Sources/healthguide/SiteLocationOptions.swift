import ArgumentParser
import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideKit

/// The folder options shared by `build` and `check`.
struct SiteLocationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder with site.yml and the articles.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("The folder with the Mustache templates and assets/.", valueName: "dir"))
    var templates = "Templates"

    @Flag(help: "Include articles marked 'draft: true'.")
    var drafts = false

    func buildOptions(output: String = "Site") -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content),
            templatesDirectory: URL(fileURLWithPath: templates),
            outputDirectory: URL(fileURLWithPath: output))
        options.includeDrafts = drafts
        return options
    }
}

/// Prints diagnostics to standard error, like a compiler. Every line quoting the input has its
/// control characters escaped (`TerminalText`, which `Diagnostic.description` uses too).
enum Terminal {
    /// The build names files by absolute paths; they are shown relative to the working folder.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let paths = DisplayPaths()
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((paths.display(diagnostic).description + "\n").utf8))
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + TerminalText.escaped(message) + "\n").utf8))
    }

    /// A line on standard output, written at once even into a file or a pipe (`serve` runs
    /// for long, and its log is read as it goes).
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.escaped(text) + "\n").utf8))
    }

    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + TerminalText.escaped(message) + "\n").utf8))
    }

    /// A line on standard error as it is: a diagnostic already formatted, or what the program waits for.
    @Sendable static func printNote(_ message: String) {
        FileHandle.standardError.write(Data((DisplayPaths().display(text: message) + "\n").utf8))
    }

}

/// Parses `--today YYYY-MM-DD`.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
