import HealthGuideContent

/// Site-relative URL paths (`causes/muscle-strain/`, `treatments/medicines/levodopa/`, `` for
/// the home page) and the relative links between them, so the site works under any sub-path
/// and straight from disk.
public enum SitePath {
    public static func url(for kind: PageKind) -> String {
        switch kind {
        case .home: return ""
        case let .section(folder): return folder + "/"
        case let .article(folder, slug): return folder + "/" + slug + "/"
        }
    }

    /// A page's URL in its language (nil: the default): `es/causes/muscle-strain/`.
    public static func url(for kind: PageKind, language: String?) -> String {
        inLanguage(language, url(for: kind))
    }

    /// A site-relative URL of the default language moved to `language`'s folder:
    /// `causes/` → `es/causes/`. The one place a language shapes a URL.
    public static func inLanguage(_ language: String?, _ url: String) -> String {
        language.map { $0 + "/" + url } ?? url
    }

    /// The glossary page `language`'s pages link to: their own when the language has a
    /// glossary, else the default language's.
    public static func glossary(of language: String?, in content: LoadedContent) -> String {
        inLanguage(content.hasOwnGlossary(language) ? language : nil, "glossary/")
    }

    /// The file that serves a pretty URL: `causes/` → `causes/index.html`.
    public static func outputFile(for url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }

    /// A link from the page at `from` to `to`, both site-relative URL paths as this type makes
    /// them (no leading slash, no empty or dot segments).
    /// `causes/a/` → `causes/b/` is `../b/`; → home is `../../`; → itself is `./`.
    ///
    /// Worked on bytes: it runs for every link and listed page, 100,000 times at 10,000 pages.
    public static func relative(from: String, to: String) -> String {
        var from = from, to = to
        return from.withUTF8 { fromBytes in
            to.withUTF8 { toBytes in
                let slash = UInt8(ascii: "/")
                // The folder the page is in: everything up to its last slash.
                let folderEnd = (fromBytes.lastIndex(of: slash) ?? -1) + 1
                // The longest shared run of whole folders.
                var shared = 0
                var index = 0
                while index < folderEnd, index < toBytes.count, fromBytes[index] == toBytes[index] {
                    if fromBytes[index] == slash { shared = index + 1 }
                    index += 1
                }
                let ups = fromBytes[shared..<folderEnd].reduce(0) { $1 == slash ? $0 + 1 : $0 }
                let rest = UnsafeBufferPointer(rebasing: toBytes[shared...])
                if ups == 0, rest.isEmpty { return "./" }
                // Written into the string's own storage: made from pieces, each link cost several
                // more strings and arrays.
                return String(unsafeUninitializedCapacity: 3 * ups + rest.count) { buffer in
                    for up in 0..<ups {
                        buffer[3 * up] = UInt8(ascii: ".")
                        buffer[3 * up + 1] = UInt8(ascii: ".")
                        buffer[3 * up + 2] = slash
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(3 * ups)...]).initialize(from: rest)
                    return 3 * ups + rest.count
                }
            }
        }
    }

    /// Joins a content path to a relative reference and normalises `.`/`..`.
    /// Returns nil when the result would climb out of the content folder.
    public static func resolve(_ reference: String, fromFile file: String) -> String? {
        var reference = reference, file = file
        return file.withUTF8 { file in reference.withUTF8 { resolve($0[...], fromFile: file[...]) } }
    }

    /// `resolve` on UTF-8 bytes, built part by part: '/' and '.' are ASCII, and splitting both
    /// paths into arrays of parts made several arrays for each of the site's links.
    private static func resolve(_ reference: Slice<UnsafeBufferPointer<UInt8>>, fromFile file: Slice<UnsafeBufferPointer<UInt8>>) -> String?
    {
        var joined: [UInt8] = []
        joined.reserveCapacity(file.count + reference.count)
        /// Where each part of `joined` starts, with the slash before it.
        var partStarts: [Int] = []
        func append(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
            partStarts.append(joined.count)
            if !joined.isEmpty { joined.append(slash) }
            joined.append(contentsOf: part)
        }
        if reference.first != slash, let fileName = file.lastIndex(of: slash) {
            for part in parts(of: file[..<fileName]) { append(part) }
        }
        for part in parts(of: reference) {
            if part.elementsEqual(CollectionOfOne(dot)) { continue }
            if part.count == 2 && part.allSatisfy({ $0 == dot }) {
                guard let start = partStarts.popLast() else { return nil }
                joined.removeSubrange(start...)
            } else {
                append(part)
            }
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The parts of a path between its slashes, leaving out empty ones.
    private static func parts(of path: Slice<UnsafeBufferPointer<UInt8>>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var parts: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var start = path.startIndex
        while start < path.endIndex {
            let end = path[start...].firstIndex(of: slash) ?? path.endIndex
            if end > start { parts.append(path[start..<end]) }
            start = end + 1
        }
        return parts
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// A reference from `file` to the content path `target`, in the style the author wrote:
    /// rooted (`/stretches/cat-cow.md`) or relative (`../stretches/cat-cow.md`).
    public static func reference(to target: String, fromFile file: String, rooted: Bool) -> String {
        if rooted { return "/" + target }
        let fromFolders = file.split(separator: "/").map(String.init).dropLast()
        let targetParts = target.split(separator: "/").map(String.init)
        var common = 0
        while common < fromFolders.count, common < targetParts.count - 1, fromFolders[common] == targetParts[common] {
            common += 1
        }
        return String(repeating: "../", count: fromFolders.count - common) + targetParts.dropFirst(common).joined(separator: "/")
    }
}
