import Foundation
import HealthGuideKit
import HealthGuideTestSupport
import Testing

extension TestSite {
    /// The output files that differ from a clean build of the same input in a fresh folder.
    func differencesFromCleanBuild() throws -> [String] {
        let fresh = try TestSite([:], realTemplates: false)
        try FileManager.default.copyItem(at: content, to: fresh.content)
        try FileManager.default.copyItem(at: templates, to: fresh.templates)
        let reference = fresh.build()
        try #require(reference.status == .success, "\(reference.diagnostics)")
        let mine = snapshot(), clean = fresh.snapshot()
        return Set(mine.keys).union(clean.keys).filter { mine[$0] != clean[$0] }.sorted()
    }
}

/// Builds `site`, applies `edit`, and builds again, returning the second build's result; both
/// builds must succeed. The site is settled first, so the second build takes unchanged pages
/// from the page cache.
func rebuild(_ site: TestSite, _ edit: () throws -> Void) throws -> BuildResult {
    try site.settle()
    let first = site.build()
    try #require(first.status == .success, "\(first.diagnostics)")
    try edit()
    let result = site.build()
    try #require(result.status == .success, "\(result.diagnostics)")
    return result
}

/// The site's output must equal, byte for byte, a clean build of the same input in a fresh
/// folder; and a further build must find nothing to do.
func expectSameAsCleanBuild(_ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let differing = try site.differencesFromCleanBuild()
    #expect(differing.isEmpty, "files that differ from a clean build: \(differing)", sourceLocation: sourceLocation)
    let again = site.build()
    #expect(
        again.rendered == 0 && again.written == 0 && again.removed == 0,
        "a build after the rebuild still found work: \(again.writtenFiles)", sourceLocation: sourceLocation)
}
