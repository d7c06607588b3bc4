import Foundation
import HealthGuideBase

/// Why a build will not write into its output folder: the folder could be damaged, belongs to
/// someone else, holds a link the build would follow, or another build is writing it. The
/// command line exits with status 2.
public struct OutputRefusal: Error, Sendable {
    public enum Reason: Sendable, Equatable {
        /// The folder cannot be used at all: a folder the build must never write into, or one
        /// whose lock or state folder cannot be made. No edit of the content can fix it.
        case unusable
        /// The folder holds files no build wrote.
        case foreign
        /// A symbolic link inside the folder, where the build would write or delete.
        case link
        /// A preview holds the folder.
        case inUse

        public var rule: RuleID {
            switch self {
            case .unusable: return .unsafeOutput
            case .foreign: return .foreignOutput
            case .link: return .outputLink
            case .inUse: return .outputInUse
            }
        }
    }

    public let reason: Reason
    public let diagnostic: Diagnostic

    public init(_ path: String, _ message: String, reason: Reason) {
        self.reason = reason
        diagnostic = Diagnostic(file: SourcePaths.standardized(path), location: nil, severity: .error, message: message, rule: reason.rule)
    }

    /// A symbolic link at `path` inside the output folder, where the build would write or delete.
    public static func link(at path: String) -> OutputRefusal {
        let target = FileSystem.linkTarget(path).map { " (to '\($0)')" } ?? ""
        return OutputRefusal(
            path,
            "symbolic link in the output folder\(target): the build does not write or delete "
                + "through links; remove it and build again", reason: .link)
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
            throw OutputRefusal(output, "cannot write to the output folder: \(error.localizedDescription)", reason: .unusable)
        }
        switch FileSystem.entryKind(at: path) {
        case .folder: return path
        case .link: throw .link(at: path)
        default: throw OutputRefusal(path, "the build's state folder is not a folder: remove it and build again", reason: .unusable)
        }
    }
}
