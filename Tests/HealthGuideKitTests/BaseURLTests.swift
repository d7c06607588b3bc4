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

/// The site's public address: one set of rules for `site.yml`'s `base_url` and `--base-url`.
@Suite("Base URL")
struct BaseURLTests {
    static let validAddresses: [(String, String)] = [
        ("https://example.org", "https://example.org/"),
        ("https://example.org/", "https://example.org/"),
        ("HTTPS://Example.ORG/Guide", "https://example.org/Guide/"),
        ("http://localhost:8080/guide/", "http://localhost:8080/guide/"),
        ("https://[::1]:4000", "https://[::1]:4000/"),
        ("https://example.org/back%20pain/", "https://example.org/back%20pain/"),
    ]

    @Test(
        "an absolute http(s) address is kept, with its scheme and host in lower case and a / at the end",
        arguments: validAddresses)
    func valid(_ text: String, _ normalised: String) throws {
        #expect(try BaseURL(validating: text).text == normalised)
    }

    static let invalidAddresses: [(String, String)] = [
        ("/", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
        ("guide/", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
        ("//example.org/", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
        ("javascript:alert(1)//", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
        ("ftp://example.org/", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
        ("https:///guide/", "must name a host, such as https://example.org/"),
        ("https://example.org/?utm=1", "must not have a query ('?…')"),
        ("https://example.org/#top", "must not have a fragment ('#…')"),
        ("https://user:secret@example.org/", "must not hold a user name or password"),
        ("https://example.org:99999/", "has a malformed port"),
        ("https://exa_mple.org/", "has a malformed host 'exa_mple.org'"),
        ("https://example.org/a b/", "must not hold spaces or control characters"),
        ("https://example.org/\nSitemap: https://evil.example/", "must not hold spaces or control characters"),
        ("https://example.org/\"><script>", "must not hold '\"' (percent-encode it)"),
        ("https://exämple.org/", "must be written in ASCII (percent-encode the path; write an international host name in its xn-- form)"),
    ]

    @Test("anything else is refused, with the reason", arguments: invalidAddresses)
    func invalid(_ text: String, _ reason: String) {
        #expect(throws: BaseURL.Problem(reason: reason)) { try BaseURL(validating: text) }
    }

    @Test("a bad base_url in site.yml is a settings error at its line and column: '/', a query, a password")
    func siteYML() throws {
        for (value, reason) in [
            ("\"/\"", "must be an absolute address starting with https:// or http://, such as https://example.org/"),
            ("\"https://example.org/?a=1\"", "must not have a query ('?…')"),
            ("\"https://me:pw@example.org/\"", "must not hold a user name or password"),
        ] {
            var files = Fixture.smallSite()
            files["site.yml"] = Fixture.siteYML.replacingOccurrences(of: "\"https://guide.example.org/\"", with: value)
            let site = try TestSite(files)
            let result = site.build()
            #expect(result.status == .configurationError)
            #expect(
                result.diagnostics.map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
                    == ["Content/site.yml:2:11: error: 'base_url' \(reason) [invalid-value]"])
            #expect(!site.exists("index.html"))
        }
    }

    @Test("--base-url is checked like base_url: exit status 2, the option named, nothing built")
    func option() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["build", "--base-url", "javascript:alert(1)//"], in: site.root)
        #expect(output.status == 2)
        #expect(
            output.standardError == "error: --base-url 'javascript:alert(1)//' must be an absolute address starting with "
                + "https:// or http://, such as https://example.org/\n")
        #expect(!site.exists("index.html"))
        let query = try CommandLineRunner.run(["build", "--base-url", "https://example.org/?a=1"], in: site.root)
        #expect(query.status == 2)
        #expect(query.standardError == "error: --base-url 'https://example.org/?a=1' must not have a query ('?…')\n")
    }

    @Test("a good --base-url is normalised and written into canonical links, the sitemap and robots.txt")
    func optionUsed() throws {
        let site = try TestSite(Fixture.smallSite())
        let output = try CommandLineRunner.run(["build", "--base-url", "HTTPS://Staging.Example.org/guide"], in: site.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(site.page("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://staging.example.org/guide/sitemap.xml\n")
        #expect(site.page("sitemap.xml")?.contains("<loc>https://staging.example.org/guide/causes/muscle-strain/</loc>") == true)
        #expect(
            site.page("causes/muscle-strain/index.html")?
                .contains("<link rel=\"canonical\" href=\"https://staging.example.org/guide/causes/muscle-strain/\">") == true)
    }
}
