import ArgumentParser
import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideKit
import HealthGuidePreview

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new article with valid front matter.",
        discussion: """
            Example: healthguide new stretches "Child's pose" creates Content/stretches/childs-pose.md; \
            healthguide new treatments/medicines "Levodopa" creates Content/treatments/medicines/levodopa.md.
            """
    )

    @Argument(
        help: "Where the article goes: a section id from site.yml (causes, treatments…), or a topic folder in one (treatments/medicines).")
    var place: String

    @Argument(help: "The article's title, in quotes.")
    var title: String

    @Option(help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("The review date to write (default today).", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        do {
            let path = try ArticleScaffold(contentDirectory: URL(fileURLWithPath: content))
                .create(in: place, title: title, today: today ?? .today)
            Terminal.printLine("Created \(DisplayPaths().display(path))")
        } catch let error as ArticleScaffold.Failure {
            Terminal.printError(DisplayPaths().display(text: error.message))
            throw ExitCode(2)
        }
    }
}
