import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideOutput
@testable import HealthGuidePreview

/// The preview end to end: a real server on a free loopback port, a real site on disk, real
/// file edits picked up by the watcher, and a raw-socket client.
@Suite("The preview server", .serialized, .timeLimit(.minutes(2)))
struct PreviewServerTests {
    @Test("serves the built pages, with the reload script added on the way out only")
    func servesPages() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains(ReloadScript.tag + "</body>"))
            let article = try await preview.get("/causes/muscle-strain/")
            #expect(article.status == 200)
            #expect(article.text.contains("A strain hurts."))
            let onDisk = try String(contentsOf: site.output.appendingPathComponent("causes/muscle-strain/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__healthguide"), "the build output never carries the reload script")

            let script = try await preview.get(ReloadScript.scriptPath)
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource"))
        }
    }

    @Test("an edited article is rebuilt, open pages are told to reload, and the new page is served")
    func editReloads() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)

            try site.edit("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain hurts a lot.")
            let reload = try await events.next("reload")
            #expect(reload == "{}")
            let page = try await preview.get("/causes/muscle-strain/")
            #expect(page.text.contains("A strain hurts a lot."))
            let rebuild = try #require(preview.builds.all.last)
            #expect(rebuild.result.rendered == 1, "only the edited page is rendered again")
            #expect(rebuild.changedFiles.contains { $0.hasSuffix("causes/muscle-strain.md") })
        }
    }

    @Test("in a site with topics, an edit three folders deep and an article in a new topic folder are rebuilt and served")
    func nestedTopics() async throws {
        let site = try TestSite(try Fixture.folder("nested-site"), writesAtomically: true)
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)

            try site.edit("living-well/staying-active/at-home/stretching-at-home.md", replacing: "Move slowly.", with: "Move very slowly.")
            _ = try await events.next("reload")
            let edited = try await preview.get("/living-well/staying-active/at-home/stretching-at-home/")
            #expect(edited.text.contains("Move very slowly."))

            try site.write(
                "living-well/staying-active/in-water/water-walking.md",
                Fixture.article(title: "Water walking", body: "Walk in the shallow end. Back to [swimming](../swimming.md)."))
            try site.edit(
                "living-well/staying-active/swimming.md", replacing: "Go back to",
                with: "Try [water walking](in-water/water-walking.md). Go back to")
            _ = try await events.next("reload")
            let added = try await preview.get("/living-well/staying-active/in-water/water-walking/")
            #expect(added.status == 200)
            #expect(added.text.contains("Walk in the shallow end."))
            let topic = try await preview.get("/living-well/staying-active/in-water/")
            #expect(topic.text.contains("<h1>In water</h1>"))
        }
    }

    @Test("an edited block is rebuilt into the page that places it, alone, and open pages reload")
    func blockEditReloads() async throws {
        let site = try TestSite.preview()
        try site.write("_blocks/tip.md", "Rest for a day.\n")
        try site.edit("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain hurts.\n\n<!-- block: tip -->\n")
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)

            try site.write("_blocks/tip.md", "Rest for two days.\n")
            _ = try await events.next("reload")
            let page = try await preview.get("/causes/muscle-strain/")
            #expect(page.text.contains("<p>Rest for two days.</p>"))
            let rebuild = try #require(preview.builds.all.last)
            #expect(rebuild.result.rendered == 1, "only the page placing the block is rendered again")
            #expect(rebuild.changedFiles.contains { $0.hasSuffix("_blocks/tip.md") })
        }
    }

    @Test("a stylesheet edit swaps the stylesheet without a reload")
    func stylesheetSwap() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)

            let css = try site.read("Templates/assets/site.css")
            try site.write("Templates/assets/site.css", css + "\n.preview-test { color: red; }\n")
            let data = try #require(try await events.next("stylesheets"))
            let paths = try JSONDecoder().decode([String].self, from: Data(data.utf8))
            let path = try #require(paths.first)
            #expect(path.hasPrefix("assets/site.") && path.hasSuffix(".css"))
            let stylesheet = try await preview.get("/" + path)
            #expect(stylesheet.status == 200)
            #expect(stylesheet.headers["content-type"] == "text/css; charset=utf-8")
            #expect(stylesheet.text.contains(".preview-test"))
            let home = try await preview.get("/")
            #expect(home.text.contains(path), "pages link the new stylesheet too")
        }
    }

    @Test("a failed rebuild shows its problems with file:line, keeps the last good pages, and the next good save clears them")
    func failedRebuild() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)
            let good = try site.read("causes/muscle-strain.md")

            try site.edit("causes/muscle-strain.md", replacing: "cat-cow.md#how-to-do-it", with: "cat-cow.md#no-such-heading")
            let data = try #require(try await events.next("failed"))
            let problems = try JSONDecoder().decode([ReloadEvent.Problem].self, from: Data(data.utf8))
            let problem = try #require(problems.first { $0.rule == "broken-anchor" })
            #expect(problem.position.hasSuffix("causes/muscle-strain.md:12:25"))
            let page = try await preview.get("/causes/muscle-strain/")
            #expect(page.status == 200)
            #expect(page.text.contains("../../stretches/cat-cow/#how-to-do-it"), "the last good page is still served")

            // A page opened while the site is broken sees the problems at once.
            let lateEvents = try await EventStreamClient.connect(port: preview.port)
            #expect(try await lateEvents.next("failed") != nil)

            // Restoring the file exactly changes no output file: open pages just hide the problems.
            try site.write("causes/muscle-strain.md", good)
            #expect(try await events.next("fixed") == "{}")
        }
    }

    @Test("a good save after a failure reloads the pages")
    func fixReloads() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let events = try await EventStreamClient.connect(port: preview.port)

            try site.edit("stretches/cat-cow.md", replacing: "## How to do it", with: "## Steps")
            #expect(try await events.next("failed") != nil)
            try site.edit("causes/muscle-strain.md", replacing: "cat-cow.md#how-to-do-it", with: "cat-cow.md#steps")
            #expect(try await events.next("reload") != nil)
            let page = try await preview.get("/causes/muscle-strain/")
            #expect(page.text.contains("../../stretches/cat-cow/#steps"))
        }
    }

    @Test("paths that leave the output folder are refused")
    func traversal() async throws {
        let site = try TestSite.preview()
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: site.root.appendingPathComponent("secret.txt"))
        try await withPreview(site) { preview in
            // Links inside the output folder that point out of it.
            try FileManager.default.createSymbolicLink(
                atPath: site.output.path + "/leak.txt", withDestinationPath: site.root.path + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site.output.path + "/outside", withDestinationPath: site.root.path)

            for target in PathSanitizerTests.escapes + [
                "/leak.txt", "/outside/secret.txt", "/outside/", "/etc/passwd",
                "http://127.0.0.1/../secret.txt", "/.healthguide/manifest.json",
            ] {
                let response = try await preview.get(target)
                #expect(response.status != 200, "\(target) was served")
                #expect(!response.text.contains(secret), "\(target) leaked the file")
                #expect(!response.text.contains("root:"), "\(target) leaked /etc/passwd")
            }
        }
    }

    @Test(
        "files are served with their content types",
        arguments: [
            ("/", "text/html; charset=utf-8"),
            ("/search-index.json", "application/json"),
            ("/sitemap.xml", "application/xml"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/images/diagram.svg", "image/svg+xml"),
            ("/images/photo.png", "image/png"),
            ("/images/photo.jpg", "image/jpeg"),
            ("/images/photo.webp", "image/webp"),
        ])
    func contentTypes(target: String, type: String) async throws {
        let site = try TestSite.preview()
        for image in ["diagram.svg", "photo.png", "photo.jpg", "photo.webp"] {
            try site.write("images/" + image, Data("not really an image".utf8))
        }
        try await withPreview(site) { preview in
            let response = try await preview.get(target)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == type)
            #expect(response.headers["cache-control"] == "no-store")
        }
    }

    @Test("a folder without its slash is redirected, a missing page gets the site's 404 page, HEAD has no body, POST is refused")
    func httpDetails() async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let redirect = try await preview.get("/causes/muscle-strain")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/causes/muscle-strain/")
            let missing = try await preview.get("/causes/no-such-page/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains(ReloadScript.tag))
            let head = try await preview.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
            let post = try await preview.get("/", method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test("a port in use is a clear error, found before anything is built")
    func portInUse() async throws {
        let first = try TestSite.preview()
        let second = try TestSite.preview()
        try await withPreview(first) { preview in
            let server = PreviewServer(options: second.options, host: "127.0.0.1", port: preview.port)
            await #expect(throws: PreviewServer.Failure.portInUse(host: "127.0.0.1", port: preview.port)) {
                try await server.run(stopsOnInterrupt: false, listening: { _ in }, built: { _ in Issue.record("built") })
            }
            #expect(!FileManager.default.fileExists(atPath: second.output.path), "the output folder was not even made")
        }
    }

    @Test("a preview waits for a build writing its folder, says so, then builds and serves")
    func waitsForABuild() async throws {
        let site = try TestSite.preview()
        var held: OutputLock? = try OutputLock.claim(site.options, as: .build, waiting: { _ in })
        let messages = BuildRecorder()
        let server = PreviewServer(options: site.options, host: "127.0.0.1", port: 0)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run(
                stopsOnInterrupt: false, listening: { portContinuation.yield($0) }, built: { _ in },
                waiting: { messages.note($0) })
        }
        for _ in 0..<200 where messages.notes.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(
            messages.notes == [
                "\(SourcePaths.standardized(site.output.path)): waiting for another build "
                    + "(healthguide build, process \(getpid())) to finish writing this folder"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/index.html"))
        // Read once more before letting go, so the lock is held until here.
        #expect(held != nil)
        held = nil
        let port = try await withTimeout(seconds: 60) { await ports.first { _ in true } }
        let home = try await LoopbackClient.get("/", port: try #require(port))
        #expect(home.status == 200)
        task.cancel()
        _ = await task.result
    }

    @Test(
        "requests for another host name are refused with 421, whatever they ask for (DNS rebinding)",
        arguments: [
            "Host: evil.example:PORT", "Host: evil.example", "Host: 127.0.0.1.evil.example:PORT", "Host: localhost:1",
            "Host: 127.0.0.1", "Host: [::1]:1", "Host: 10.0.0.1:PORT", "Host: localhost:PORT:PORT", "",
        ])
    func foreignHosts(header: String) async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let port = String(preview.port)
            let line = header.isEmpty ? "" : header.replacingOccurrences(of: "PORT", with: port) + "\r\n"
            for target in ["/", "/causes/muscle-strain/", ReloadScript.eventsPath, "/no-such-page/"] {
                let response = try await LoopbackClient.send(
                    "GET \(target) HTTP/1.1\r\n\(line)Connection: close\r\n\r\n", port: preview.port)
                #expect(response.status == 421, "\(header) \(target)")
                #expect(response.text == "This preview answers only requests for 127.0.0.1:\(port) or localhost:\(port).\n")
            }
        }
    }

    @Test("the preview's own names are answered", arguments: ["127.0.0.1:PORT", "localhost:PORT", "LocalHost:PORT", "[::1]:PORT"])
    func ownHosts(host: String) async throws {
        let site = try TestSite.preview()
        try await withPreview(site) { preview in
            let header = host.replacingOccurrences(of: "PORT", with: String(preview.port))
            let response = try await LoopbackClient.send(
                "GET / HTTP/1.1\r\nHost: \(header)\r\nConnection: close\r\n\r\n", port: preview.port)
            #expect(response.status == 200)
            #expect(response.text.contains("Preview Guide"))
        }
    }
}

/// Runs `body` against a preview of `site`, and stops the server however `body` ends.
private func withPreview(_ site: TestSite, _ body: (RunningPreview) async throws -> Void) async throws {
    let preview = try await RunningPreview.start(site)
    do {
        try await body(preview)
    } catch {
        await preview.stop()
        throw error
    }
    await preview.stop()
}
