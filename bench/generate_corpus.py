#!/usr/bin/env python3
"""Writes a deterministic synthetic HealthGuide site of N articles for benchmarks.

Each article has complete front matter, about 800 words of prose under h2/h3 headings, a list,
a table, a care card and three to six links to other articles (some to a heading anchor).
The same N always gives the same bytes.
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


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, count=4):
    return " ".join(sentence(rng) for _ in range(count))


def slug(index):
    return f"article-{index:05d}"


def section_of(index):
    return SECTIONS[index % len(SECTIONS)]


def article(index, total, rng):
    # The next article is always linked, so no page is an orphan; the rest are random.
    links = [f"[next article](../{section_of((index + 1) % total)}/{slug((index + 1) % total)}.md)"]
    for _ in range(rng.randint(2, 5)):
        target = rng.randrange(total)
        if target == index:
            continue
        anchor = "#what-you-can-do" if rng.random() < 0.3 else ""
        links.append(f"[{' '.join(rng.choice(WORDS) for _ in range(2))}](../{section_of(target)}/{slug(target)}.md{anchor})")
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
        for _ in range(3):
            lines.append(paragraph(rng, 4))
            lines.append("")
        if number == 1:
            lines.append("### More detail")
            lines.append("")
            for _ in range(2):
                lines.append(paragraph(rng, 4))
                lines.append("")
        if number == 2:
            lines += [f"- {sentence(rng)}" for _ in range(5)]
            lines.append("")
            lines += ["| Step | Time |", "| --- | --- |", "| Ice | 15 to 20 minutes |", "| Heat | 15 minutes |", ""]
        if number == 4:
            lines += ["> [!EMERGENCY]", f"> - {sentence(rng)}", f"> - {sentence(rng)}", ""]
    lines.append("Read on: " + ", ".join(links) + ".")
    lines.append("")
    return "\n".join(lines)


def write_site(folder, total):
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
    rng = random.Random(20261121)
    for index in range(total):
        path = os.path.join(content, section_of(index), slug(index) + ".md")
        with open(path, "w") as handle:
            handle.write(article(index, total, rng))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: generate_corpus.py FOLDER N")
    write_site(sys.argv[1], int(sys.argv[2]))
