import Foundation

/// What the last build wrote, kept in `<output>/.healthguide/manifest.json`: each output
/// file's content hash and the fingerprint of the inputs it was made from. It lets a build
/// skip unchanged pages, and delete the pages of removed articles without ever touching a
/// file it did not write.
struct BuildManifest: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var hash: String
        /// Fingerprint of everything the file was made from; equal means "would render the same".
        var inputs: String
    }

    static let formatVersion = 2
    static let folder = ".healthguide"

    var version = BuildManifest.formatVersion
    var files: [String: Entry] = [:]
    /// What the build read, to tell at once when nothing changed.
    var inputs: InputStamps?
    /// The warnings of that build, repeated when a build finds nothing changed.
    var diagnostics: [Diagnostic] = []

    /// True when every file the manifest lists is still in the output folder.
    func allFilesExist(in output: String) -> Bool {
        files.keys.allSatisfy { FileManager.default.fileExists(atPath: output + "/" + $0) }
    }

    static func path(in output: String) -> String {
        output + "/" + folder + "/manifest.json"
    }

    /// The manifest of the last build, or an empty one when there is none or it is unreadable.
    static func load(from output: String) -> BuildManifest {
        guard let data = FileManager.default.contents(atPath: path(in: output)),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == formatVersion else { return BuildManifest() }
        return manifest
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }
}
