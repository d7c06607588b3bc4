import ArgumentParser
import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideKit
import HealthGuidePreview

struct TranslatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translated",
        abstract: "Record that translations are up to date with their sources.",
        discussion: """
            Sets each translation's source_reviewed and source_hash to its source's current \
            reviewed date and text, so check reports it again only when the source changes. \
            Example: healthguide translated Content/es/causes/muscle-strain.md
            """
    )

    @Argument(help: "The translations, as paths to their files or inside the content folder (es/causes/muscle-strain.md).")
    var files: [String]

    @Option(help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    func run() throws {
        let stamp = TranslationStamp(contentDirectory: URL(fileURLWithPath: content))
        var failed = false
        for file in files {
            do {
                let written = try stamp.stamp(file)
                Terminal.printLine(
                    "\(DisplayPaths().display(written.file)): source_reviewed \(written.reviewed.iso), source_hash \(written.hash)")
            } catch {
                Terminal.printError(DisplayPaths().display(text: error.message))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
