import Foundation
import HealthGuideBase

/// Why a build will not write into its output folder: the folder could be damaged, belongs to
/// someone else, holds a link the build would follow, or another build is writing it. The
/// command line exits with status 2.
public struct OutputRefusal: Error, Sendable {
    public let diagnostic: Diagnostic

    /// Rules of problems with the output folder rather than the site: they end a build with
    /// status 2, like bad options.
    public static let rules: Set<String> = ["unsafe-output", "foreign-output", "output-link", "output-in-use"]

    public init(_ path: String, _ message: String, rule: String) {
        diagnostic = Diagnostic(file: DisplayPaths().display(path), location: nil, severity: .error, message: message, rule: rule)
    }

    /// A symbolic link at `path` inside the output folder, where the build would write or delete.
    public static func link(at path: String) -> OutputRefusal {
        let target = FileSystem.linkTarget(path).map { " (to '\($0)')" } ?? ""
        return OutputRefusal(path, "symbolic link in the output folder\(target): the build does not write or delete "
                             + "through links; remove it and build again", rule: "output-link")
    }
}

/// The build's own folder in the output, `.healthguide/`, which holds the manifest, the page
/// cache, scratch files and the lock.
public enum StateFolder {
    /// Makes the folder when it is missing and returns its path. Anything there but a real
    /// folder is refused: through a link, the build would write and delete files elsewhere.
    public static func make(in output: String) throws(OutputRefusal) -> String {
        let path = output + "/" + BuildManifest.folder
        do {
            try FileSystem.makeFolders(path)
        } catch {
            throw OutputRefusal(output, "cannot write to the output folder: \(error.localizedDescription)", rule: "unsafe-output")
        }
        switch FileSystem.entryKind(at: path) {
        case .folder: return path
        case .link: throw .link(at: path)
        default: throw OutputRefusal(path, "the build's state folder is not a folder: remove it and build again", rule: "unsafe-output")
        }
    }
}
