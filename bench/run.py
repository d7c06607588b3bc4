#!/usr/bin/env python3
"""`make bench`: times HealthGuide (release build) on synthetic corpora of 1,000 and 10,000
articles and prints one table of medians.

For each size: a full build into a new folder, a build with nothing changed, a build after
one article's body changed, and after one article's title changed (median of RUNS runs each,
whole process included), and the peak memory of a full build (/usr/bin/time -v).

When Hugo is installed (`hugo`; Debian's package is 0.111, the version the speed bars name), it
builds the same articles with the site in bench/hugo, alternating with HealthGuide's full builds
so both meet the machine in the same state, and the table gives the ratio of the medians.

Then the content shapes (`generate_corpus.SHAPES`): the same number of articles holding a large
glossary, broken links, long paragraphs, large tables or deep lists, each timed against plain
articles alternately, and one article holding a 5,000 × 200 table, which must be refused at once.

Then the preview's save→reload latency: with `healthguide serve` running on the same corpus and
an open event stream, as a browser tab would have, the time from rewriting one article's body
to having received the `reload` event and fetched the page with the new text (median of RUNS
saves). It includes the watcher's debounce and the incremental rebuild.
"""
import contextlib
import http.client
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import generate_corpus

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SHAPES = [shape for shape in os.environ.get("BENCH_SHAPES", ",".join(generate_corpus.SHAPES[1:])).split(",")
          if shape in generate_corpus.SHAPES[1:]]
# The glossary row at the size the speed bar names; the others at 1,000 articles.
SHAPE_SIZES = {"glossary": 10000}
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# BENCH_BINARY times another build of the program on the same corpora (an earlier commit's, say).
BINARY = os.environ.get("BENCH_BINARY", os.path.join(REPOSITORY, ".build", "release", "healthguide"))
HUGO = shutil.which("hugo")
HUGO_SITE = os.path.join(REPOSITORY, "bench", "hugo")
TEMPLATES = os.path.join(REPOSITORY, "Templates")
HOST = "127.0.0.1"
# The preview builds the whole site before it listens: 10,000 articles take ~30 s.
STARTUP_TIMEOUT = 180
# How long a save may take to show up in the page before the benchmark gives up.
RELOAD_TIMEOUT = 30
# Pause before each save, so the server is idle and the last save's debounce is over.
QUIET_SECONDS = 0.5
# A little more than `InputStamps.settlingTime`.
SETTLING_SECONDS = 2.1


def build(folder, *extra, output="Site"):
    command = [BINARY, "build", "--content", "Content", "--templates", TEMPLATES, "--output", output, *extra]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed in {folder}:\n{completed.stderr[-2000:]}")
    return elapsed, completed.stdout.strip()


def hugo_build(folder, output):
    """Seconds for Hugo to build the corpus in `folder` into the new folder `output`. The
    articles are mounted from the corpus; its home page and settings are left out, since for
    Hugo an `index.md` at the top makes the whole content folder one page's attachments."""
    settings = os.path.join(folder, "hugo-mount.toml")
    with open(settings, "w") as handle:
        handle.write(f'[[module.mounts]]\nsource = "{os.path.join(folder, "Content")}"\ntarget = "content"\n'
                     'excludeFiles = ["index.md", "site.yml"]\n')
    command = [HUGO, "--source", HUGO_SITE, "--config", os.path.join(HUGO_SITE, "hugo.toml") + "," + settings,
               "--destination", os.path.join(folder, output), "--quiet"]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"hugo failed in {folder}:\n{completed.stderr[-2000:]}")
    return elapsed


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


def free_port():
    """A port nothing listens on. The server binds it a moment later; another program taking
    it in between is unlikely, and the server then exits saying so."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def forward_lines(stream, lines):
    """Hands the server's output to `lines`, then None at its end. Runs on a thread, so waiting
    for a line can time out, and the server never blocks on a full pipe."""
    for line in stream:
        lines.put(line)
    lines.put(None)


@contextlib.contextmanager
def preview_server(folder):
    """Runs `healthguide serve` on the corpus in `folder` and yields its port once it listens.
    Stops it with Ctrl-C (SIGINT), as a user would, when the block ends, even by sys.exit."""
    port = free_port()
    command = [BINARY, "serve", "--content", "Content", "--templates", TEMPLATES, "--output", "Site",
               "--host", HOST, "--port", str(port)]
    server = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=forward_lines, args=(server.stdout, lines), daemon=True).start()
    try:
        wait_until_listening(lines, time.perf_counter() + STARTUP_TIMEOUT)
        yield port
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until_listening(lines, deadline):
    """Returns once the server prints "Serving at"; exits with its output if it stops or is late."""
    output = []
    while True:
        try:
            line = lines.get(timeout=max(0, deadline - time.perf_counter()))
        except queue.Empty:
            sys.exit(f"healthguide serve did not start listening within {STARTUP_TIMEOUT} s:\n{''.join(output)[-2000:]}")
        if line is None:
            sys.exit(f"healthguide serve stopped before listening:\n{''.join(output)[-2000:]}")
        if line.startswith("Serving at "):
            return
        output.append(line)


class EventStream:
    """The preview's Server-Sent Events, read as they arrive, as an open page reads them."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection(HOST, port, timeout=RELOAD_TIMEOUT)
        self.connection.request("GET", "/__healthguide/events")
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            sys.exit(f"GET /__healthguide/events answered {self.response.status}")
        # The server's ": connected" comment says we are subscribed: no later event is missed.
        deadline = time.perf_counter() + RELOAD_TIMEOUT
        while (line := self.readline(deadline)) != ": connected":
            if line is None:
                sys.exit(f"the preview's event stream did not open within {RELOAD_TIMEOUT} s")

    def readline(self, deadline):
        """One line of the stream without its newline. The stream never ends while the server
        runs, so each read waits at most until `deadline`."""
        self.connection.sock.settimeout(max(0.001, deadline - time.perf_counter()))
        try:
            line = self.response.readline()
        except TimeoutError:
            return None
        if not line:
            sys.exit("the preview closed its event stream")
        return line.decode().rstrip("\r\n")

    def wait_for(self, name, deadline):
        """Reads events until one called `name`; exits, naming the events seen, at `deadline`."""
        seen, current = [], None
        while True:
            line = self.readline(deadline)
            if line is None:
                sys.exit(f"no '{name}' event within {RELOAD_TIMEOUT} s of the save (events seen: {seen or 'none'})")
            if line.startswith("event:"):
                current = line[len("event:"):].strip()
            elif line == "" and current is not None:
                if current == name:
                    return
                seen.append(current)
                current = None

    def close(self):
        self.connection.close()


def fetch(port, path):
    """The page at `path` as the preview serves it."""
    connection = http.client.HTTPConnection(HOST, port, timeout=RELOAD_TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode()
    finally:
        connection.close()
    if response.status != 200:
        sys.exit(f"GET {path} answered {response.status}")
    return body


def save_to_reload(folder, target, page):
    """Seconds from each save of `target` to its page, fetched after the `reload` event,
    showing the new paragraph: what a writer waits for between saving and seeing the edit."""
    latencies = []
    with preview_server(folder) as port, contextlib.closing(EventStream(port)) as events:
        for run in range(RUNS):
            time.sleep(QUIET_SECONDS)
            paragraph = f"Paragraph saved in the preview, run {run}."
            started = time.perf_counter()
            edit(target, "## What you can do\n", f"## What you can do\n\n{paragraph}\n")
            events.wait_for("reload", started + RELOAD_TIMEOUT)
            if paragraph not in fetch(port, page):
                sys.exit(f"after the reload event, {page} does not show the saved paragraph {paragraph!r}")
            latencies.append(time.perf_counter() - started)
    return latencies


def measure(size):
    folder = tempfile.mkdtemp(prefix=f"healthguide-bench-{size}-")
    generate_corpus.write_site(folder, size)
    section, name = generate_corpus.section_of(size // 2), generate_corpus.slug(size // 2)
    target = os.path.join(folder, "Content", section, name + ".md")
    # A build trusts a file's stamp only once the file is 2 s old (see `InputStamps`), so the
    # last full build must not start sooner, or the first builds with nothing changed read
    # every file again, like the first build after a checkout.
    time.sleep(SETTLING_SECONDS)

    # Each full build goes into a new folder, as on a fresh clone; nothing is deleted until the
    # whole benchmark is over. On a file system without a journal (ext4 here) the kernel skips
    # inodes freed in the last minutes when it makes new files, so making 20,000 files and
    # folders right after deleting as many costs seconds that are the disk's, not the build's.
    full, hugo = [], []
    for run in range(RUNS):
        elapsed, summary = build(folder, output=f"Site-full-{run}")
        full.append(elapsed)
        if HUGO:
            hugo.append(hugo_build(folder, output=f"Hugo-{run}"))
    last = f"Site-full-{RUNS - 1}"
    unchanged = [build(folder, output=last)[0] for _ in range(RUNS)]
    body = []
    for run in range(RUNS):
        edit(target, "## What you can do\n", f"## What you can do\n\nEdited paragraph {run}.\n")
        body.append(build(folder, output=last)[0])
    title = []
    for run in range(RUNS):
        with open(target) as handle:
            current = re.search(r'^title: "(.*)"$', handle.read(), re.M).group(1)
        edit(target, f'title: "{current}"', f'title: "Synthetic article {size // 2} edit {run}"')
        title.append(build(folder, output=last)[0])
    memory = peak_memory_mib(folder)
    reload = save_to_reload(folder, target, f"/{section}/{name}/")
    return folder, {
        "size": size, "full": statistics.median(full), "unchanged": statistics.median(unchanged),
        "body": statistics.median(body), "title": statistics.median(title), "memory": memory,
        "reload": statistics.median(reload), "summary": summary,
        "hugo": statistics.median(hugo) if hugo else None,
    }


def timed(folder, command, output):
    """Seconds for `healthguide COMMAND` on the corpus in `folder`, and what it printed; a
    command that fails is timed too (a site with broken links fails its check)."""
    arguments = [BINARY, command, "--content", "Content"]
    if command == "build":
        arguments += ["--templates", TEMPLATES, "--output", output]
    started = time.perf_counter()
    completed = subprocess.run(arguments, cwd=folder, capture_output=True, text=True)
    return time.perf_counter() - started, completed


def measure_shape(shape, plain_folders):
    """Medians for plain and shaped articles, alternating, and the shaped run's report. The
    glossary row compares the same articles without their glossary, so that it shows the
    glossary's cost alone."""
    size = SHAPE_SIZES.get(shape, 1000)
    folder = tempfile.mkdtemp(prefix=f"healthguide-bench-{shape}-")
    generate_corpus.write_site(folder, size, shape)
    if shape == "glossary":
        baseline = tempfile.mkdtemp(prefix=f"healthguide-bench-{shape}-none-")
        shutil.copytree(os.path.join(folder, "Content"), os.path.join(baseline, "Content"))
        os.remove(os.path.join(baseline, "Content", "glossary.yml"))
        plain_folders[f"{shape}-none"] = baseline
    else:
        if size not in plain_folders:
            plain_folders[size] = tempfile.mkdtemp(prefix=f"healthguide-bench-plain-{size}-")
            generate_corpus.write_site(plain_folders[size], size)
        baseline = plain_folders[size]
    command = "check" if shape == "broken-links" else "build"
    plain, shaped = [], []
    for run in range(RUNS):
        plain.append(timed(baseline, command, f"Site-{shape}-{run}")[0])
        elapsed, completed = timed(folder, command, f"Site-{run}")
        shaped.append(elapsed)
    output = completed.stdout + completed.stderr
    if shape == "broken-links":
        broken = [line for line in output.splitlines() if "error: broken link" in line]
        note = f"{len(broken)} broken links reported, {sum('did you mean' in line for line in broken)} with a suggestion"
    else:
        note = "built" if completed.returncode == 0 else f"failed: {output.strip().splitlines()[-1]}"
    shutil.rmtree(folder, ignore_errors=True)
    return {"shape": shape, "size": size, "command": command, "plain": statistics.median(plain),
            "shaped": statistics.median(shaped), "note": note}


def measure_huge_table():
    """One article holding a 5,000 × 200 table among 1,000 plain ones: seconds to the answer,
    peak memory, and the answer."""
    folder = tempfile.mkdtemp(prefix="healthguide-bench-huge-table-")
    generate_corpus.write_site(folder, 1000)
    rows = ["| " + " | ".join(f"c{column}" for column in range(200)) + " |", "|" + " --- |" * 200]
    rows += ["| " + " | ".join("x" for _ in range(200)) + " |" for _ in range(5000)]
    article = generate_corpus.article(0, 1000, generate_corpus.random.Random(1), "plain", generate_corpus.Prose("plain"))
    with open(os.path.join(folder, "Content", "causes", "huge-table.md"), "w") as handle:
        handle.write(article + "\n" + "\n".join(rows) + "\n")
    command = ["/usr/bin/time", "-v", BINARY, "build", "--content", "Content", "--templates", TEMPLATES, "--output", "Site"]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    memory = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    answer = next((line for line in completed.stderr.splitlines() + completed.stdout.splitlines() if "huge-table.md" in line),
                  "built" if completed.returncode == 0 else "failed")
    shutil.rmtree(folder, ignore_errors=True)
    return elapsed, int(memory.group(1)) / 1024 if memory else float("nan"), answer


def hugo_version():
    words = subprocess.run([HUGO, "version"], capture_output=True, text=True).stdout.split()
    return words[1] if len(words) > 1 else "unknown version"


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"missing {BINARY}: run 'swift build -c release' first")
    measured = [measure(size) for size in SIZES]
    rows = [row for _, row in measured]
    for folder, _ in measured:
        shutil.rmtree(folder, ignore_errors=True)
    print()
    print(f"HealthGuide benchmark: median of {RUNS} runs, release build, {os.cpu_count()} cores")
    print(f"{'articles':>9} | {'full build':>10} | {'no change':>9} | {'(÷ full)':>8} | {'1 body edit':>11} | {'1 title edit':>12} | {'peak memory':>11} | {'save→reload':>11}")
    print("-" * 104)
    for row in rows:
        print(f"{row['size']:>9,} | {row['full']:>9.3f}s | {row['unchanged']:>8.3f}s | {row['unchanged'] / row['full']:>8.3f} | "
              f"{row['body'] * 1000:>9.0f}ms | {row['title'] * 1000:>10.0f}ms | {row['memory']:>7.0f} MiB | "
              f"{row['reload'] * 1000:>9.0f}ms")
    if HUGO:
        print(f"\nHugo ({hugo_version()}) on the same articles, full builds alternating with HealthGuide's:")
        for row in rows:
            print(f"{row['size']:>9,} articles: Hugo {row['hugo']:.3f}s, HealthGuide {row['full']:.3f}s = "
                  f"{row['full'] / row['hugo']:.2f}× Hugo's time")
    else:
        print("\n(no `hugo` on PATH: install Debian's hugo package to compare with Hugo on the same articles)")
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        print(f"\nscaling {small['size']:,} → {large['size']:,} articles: {large['full'] / small['full']:.1f}× the time "
              f"for {large['size'] / small['size']:.0f}× the articles")
    print(f"last full build said: {rows[-1]['summary']}")
    if SHAPES:
        plain_folders = {}
        shapes = [measure_shape(shape, plain_folders) for shape in SHAPES]
        for folder in plain_folders.values():
            shutil.rmtree(folder, ignore_errors=True)
        print(f"\nContent shapes: median of {RUNS} runs each, alternating with the same number of plain articles"
              " (the glossary row: with the same articles without their glossary)")
        print(f"{'shape':>16} | {'articles':>8} | {'command':>7} | {'plain':>8} | {'shaped':>8} | {'ratio':>6} | result")
        print("-" * 104)
        for row in shapes:
            print(f"{row['shape']:>16} | {row['size']:>8,} | {row['command']:>7} | {row['plain']:>7.3f}s | {row['shaped']:>7.3f}s | "
                  f"{row['shaped'] / row['plain']:>5.2f}× | {row['note']}")
        elapsed, memory, answer = measure_huge_table()
        print(f"\none 5,000 × 200 table among 1,000 articles: {elapsed:.3f}s, {memory:.0f} MiB peak: {answer}")


if __name__ == "__main__":
    main()
