import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// Pages that name a medicine must carry the site's medicines note.
///
/// How the note gets there was a design choice: authors do not write it. The generator adds
/// `medicines_note` from `site.yml` to every article whose prose names a glossary term marked
/// `medicine: true` (see `PageContextBuilder.article`), so the wording is the same everywhere
/// and no page can forget it. This rule therefore finds the one way it can fail: such an article
/// exists but `site.yml` has no note to add. It reports at the first mention of a medicine.
public struct MedicinesRule: PageRule {
    public let id = RuleID.medicinesNote

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard page.isArticle, context.config.medicinesNote.isEmpty,
            let mention = page.facts.glossaryTerms.first(where: { context.glossary[$0.entryIndex].medicine })
        else { return [] }
        let medicine = context.glossary[mention.entryIndex].term
        return [
            Finding(
                page: page, location: mention.location,
                message: "names the medicine '\(medicine)' but site.yml has no medicines_note to show with it",
                hint: "add 'medicines_note:' to site.yml; HealthGuide shows it on every page that names a medicine")
        ]
    }
}
