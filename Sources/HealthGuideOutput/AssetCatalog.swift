import Foundation
import HealthGuideBase

/// Copies `Templates/assets/` to the output. Stylesheets and scripts get content-hashed
/// names (`site.3f2a1c9e.css`) so hosts can cache them forever; other files keep their names.
public struct AssetCatalog: Sendable {
    public struct Asset: Sendable {
        public var sourcePath: String
        /// Output path: `assets/site.3f2a1c9e.css`.
        public var outputPath: String
        public var data: Data
    }

    public let assets: [Asset]

    /// Asset file name → output path, for templates.
    public var outputPaths: [String: String] {
        Dictionary(uniqueKeysWithValues: assets.map { (($0.sourcePath as NSString).lastPathComponent, $0.outputPath) })
    }

    public init(templatesDirectory: URL) {
        let templates = templatesDirectory.standardizedFileURL.path
        let root = templates + "/assets"
        var assets: [Asset] = []
        // Links that leave the templates folder are left out; `TemplateSet.load` reports them.
        let files = InputFolderWalker(root: root, boundary: templates, boundaryName: "the templates folder").walk().files
        for file in files {
            let absolute = root + "/" + file
            guard let data = FileManager.default.contents(atPath: absolute) else { continue }
            let name = file as NSString
            let fingerprinted = ["css", "js"].contains(name.pathExtension)
            let outputName =
                fingerprinted
                ? "\(name.deletingPathExtension).\(ContentHash.of(data).prefix(8)).\(name.pathExtension)"
                : file
            assets.append(Asset(sourcePath: file, outputPath: "assets/" + outputName, data: data))
        }
        self.assets = assets
    }
}
