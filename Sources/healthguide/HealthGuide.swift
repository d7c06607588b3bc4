import ArgumentParser
import Foundation

@main
struct HealthGuide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthguide",
        abstract: "Build patient-education websites from Markdown.",
        discussion: """
            Write articles in Content/<section>/<slug>.md, run 'healthguide build', and publish the \
            Site/ folder on any static web host.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, TranslatedCommand.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser ends a bad option or argument with status 64 (EX_USAGE); every command
    /// promises 2 for bad options, as for bad settings, so usage errors are mapped here and
    /// every other outcome (help, a command's own exit status) is left as it is.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
