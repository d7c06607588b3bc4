#!/usr/bin/env python3
"""`python3 bench/compare.py BEFORE AFTER`: `make bench`'s rows for two builds of healthguide,
run alternately (one run of each binary in turn), median of COMPARE_RUNS (7) runs.

Whole `make bench` runs, one after the other, meet a shared machine in different states: Hugo's
own times differed by half between two of them, so they cannot show a change of 5%. Here both
binaries meet the same moments. The corpora (bench/generate_corpus.py) are written to memory
(/dev/shm, where there is one), so the disk's write-back does not decide the full builds either.
`COMPARE_SHAPES=0` leaves out the content shapes (an older binary may take minutes on some).
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

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(REPOSITORY, "Templates")
RUNS = int(os.environ.get("COMPARE_RUNS", "7"))
SHAPES = [("glossary", 10000, "build"), ("broken-links", 1000, "check"), ("long-paragraphs", 1000, "build"),
          ("tables", 1000, "build"), ("deep-lists", 1000, "build")]
# generate_corpus's articles trust a stamp once the file is 2 s old (`InputStamps`).
SETTLING_SECONDS = 2.1


def run(binary, folder, *arguments):
    """Seconds for `binary` to run in `folder`; anything but success or content errors stops all."""
    started = time.perf_counter()
    completed = subprocess.run([binary, *arguments], cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        sys.exit(f"{binary} {' '.join(arguments)} failed:\n{completed.stderr[-1500:]}")
    return elapsed


def build(binary, folder, output):
    return run(binary, folder, "build", "--content", "Content", "--templates", TEMPLATES, "--output", output)


def report(name, before, after):
    before, after = statistics.median(before), statistics.median(after)
    print(f"{name:34} before {before * 1000:8.0f} ms  after {after * 1000:8.0f} ms  after/before {after / before:5.2f}",
          flush=True)


def alternately(binaries, step):
    """Each binary's times for `step(label, binary, run)`, the binaries taking turns."""
    times = {label: [] for label in binaries}
    for number in range(RUNS):
        for label, binary in binaries.items():
            times[label].append(step(label, binary, number))
    return times["before"], times["after"]


def edit(path, change):
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(change(text))


def compare_sizes(binaries, root):
    for size in (1000, 10000):
        folders = {label: os.path.join(root, f"{label}-{size}") for label in binaries}
        for folder in folders.values():
            generate_corpus.write_site(folder, size)
        time.sleep(SETTLING_SECONDS)
        report(f"{size} full build", *alternately(
            binaries, lambda label, binary, number: build(binary, folders[label], f"Site-full-{number}")))
        last = f"Site-full-{RUNS - 1}"
        report(f"{size} no change", *alternately(
            binaries, lambda label, binary, number: build(binary, folders[label], last)))
        article = os.path.join("Content", generate_corpus.section_of(size // 2), generate_corpus.slug(size // 2) + ".md")

        def body_edit(label, binary, number):
            edit(os.path.join(folders[label], article),
                 lambda text: text.replace("## What you can do\n", f"## What you can do\n\nEdited paragraph {number}.\n", 1))
            return build(binary, folders[label], last)

        def title_edit(label, binary, number):
            edit(os.path.join(folders[label], article),
                 lambda text: re.sub(r'^title: ".*"$', f'title: "Synthetic article {size // 2} edit {number}"', text,
                                     count=1, flags=re.M))
            return build(binary, folders[label], last)

        report(f"{size} one body edit", *alternately(binaries, body_edit))
        report(f"{size} one title edit", *alternately(binaries, title_edit))
        for folder in folders.values():
            shutil.rmtree(folder)


def compare_shapes(binaries, root):
    for shape, size, command in SHAPES:
        folder = os.path.join(root, f"shape-{shape}")
        generate_corpus.write_site(folder, size, shape)

        def step(label, binary, number):
            if command == "check":
                return run(binary, folder, "check", "--content", "Content")
            return build(binary, folder, f"Site-{label}-{number}")

        report(f"{shape} ({size:,} articles, {command})", *alternately(binaries, step))
        shutil.rmtree(folder)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python3 bench/compare.py BEFORE AFTER   (two healthguide binaries)")
    binaries = {"before": os.path.abspath(sys.argv[1]), "after": os.path.abspath(sys.argv[2])}
    root = tempfile.mkdtemp(prefix="healthguide-compare-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        compare_sizes(binaries, root)
        if os.environ.get("COMPARE_SHAPES") != "0":
            compare_shapes(binaries, root)
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
