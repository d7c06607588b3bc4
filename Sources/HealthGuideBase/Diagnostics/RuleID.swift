/// The id of every kind of problem HealthGuide reports, printed at the end of a diagnostic
/// (`[broken-link]`). The raw value is the id users read, look up and set in `site.yml`, so it
/// never changes once published.
///
/// The content rules (`isContentRule`) judge the writing: `rules:` in `site.yml` may switch
/// them off or grade them again. Every other id reports a problem the build cannot overlook.
public enum RuleID: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    // Content rules, in the order `check --help` and the README list them.
    case emergencyCard = "emergency-card"
    case emptyCard = "empty-card"
    case tooManyCards = "too-many-cards"
    case careCardLevel = "care-card-level"
    case medicinesNote = "medicines-note"
    case reviewDate = "review-date"
    case sources
    case readability
    case longSentence = "long-sentence"
    case longParagraph = "long-paragraph"
    case altText = "alt-text"
    case headingOrder = "heading-order"
    case linkText = "link-text"
    case tableHeader = "table-header"
    case tableTooLarge = "table-too-large"
    case duplicateTitle = "duplicate-title"
    case orphan
    case unusedImage = "unused-image"
    case rawHTML = "raw-html"
    case unsafeHTML = "unsafe-html"
    case unknownCard = "unknown-card"
    case translationOutdated = "translation-outdated"
    case translationCards = "translation-cards"

    // Input folders and files.
    case missingContent = "missing-content"
    case missingConfig = "missing-config"
    case unreadableFolder = "unreadable-folder"
    case badSymlink = "bad-symlink"
    case ignoredFile = "ignored-file"
    case misplacedFile = "misplaced-file"
    case unknownSection = "unknown-section"
    case invalidSlug = "invalid-slug"
    case unreadableFile = "unreadable-file"
    case inputTooLarge = "input-too-large"
    case invalidEncoding = "invalid-encoding"
    case emptyFile = "empty-file"
    case unsafeMedia = "unsafe-media"
    case unsafeSVG = "unsafe-svg"

    // Settings, front matter and glossary.
    case yamlSyntax = "yaml-syntax"
    case missingFrontMatter = "missing-front-matter"
    case unterminatedFrontMatter = "unterminated-front-matter"
    case missingField = "missing-field"
    case unknownField = "unknown-field"
    case duplicateField = "duplicate-field"
    case emptyField = "empty-field"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    case invalidTag = "invalid-tag"
    case duplicateSection = "duplicate-section"
    case duplicateTerm = "duplicate-term"

    // Site values and shared blocks.
    case unknownValue = "unknown-value"
    case unknownBlock = "unknown-block"
    case blockCycle = "block-cycle"

    // Links and pages.
    case brokenLink = "broken-link"
    case brokenAnchor = "broken-anchor"
    case brokenImage = "broken-image"
    case unsafeLink = "unsafe-link"
    case linkOutsideContent = "link-outside-content"
    case duplicateURL = "duplicate-url"
    case pathCollision = "path-collision"
    case linkToUntranslated = "link-to-untranslated"

    // Templates and the output folder.
    case missingTemplates = "missing-templates"
    case templateError = "template-error"
    case unsafeOutput = "unsafe-output"
    case foreignOutput = "foreign-output"
    case outputLink = "output-link"
    case outputInUse = "output-in-use"
    case writeFailed = "write-failed"
    case changedDuringBuild = "changed-during-build"

    /// The id as printed and as written in `site.yml`.
    public var description: String { rawValue }

    /// The content rules, which `rules:` in `site.yml` may switch off or grade again.
    public static let contentRules = allCases.filter(\.isContentRule)

    public var isContentRule: Bool {
        switch self {
        case .emergencyCard, .emptyCard, .tooManyCards, .careCardLevel, .medicinesNote, .reviewDate, .sources,
            .readability, .longSentence, .longParagraph, .altText, .headingOrder, .linkText, .tableHeader,
            .tableTooLarge, .duplicateTitle, .orphan, .unusedImage, .rawHTML, .unsafeHTML, .unknownCard,
            .translationOutdated, .translationCards:
            return true
        default:
            return false
        }
    }

    /// An error of this rule is the fault of the build's setup (its templates or its output
    /// folder), not of the content: the build ends with the status of bad options.
    public var isSetupProblem: Bool {
        switch self {
        case .missingTemplates, .templateError, .unsafeOutput, .foreignOutput, .outputLink, .outputInUse: return true
        default: return false
        }
    }

    /// How serious a finding of this rule is unless the finding or `site.yml` says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .tooManyCards, .reviewDate, .readability, .longSentence, .longParagraph, .headingOrder, .linkText,
            .duplicateTitle, .orphan, .unusedImage, .rawHTML, .unsafeHTML, .unknownCard,
            .ignoredFile, .unsafeLink, .translationOutdated:
            return .warning
        case .linkToUntranslated:
            return .note
        default:
            return .error
        }
    }

    /// What the rule finds, in one line short enough for a terminal (`check --help`).
    public var summary: String {
        switch self {
        case .emergencyCard: return "an article about warning signs has no [!EMERGENCY] card"
        case .emptyCard: return "a care card has no list of signs"
        case .tooManyCards: return "more than three care cards on one page"
        case .careCardLevel: return "one warning sign listed under two levels of care"
        case .medicinesNote: return "an article names a medicine but site.yml has no medicines_note"
        case .reviewDate: return "the next review date has passed, or the reviewed date is in the future"
        case .sources: return "no sources, or a source without title, publisher or full web address"
        case .readability: return "reading grade above the site's reading_grade limits"
        case .longSentence: return "a sentence over 25 words"
        case .longParagraph: return "a paragraph over five sentences"
        case .altText: return "an image without alt text"
        case .headingOrder: return "headings that skip a level or start above ##"
        case .linkText: return "link text that does not say where it goes (\"click here\", a bare address)"
        case .tableHeader: return "a table with a blank column header"
        case .tableTooLarge: return "a table with more cells than limits.table_cells"
        case .duplicateTitle: return "two pages with the same title"
        case .orphan: return "an article no other article's text links to"
        case .unusedImage: return "an image no page shows or links to"
        case .rawHTML: return "raw HTML, dropped unless allow_raw_html is set"
        case .unsafeHTML: return "raw HTML removed by the sanitizer"
        case .unknownCard: return "a card marker HealthGuide does not know, shown as a plain quote"
        case .translationOutdated: return "a translation made from an older review of its source"
        case .translationCards: return "a translation's care cards differ in number or level from its source's"
        case .missingContent: return "the content folder does not exist"
        case .missingConfig: return "the content folder has no site.yml"
        case .unreadableFolder: return "a folder of the input cannot be read"
        case .badSymlink: return "a symbolic link that is broken, loops, leaves the input or is a folder"
        case .ignoredFile: return "a file in the content folder that is neither Markdown nor media"
        case .misplacedFile: return "a Markdown file outside a section, or deeper than limits.folder_depth"
        case .unknownSection: return "a folder that is not a section of site.yml"
        case .invalidSlug: return "a file or folder name that cannot be part of a page address"
        case .unreadableFile: return "a file that cannot be read"
        case .inputTooLarge: return "a Markdown file larger than limits.file_kb"
        case .invalidEncoding: return "a file that is not UTF-8 text"
        case .emptyFile: return "an empty Markdown file"
        case .unsafeMedia: return "a media file that cannot be published safely"
        case .unsafeSVG: return "an SVG with scripts, event attributes or links to other files"
        case .yamlSyntax: return "YAML that cannot be read"
        case .missingFrontMatter: return "an article without front matter"
        case .unterminatedFrontMatter: return "front matter without its closing ---"
        case .missingField: return "a required field is missing"
        case .unknownField: return "a field (or rule id) HealthGuide does not know"
        case .duplicateField: return "a field given twice"
        case .emptyField: return "a field that is empty"
        case .wrongType: return "a field of the wrong kind (text, number, list…)"
        case .invalidValue: return "a field whose value is not allowed"
        case .invalidDate: return "a date that is not a real YYYY-MM-DD day"
        case .invalidTag: return "a tag that cannot be a page address"
        case .duplicateSection: return "a section listed twice in site.yml"
        case .duplicateTerm: return "a glossary term given twice, or two terms with one id"
        case .unknownValue: return "a [[name]] that is not a site value"
        case .unknownBlock: return "a <!-- block: name --> with no file in _blocks/"
        case .blockCycle: return "a block that places itself, directly or through others"
        case .brokenLink: return "a link to a page that does not exist"
        case .brokenAnchor: return "a link to a heading that does not exist"
        case .brokenImage: return "an image that is missing or cannot be shown"
        case .unsafeLink: return "a link whose scheme is not web, mail or phone, removed"
        case .linkOutsideContent: return "a link out of the content folder"
        case .duplicateURL: return "two files that would make one page"
        case .pathCollision: return "two outputs, or a section id and a generated page, with one path"
        case .linkToUntranslated: return "a translation links to a page not yet translated: it goes to the source"
        case .missingTemplates: return "the templates folder does not exist"
        case .templateError: return "a template that is missing, unreadable or wrong"
        case .unsafeOutput: return "an output folder the build may not write into"
        case .foreignOutput: return "an output folder that holds files no build wrote"
        case .outputLink: return "a symbolic link inside the output folder"
        case .outputInUse: return "a preview is writing to the output folder"
        case .writeFailed: return "an output file or the build's notes could not be written"
        case .changedDuringBuild: return "a source file changed while the site was being built"
        }
    }
}
