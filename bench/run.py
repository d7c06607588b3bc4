#!/usr/bin/env python3
"""`make bench`: times HealthGuide (release build) on synthetic corpora of 1,000 and 10,000
articles and prints one table of medians.

For each size: a full build into an empty folder, a build with nothing changed, a build after
one article's body changed, and after one article's title changed (median of RUNS runs each,
whole process included), and the peak memory of a full build (/usr/bin/time -v).
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import generate_corpus

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(REPOSITORY, ".build", "release", "healthguide")
TEMPLATES = os.path.join(REPOSITORY, "Templates")


def build(folder, *extra):
    command = [BINARY, "build", "--content", "Content", "--templates", TEMPLATES, "--output", "Site", *extra]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed in {folder}:\n{completed.stderr[-2000:]}")
    return elapsed, completed.stdout.strip()


def peak_memory_mib(folder):
    shutil.rmtree(os.path.join(folder, "Site"), ignore_errors=True)
    command = ["/usr/bin/time", "-v", BINARY, "build", "--content", "Content", "--templates", TEMPLATES, "--output", "Site"]
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    return int(match.group(1)) / 1024 if match else float("nan")


def edit(path, old, new):
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(text.replace(old, new, 1))


def measure(size):
    folder = tempfile.mkdtemp(prefix=f"healthguide-bench-{size}-")
    generate_corpus.write_site(folder, size)
    target = os.path.join(folder, "Content", generate_corpus.section_of(size // 2), generate_corpus.slug(size // 2) + ".md")

    full = []
    for _ in range(RUNS):
        shutil.rmtree(os.path.join(folder, "Site"), ignore_errors=True)
        elapsed, summary = build(folder)
        full.append(elapsed)
    unchanged = [build(folder)[0] for _ in range(RUNS)]
    body = []
    for run in range(RUNS):
        edit(target, "## What you can do\n", f"## What you can do\n\nEdited paragraph {run}.\n")
        body.append(build(folder)[0])
    title = []
    for run in range(RUNS):
        with open(target) as handle:
            current = re.search(r'^title: "(.*)"$', handle.read(), re.M).group(1)
        edit(target, f'title: "{current}"', f'title: "Synthetic article {size // 2} edit {run}"')
        title.append(build(folder)[0])
    memory = peak_memory_mib(folder)
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "size": size, "full": statistics.median(full), "unchanged": statistics.median(unchanged),
        "body": statistics.median(body), "title": statistics.median(title), "memory": memory, "summary": summary,
    }


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"missing {BINARY}: run 'swift build -c release' first")
    rows = [measure(size) for size in SIZES]
    print()
    print(f"HealthGuide benchmark: median of {RUNS} runs, release build, {os.cpu_count()} cores")
    print(f"{'articles':>9} | {'full build':>10} | {'no change':>9} | {'(÷ full)':>8} | {'1 body edit':>11} | {'1 title edit':>12} | {'peak memory':>11}")
    print("-" * 90)
    for row in rows:
        print(f"{row['size']:>9,} | {row['full']:>9.3f}s | {row['unchanged']:>8.3f}s | {row['unchanged'] / row['full']:>8.3f} | "
              f"{row['body'] * 1000:>9.0f}ms | {row['title'] * 1000:>10.0f}ms | {row['memory']:>7.0f} MiB")
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        print(f"\nscaling {small['size']:,} → {large['size']:,} articles: {large['full'] / small['full']:.1f}× the time "
              f"for {large['size'] / small['size']:.0f}× the articles")
    print(f"last full build said: {rows[-1]['summary']}")


if __name__ == "__main__":
    main()
