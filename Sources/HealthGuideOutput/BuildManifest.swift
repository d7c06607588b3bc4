import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// What the last build wrote, kept in `<output>/.healthguide/manifest`: each output file's
/// content hash and the fingerprint of the inputs it was made from. It lets a build skip
/// unchanged pages, and delete the pages of removed articles without ever touching a file it
/// did not write. Binary, since every build reads it: at 10,000 pages JSON took 80 ms.
public struct BuildManifest: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var hash: String
        /// Fingerprint of everything the file was made from; equal means "would render the same".
        public var inputs: String
        /// Fingerprint of the page's own file and the shape of the site (`SiteShape`): equal
        /// means `inputs` would be equal too, known without building the page's context.
        public var shapeInputs: String
    }

    public static let formatVersion = 5
    public static let folder = GeneratedPaths.stateFolder
    private static let magic = "healthguide-manifest"

    public var files: [String: Entry] = [:]
    /// What the build read, to tell at once when nothing changed; nil when some input was
    /// too fresh to vouch for (see `InputStamps`).
    public var inputs: InputStamps?
    /// The warnings of that build, repeated when a build finds nothing changed.
    public var diagnostics: [Diagnostic] = []

    /// True when every file the manifest lists is still in the output folder.
    public func allFilesExist(in output: String) -> Bool {
        FileSystem.allExist(files.keys, in: output)
    }

    public static func path(in output: String) -> String {
        output + "/" + folder + "/manifest"
    }

    /// The empty file that says the manifest in `output` is pending: a build has begun
    /// changing the folder and not finished.
    public static func pendingPath(in output: String) -> String {
        output + "/" + folder + "/pending"
    }

    /// The manifest of the last build, or an empty one when there is none or it is unreadable.
    /// While it is pending, it vouches for no file: it only names the files that are the
    /// build's own to remove.
    public static func load(from output: String) -> BuildManifest {
        guard var manifest = ByteFile.read(BuildManifest.self, from: path(in: output), magic: magic, version: formatVersion) else {
            return BuildManifest()
        }
        if FileSystem.exists(pendingPath(in: output)) {
            manifest.files = manifest.files.mapValues { _ in Entry(hash: "", inputs: "", shapeInputs: "") }
            manifest.inputs = nil
            manifest.diagnostics = []
        }
        return manifest
    }

    /// Says, before a build changes any file in `output`, that the manifest there no longer
    /// describes it, so a build killed half-way is followed by one that rewrites everything.
    /// An empty marker file, where writing the manifest again without hashes cost a 2 MB write.
    /// Whatever is in its place goes first: a link there is replaced, never followed.
    public static func markPending(in output: String) throws {
        FileSystem.removeFile(pendingPath(in: output))
        try FileSystem.writeFile(Data(), to: pendingPath(in: output))
    }

    /// Replaces the manifest in `output` in one rename, through the scratch file `temporary`;
    /// then it is no longer pending.
    public func save(in output: String, through temporary: String) throws {
        try FileSystem.replace(Self.path(in: output), with: encoded(), through: temporary)
        FileSystem.removeFile(Self.pendingPath(in: output))
    }

    public func encoded() -> [UInt8] {
        ByteFile.encode(self, magic: Self.magic, version: Self.formatVersion)
    }
}

extension BuildManifest: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let paths = try reader.strings()
        let hashes = try reader.strings()
        let inputs = try reader.strings()
        let shapeInputs = try reader.strings()
        guard paths.count == hashes.count, paths.count == inputs.count, paths.count == shapeInputs.count else {
            throw ByteReader.Malformed()
        }
        files = [:]
        // The build deletes files the manifest names, so a name that could leave the output
        // folder makes the whole manifest untrustworthy.
        guard paths.allSatisfy(Self.isInsideOutput) else { throw ByteReader.Malformed() }
        for index in paths.indices where files[paths[index]] == nil {
            files[paths[index]] = Entry(hash: hashes[index], inputs: inputs[index], shapeInputs: shapeInputs[index])
        }
        self.inputs = try reader.optional()
        diagnostics = try reader.array()
    }

    /// A relative path whose every component is a name: not empty, not `.` or `..`, no `\\`.
    /// On bytes, in one pass, since it runs for each of the 10,000 files a manifest lists.
    private static func isInsideOutput(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        var isName: Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "/"):
                guard isName else { return false }
                length = 0
                dots = 0
            default:
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return isName
    }

    /// In the table's own order: the order means nothing to a reader, and sorting 10,000 paths
    /// (here and for the input stamps) was about two thirds of saving the manifest, the last
    /// step of every build. The file's bytes differ from build to build anyway (`takenAt`).
    public func write(to writer: inout ByteWriter) {
        let entries = Array(files)
        writer.write(entries.map(\.key))
        writer.write(entries.map(\.value.hash))
        writer.write(entries.map(\.value.inputs))
        writer.write(entries.map(\.value.shapeInputs))
        writer.write(inputs)
        writer.write(diagnostics)
    }
}
