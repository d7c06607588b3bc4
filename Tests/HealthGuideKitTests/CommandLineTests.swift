import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

/// The command line end to end: exit status, diagnostics as printed, the summary line.
@Suite("Command line")
struct CommandLineTests {
    @Test("a good build prints one summary line and exits 0")
    func success() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["build"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("Built "))
        #expect(output.standardOutput.split(separator: "\n").count == 1)
        #expect(site.exists("index.html"))
    }

    @Test("--timings prints a line for each step before the summary")
    func timings() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["build", "--timings"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.dropLast().allSatisfy { $0.contains(" ms  ") })
        #expect(lines.first?.hasSuffix("ms  input stamps and the last build's state") == true)
        #expect(lines.last?.hasPrefix("Built ") == true)
    }

    @Test("a broken link fails the build with file:line:col, exit status 1")
    func brokenLink() throws {
        var files = Fixture.smallSite()
        files["stretches/knee-to-chest.md"] = Fixture.article(title: "Knee-to-chest stretch", body: "See [cat](cat-cowz.md).")
        let site = try TestSite(files)
        let output = try CommandLineRunner.run(["build"], in: site.root)
        #expect(output.status == 1)
        #expect(
            output.standardError.contains(
                "Content/stretches/knee-to-chest.md:10:5: error: broken link 'cat-cowz.md' (did you mean 'cat-cow.md'?) [broken-link]"))
        #expect(!site.exists("index.html"))
    }

    @Test("strict mode fails on warnings")
    func strict() throws {
        var files = Fixture.smallSite()
        files["causes/notes.txt"] = "notes"
        let site = try TestSite(files)
        #expect(try CommandLineRunner.run(["build"], in: site.root).status == 0)
        let strict = try CommandLineRunner.run(["build", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("warnings fail in --strict mode"))
    }

    @Test("warnings name files relative to the folder the build runs in, even when nothing changed")
    func diagnosticsFollowTheWorkingFolder() throws {
        var files = Fixture.smallSite()
        files["causes/notes.txt"] = "notes"
        let site = try TestSite(files)
        try site.settle()
        let inSite = try CommandLineRunner.run(["build"], in: site.root)
        #expect(inSite.standardError.contains("Content/causes/notes.txt: warning"))
        let name = site.root.lastPathComponent
        let above = try CommandLineRunner.run(
            [
                "build", "--content", name + "/Content", "--templates", name + "/Templates",
                "--output", name + "/Site",
            ], in: site.root.deletingLastPathComponent())
        #expect(above.status == 0)
        #expect(above.standardError.contains(name + "/Content/causes/notes.txt: warning"))
    }

    @Test("a build started from another folder finds every output in place: the working folder is no input")
    func workingFolderIsNoInput() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        #expect(try CommandLineRunner.run(["build"], in: site.root).status == 0)
        let name = site.root.lastPathComponent
        let above = try CommandLineRunner.run(
            [
                "build", "--timings", "--content", name + "/Content", "--templates", name + "/Templates",
                "--output", name + "/Site",
            ], in: site.root.deletingLastPathComponent())
        #expect(above.status == 0, "\(above.standardError)")
        #expect(above.standardOutput.contains("every output file found in place"))
    }

    @Test("the command line shows the build's absolute paths relative to its working folder, in messages too")
    func pathsShownRelative() {
        let folder = FileManager.default.currentDirectoryPath
        let diagnostic = Diagnostic(
            file: folder + "/Content/causes/a.md", location: SourceLocation(line: 3, column: 1), severity: .warning,
            message: "title 'A' is also the title of \(folder)/Content/causes/b.md", rule: .duplicateTitle,
            hint: "rename /elsewhere/c.md or \(folder)/Content/causes/b.md")
        #expect(
            DisplayPaths().display(diagnostic).description
                == "Content/causes/a.md:3:1: warning: title 'A' is also the title of Content/causes/b.md [duplicate-title]\n"
                + "  hint: rename /elsewhere/c.md or Content/causes/b.md")
    }

    @Test("a missing site.yml exits 2")
    func configurationError() throws {
        var files = Fixture.smallSite()
        files["site.yml"] = nil
        let site = try TestSite(files)
        let output = try CommandLineRunner.run(["build"], in: site.root)
        #expect(output.status == 2)
        #expect(output.standardError.contains("Content/site.yml: error: site.yml not found"))
    }

    @Test(
        "output folders that would damage the project are refused",
        arguments: [
            "/", ".", "Content", "Templates", "Content/causes", "..", "existing-file",
        ])
    func refusedOutput(_ folder: String) throws {
        let site = try TestSite(Fixture.smallSite())
        try Data("keep me".utf8).write(to: site.root.appendingPathComponent("existing-file"))
        let before = try FileManager.default.contentsOfDirectory(atPath: site.content.path).sorted()
        let output = try CommandLineRunner.run(["build", "--output", folder], in: site.root)
        #expect(output.status == 2)
        #expect(output.standardError.contains("[unsafe-output]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.content.path).sorted() == before)
        #expect(try String(contentsOf: site.root.appendingPathComponent("existing-file"), encoding: .utf8) == "keep me")
    }

    @Test("the home folder is refused as output")
    func homeFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["build", "--output", FileManager.default.homeDirectoryForCurrentUser.path], in: site.root)
        #expect(output.status == 2)
        #expect(output.standardError.contains("the output folder cannot be your home folder"))
    }

    @Test("`new` scaffolds an article that builds")
    func scaffold() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["new", "stretches", "Child's pose", "--today", "2026-11-20"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "Created Content/stretches/childs-pose.md\n")
        let build = try CommandLineRunner.run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(site.exists("stretches/childs-pose/index.html"))
        let again = try CommandLineRunner.run(["new", "stretches", "Child's pose"], in: site.root)
        #expect(again.status == 2)
        #expect(again.standardError.contains("already exists"))
        let unknown = try CommandLineRunner.run(["new", "stretchs", "Cat"], in: site.root)
        #expect(unknown.standardError.contains("unknown section 'stretchs' (did you mean 'stretches'?)"))
    }

    @Test("`new` takes a topic folder below a section, makes it when missing, and refuses bad or too deep places")
    func scaffoldInTopic() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["new", "stretches/lower-back", "Pelvic tilt", "--today", "2026-11-20"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "Created Content/stretches/lower-back/pelvic-tilt.md\n")
        #expect(try CommandLineRunner.run(["build"], in: site.root).status == 0)
        #expect(site.exists("stretches/lower-back/pelvic-tilt/index.html"))
        #expect(site.exists("stretches/lower-back/index.html"))
        let badName = try CommandLineRunner.run(["new", "stretches/Lower Back", "Cat"], in: site.root)
        #expect(badName.status == 2)
        #expect(
            badName.standardError
                == "error: folder name 'Lower Back' must use lower-case ASCII letters (a-z), digits and hyphens (try 'lower-back')\n")
        let deep = try CommandLineRunner.run(["new", "stretches/a/b/c/d", "Cat"], in: site.root)
        #expect(deep.status == 2)
        #expect(deep.standardError == "error: 'stretches/a/b/c/d' is 5 folders deep: pages sit at most 4 folders deep\n")
    }

    @Test("--help explains the build command")
    func help() throws {
        let output = try CommandLineRunner.run(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(output.standardOutput.contains("Build the site into the output folder."))
        #expect(output.standardOutput.contains("--strict"))
    }

    @Test("`new` spells a title of any script in readable ASCII for the file name")
    func transliteratedSlug() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["new", "stretches", "Über die Straße"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "Created Content/stretches/uber-die-strasse.md\n")
        #expect(Slug.make(from: "Æbleskiver og smørrebrød") == "aebleskiver-og-smorrebrod")
        #expect(Slug.make(from: "Боль в спине") == "bol-v-spine")
        #expect(Slug.make(from: "Crème brûlée, 2×") == "creme-brulee-2")
        #expect(Slug.make(from: "🙂") == "")
        #expect(Slug.make(from: String(repeating: "Stretch ", count: 20)) == Array(repeating: "stretch", count: 12).joined(separator: "-"))
        #expect(Slug.make(from: String(repeating: "a", count: 150)) == String(repeating: "a", count: 100))
        let emoji = try CommandLineRunner.run(["new", "stretches", "🙂"], in: site.root)
        #expect(emoji.status == 2)
        #expect(emoji.standardError == "error: the title needs at least one letter or digit\n")
    }

    @Test(
        "bad options and arguments exit 2, as the README says",
        arguments: [
            ["build", "--no-such-option"], ["build", "--today", "2026-13-40"], ["check", "--format", "xml"],
            ["serve", "--port", "70000"], ["new", "stretches"], ["frobnicate"],
        ])
    func badOptions(_ arguments: [String]) throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(arguments, in: site.root)
        #expect(output.status == 2, "\(output.standardError)")
        #expect(output.standardError.hasPrefix("Error: "))
        #expect(!site.exists("index.html"))
    }

    @Test("a folder of Content/ that cannot be read is one error naming it, not a broken link for each page in it")
    func unreadableFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.content.appendingPathComponent("stretches").path)
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: site.content.appendingPathComponent("stretches").path)
        }
        // The superuser reads any folder, so the check runs as nobody then.
        let arguments =
            getuid() == 0
            ? ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineRunner.binary.path, "check"] : ["check"]
        let output = try CommandLineRunner.run(
            arguments, in: site.root, executable: getuid() == 0 ? URL(fileURLWithPath: "/usr/bin/setpriv") : nil)
        #expect(output.status == 2)
        #expect(
            output.standardError == """
                Content/stretches: error: cannot read this folder: Permission denied [unreadable-folder]
                  hint: give yourself permission to read it, or move it out of the content folder

                """)
    }

    @Test("`new` puts a title with line breaks, tabs and control characters on one line, so the article reads")
    func titleOnOneLine() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["new", "stretches", "Bell\u{7} ring\nnext line\ttab"], in: site.root)
        #expect(output.standardOutput == "Created Content/stretches/bell-ring-next-line-tab.md\n")
        let text = try String(contentsOf: site.content.appendingPathComponent("stretches/bell-ring-next-line-tab.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Bell ring next line tab\"\n"))
        let check = try CommandLineRunner.run(["check"], in: site.root)
        #expect(!check.standardError.contains("error:"), "\(check.standardError)")
    }
}
