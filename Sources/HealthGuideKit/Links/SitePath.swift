/// Site-relative URL paths (`causes/muscle-strain/`, `` for the home page) and the relative
/// links between them, so the site works under any sub-path and straight from disk.
enum SitePath {
    static func url(for kind: PageKind) -> String {
        switch kind {
        case .home: return ""
        case let .section(id): return id + "/"
        case let .article(section, slug): return "\(section)/\(slug)/"
        }
    }

    /// The file that serves a pretty URL: `causes/` → `causes/index.html`.
    static func outputFile(for url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }

    /// A link from the page at `from` to `to`, both site-relative.
    /// `causes/a/` → `causes/b/` is `../b/`; → home is `../../`; → itself is `./`.
    static func relative(from: String, to: String) -> String {
        let fromFolders = folders(of: from)
        let toParts = to.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let toIsFolder = to.isEmpty || to.hasSuffix("/")
        let toFolders = toIsFolder ? toParts : Array(toParts.dropLast())
        var common = 0
        while common < fromFolders.count, common < toFolders.count, fromFolders[common] == toFolders[common] {
            common += 1
        }
        let ups = String(repeating: "../", count: fromFolders.count - common)
        var rest = toParts.dropFirst(common).joined(separator: "/")
        if toIsFolder, !rest.isEmpty { rest += "/" }
        let result = ups + rest
        return result.isEmpty ? "./" : result
    }

    /// The folders a page's links are resolved in: `causes/a/` → [causes, a]; `404.html` → [].
    private static func folders(of url: String) -> [String] {
        let parts = url.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return url.isEmpty || url.hasSuffix("/") ? parts : Array(parts.dropLast())
    }

    /// Joins a content path to a relative reference and normalises `.`/`..`.
    /// Returns nil when the result would climb out of the content folder.
    static func resolve(_ reference: String, fromFile file: String) -> String? {
        var parts: [String]
        if reference.hasPrefix("/") {
            parts = []
        } else {
            parts = file.split(separator: "/").map(String.init).dropLast()
        }
        for component in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A reference from `file` to the content path `target`, in the style the author wrote:
    /// rooted (`/stretches/cat-cow.md`) or relative (`../stretches/cat-cow.md`).
    static func reference(to target: String, fromFile file: String, rooted: Bool) -> String {
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
