import Foundation

/// Lists the files of the content folder (through `InputFolderWalker`, which refuses links out
/// of it) and sorts them into pages, media and settings.
struct ContentWalker {
    struct Result {
        var markdownFiles: [String] = []
        var staticFiles: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Top-level files that are settings, not pages.
    static let settingsFiles: Set<String> = ["site.yml", "glossary.yml"]
    /// Folder copied as-is to the output.
    static let mediaFolder = "images"

    let root: String
    let paths: DisplayPaths

    func walk() -> Result {
        let listing = InputFolderWalker(root: root, boundaryName: "the content folder", paths: paths).walk()
        var result = Result(diagnostics: listing.diagnostics)
        for relative in listing.files {
            if relative.hasPrefix(Self.mediaFolder + "/") {
                result.staticFiles.append(relative)
            } else if relative.hasSuffix(".md") {
                result.markdownFiles.append(relative)
            } else if !Self.settingsFiles.contains(relative) {
                result.diagnostics.append(Diagnostic(
                    file: paths.display(root + "/" + relative), location: nil, severity: .warning,
                    message: "ignored: not a Markdown file (put media in \(Self.mediaFolder)/)", rule: "ignored-file"))
            }
        }
        return result
    }
}
