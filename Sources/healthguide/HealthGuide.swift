import ArgumentParser

@main
struct HealthGuide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthguide",
        abstract: "Build patient-education websites from Markdown.",
        discussion: """
        Write articles in Content/<section>/<slug>.md, run 'healthguide build', and publish the \
        Site/ folder on any static web host.
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self],
        defaultSubcommand: nil
    )
}
