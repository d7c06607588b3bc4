#!/usr/bin/env python3
"""Writes a deterministic synthetic HealthGuide site of N articles for benchmarks.

Each article has complete front matter, about 800 words of prose under h2/h3 headings, a list,
a table, a care card and three to six links to other articles (some to a heading anchor).
The same N and shape always give the same bytes.

Shapes vary what the articles hold, to find costs that grow faster than the content:
- plain: as above;
- glossary: a glossary of 2,000 terms (one to three words each, some with aliases), and two
  glossary words in every sentence, drawn from the 25 terms of the article's topic, as a page
  about one problem uses the words of that problem;
- broken-links: one link in ten points at an article under its section's old name, as after
  renaming a folder;
- long-paragraphs: each heading's prose in one paragraph of 40 sentences;
- tables: a 200 × 8 table in every article;
- deep-lists: lists nested 12 levels deep.
"""
import os
import random
import sys

SECTIONS = ["causes", "treatments", "stretches", "warning-signs"]
WORDS = (
    "back muscle spasm rest gentle stretch ice heat walk doctor pain ease slowly breathe "
    "shoulder neck spine posture desk chair water sleep knee hip floor hold seconds repeat "
    "strain injury nerve disc help today week day often usually most people feel better move"
).split()
HEADINGS = ["What it feels like", "Why it happens", "What you can do", "How long it lasts", "When to get help"]


SHAPES = ["plain", "glossary", "broken-links", "long-paragraphs", "tables", "deep-lists"]
GLOSSARY_SIZE = 2000
# Syllables that make the glossary's words: 24 × 24 two-syllable words, and a second word for
# terms of two or three words.
SYLLABLES = ("ten lig ner spi dis lum cer vic tho rac sac ral fas cia ten don mus cu lar ver teb "
             "pel vis cor gam").split()


def glossary_words():
    """2,000 distinct glossary terms, deterministic: two-syllable words, then two- and
    three-word terms made of them."""
    stems = list(dict.fromkeys(a + b for a in SYLLABLES for b in SYLLABLES if a != b))
    terms = list(stems)
    for offset in range(1, len(stems)):
        for index, stem in enumerate(stems):
            if len(terms) == GLOSSARY_SIZE:
                return terms
            second = stems[(index + offset) % len(stems)]
            if index % 3:
                terms.append(f"{stem} {second}")
            else:
                terms.append(f"{stem} {second} {stems[(index + 2 * offset) % len(stems)]}")
    return terms


TOPIC_SIZE = 25


class Prose:
    """Sentences for one shape: glossary-dense ones put two glossary spellings in each, from
    the terms of the current article's topic."""

    def __init__(self, shape):
        self.terms = glossary_words() if shape == "glossary" else []
        self.topic = self.terms
        self.sentences_per_paragraph = 40 if shape == "long-paragraphs" else 4

    def choose_topic(self, index):
        """The glossary terms article `index` uses: one of 80 topics of 25 terms."""
        if self.terms:
            start = (index % (len(self.terms) // TOPIC_SIZE)) * TOPIC_SIZE
            self.topic = self.terms[start:start + TOPIC_SIZE]

    def sentence(self, rng):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
        for _ in range(2 if self.topic else 0):
            words.insert(rng.randrange(len(words) + 1), rng.choice(self.topic))
        return " ".join(words).capitalize() + "."

    def paragraph(self, rng, count=4):
        return " ".join(self.sentence(rng) for _ in range(count))


def slug(index):
    return f"article-{index:05d}"


def section_of(index):
    return SECTIONS[index % len(SECTIONS)]


def old_section_name(section):
    """The name a section had before it was renamed: `causes` was `cause`."""
    return section[:-1]


def nested_list(rng, prose, depth=12):
    return [f"{'  ' * level}- {prose.sentence(rng)}" for level in range(depth)] + [""]


def article(index, total, rng, shape, prose):
    sentence = prose.sentence
    # The next article is always linked, so no page is an orphan; the rest are random.
    links = [f"[next article](../{section_of((index + 1) % total)}/{slug((index + 1) % total)}.md)"]
    for _ in range(rng.randint(2, 5)):
        target = rng.randrange(total)
        if target == index:
            continue
        anchor = "#what-you-can-do" if rng.random() < 0.3 else ""
        folder = section_of(target)
        if shape == "broken-links" and rng.random() < 0.1:
            folder = old_section_name(folder)
        links.append(f"[{' '.join(rng.choice(WORDS) for _ in range(2))}](../{folder}/{slug(target)}.md{anchor})")
    tags = sorted({f"tag-{rng.randrange(40)}" for _ in range(3)})
    related = [f"{section_of(t)}/{slug(t)}" for t in (rng.randrange(total) for _ in range(2)) if t != index]
    lines = [
        "---",
        f'title: "Synthetic article {index}"',
        f'summary: "{sentence(rng)} {sentence(rng)}"',
        f"reviewed: 2026-{1 + index % 10:02d}-{1 + index % 28:02d}",
        "sources:",
        '  - title: "Back pain"',
        '    publisher: "Example Clinic"',
        '    url: "https://example.org/back-pain"',
        "    year: 2025",
        f"tags: [{', '.join(tags)}]",
        f"related: [{', '.join(related)}]",
        f"order: {index % 50}",
        "---",
        "",
    ]
    for number, heading in enumerate(HEADINGS):
        lines.append(f"## {heading}")
        lines.append("")
        for _ in range(1 if shape == "long-paragraphs" else 3):
            lines.append(prose.paragraph(rng, prose.sentences_per_paragraph))
            lines.append("")
        if number == 1:
            lines.append("### More detail")
            lines.append("")
            for _ in range(2):
                lines.append(prose.paragraph(rng, 4))
                lines.append("")
        if number == 2:
            lines += [f"- {sentence(rng)}" for _ in range(5)]
            lines.append("")
            lines += ["| Step | Time |", "| --- | --- |", "| Ice | 15 to 20 minutes |", "| Heat | 15 minutes |", ""]
            if shape == "tables":
                lines += ["| " + " | ".join(f"Column {c}" for c in range(8)) + " |", "|" + " --- |" * 8]
                lines += ["| " + " | ".join(rng.choice(WORDS) for _ in range(8)) + " |" for _ in range(200)]
                lines.append("")
            if shape == "deep-lists":
                for _ in range(3):
                    lines += nested_list(rng, prose)
        if number == 4:
            lines += ["> [!EMERGENCY]", f"> - {sentence(rng)}", f"> - {sentence(rng)}", ""]
    lines.append("Read on: " + ", ".join(links) + ".")
    lines.append("")
    return "\n".join(lines)


def write_glossary(path, terms):
    with open(path, "w") as handle:
        for index, term in enumerate(terms):
            handle.write(f'- term: "{term}"\n  definition: "A word for benchmarks, number {index}."\n')
            if index % 5 == 0:
                handle.write(f'  aliases: ["{term}s"]\n')


def write_site(folder, total, shape="plain"):
    content = os.path.join(folder, "Content")
    for section in SECTIONS:
        os.makedirs(os.path.join(content, section), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as handle:
        handle.write(
            'title: "Benchmark Guide"\nbase_url: "https://bench.example.org/"\nlanguage: en\n'
            'emergency_number: "911"\nreview_interval_months: 12\nsections:\n'
            + "".join(f"  - id: {s}\n    title: \"{s.title()}\"\n    description: \"About {s}.\"\n" for s in SECTIONS)
            + 'disclaimer: "For benchmarks only."\n'
        )
    with open(os.path.join(content, "index.md"), "w") as handle:
        handle.write('---\ntitle: "Benchmark Guide"\nsummary: "Synthetic articles."\n---\n\nWelcome.\n')
    prose = Prose(shape)
    if prose.terms:
        write_glossary(os.path.join(content, "glossary.yml"), prose.terms)
    rng = random.Random(20261121)
    for index in range(total):
        prose.choose_topic(index)
        path = os.path.join(content, section_of(index), slug(index) + ".md")
        with open(path, "w") as handle:
            handle.write(article(index, total, rng, shape, prose))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in SHAPES):
        sys.exit(f"usage: generate_corpus.py FOLDER N [{'|'.join(SHAPES)}]")
    write_site(sys.argv[1], int(sys.argv[2]), *sys.argv[3:])
