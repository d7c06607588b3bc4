import Foundation
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
