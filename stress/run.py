#!/usr/bin/env python3
"""`make stress`: the preview server under load and attack, on loopback only.

Starts `healthguide serve` on a free 127.0.0.1 port over a copy of the real guide, then:
  1. 30 s of wrk load (64 connections) on an article, with no errors, the server still answering;
  2. a thousand path-traversal variants (`..`, `%2e%2e`, `%252e`, backslashes, absolute paths,
     symbolic links placed in the output) — none may escape the output folder;
  3. oversized headers and slow clients — the server must keep answering;
  4. rebuilds during load — every page served must be complete;
  5. requests for other host names (DNS rebinding) — refused with 421 and nothing of the site;
  6. a second preview on the taken port — exit 2 before building anything.
Every request loop is bounded in count and time. Prints `stress: N passed, M failed`.
"""
import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Absolute: the preview runs in a folder of its own, where a relative path would not lead.
BINARY = os.path.abspath(os.environ.get("HEALTHGUIDE", os.path.join(REPOSITORY, ".build", "debug", "healthguide")))
ARTICLE = "/treatments/ice-and-heat/"
SECRET = "healthguide-stress-secret-7f3a"

results = []


def record(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def raw_get(port, path, headers="", timeout=5.0, host=None):
    """Sends the request line exactly as given (no client-side normalising) and returns (status, body).
    `host` is the Host header's value, 127.0.0.1:<port> unless given; "" sends none."""
    host = f"127.0.0.1:{port}" if host is None else host
    host_line = f"Host: {host}\r\n" if host else ""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\n{host_line}{headers}Connection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    match = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return (int(match.group(1)) if match else 0), body


def wait_until_serving(port, process, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            if raw_get(port, "/", timeout=2)[0] == 200:
                return True
        except OSError:
            time.sleep(0.2)
    return False


def traversal_paths():
    dots = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%25252e%25252e", "..%00", "%c0%ae%c0%ae", "...."]
    separators = ["/", "%2f", "%2F", "\\", "%5c", "%255c", "%252f", "//"]
    targets = ["etc/passwd", "stress-secret.txt", ".healthguide/manifest.json", "Content/site.yml"]
    prefixes = ["/", "/causes/", "/assets/", "/search/"]
    paths = set()
    for dot, separator, depth, target, prefix in itertools.product(dots, separators, [1, 3, 8], targets, prefixes):
        paths.add(prefix + (dot + separator) * depth + target.replace("/", separator))
        if len(paths) >= 960:
            break
    paths.update(["//etc/passwd", "/%2fetc%2fpasswd", "/\\etc\\passwd", "/C:\\Windows\\win.ini", "/./../etc/passwd",
                  "/.healthguide/manifest.json", "/%2ehealthguide/manifest.json", "/link-out/passwd", "/secret-link.html",
                  "/causes/../../etc/passwd", "/causes/%2e%2e/%2e%2e/etc/passwd", "http://127.0.0.1/../../etc/passwd"])
    return sorted(paths)


def leaked(body):
    return b"root:x:0:0" in body or SECRET.encode() in body or b'"files"' in body or b"emergency_number" in body


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"missing {BINARY}: run 'swift build --product healthguide' first")
    work = tempfile.mkdtemp(prefix="healthguide-stress-")
    shutil.copytree(os.path.join(REPOSITORY, "Content"), os.path.join(work, "Content"))
    shutil.copytree(os.path.join(REPOSITORY, "Templates"), os.path.join(work, "Templates"))
    with open(os.path.join(work, "stress-secret.txt"), "w") as handle:
        handle.write(SECRET)
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([BINARY, "serve", "--port", str(port)], cwd=work, stdout=log, stderr=subprocess.STDOUT)
    try:
        if not wait_until_serving(port, server):
            record(False, "server starts", open(os.path.join(work, "serve.log")).read()[-2000:])
            return
        record(True, f"server starts on 127.0.0.1:{port}")
        site = os.path.join(work, "Site")
        os.symlink("/etc", os.path.join(site, "link-out"))
        os.symlink(os.path.join(work, "stress-secret.txt"), os.path.join(site, "secret-link.html"))
        load_test(port)
        traversal_test(port)
        header_and_slow_client_test(port)
        rebuild_under_load_test(port, work)
        foreign_host_test(port)
        port_taken_test(port, work)
        record(server.poll() is None, "server still running at the end")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
        print(f"stress: {sum(results)} passed, {len(results) - sum(results)} failed")
        sys.exit(0 if all(results) else 1)


def load_test(port):
    completed = subprocess.run(["wrk", "-t2", "-c64", "-d30s", "--timeout", "5s", f"http://127.0.0.1:{port}{ARTICLE}"],
                               capture_output=True, text=True, timeout=90)
    output = completed.stdout
    requests = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    served = int(requests.group(1)) if requests else 0
    record(served > 0 and not errors and not non_2xx, f"wrk 30 s, 64 connections: {served} requests served",
           (errors.group(0) if errors else "") + (non_2xx.group(0) if non_2xx else ""))
    print("     " + " ".join(line.strip() for line in output.splitlines() if "Req/Sec" in line or "Latency" in line))
    record(raw_get(port, ARTICLE)[0] == 200, "server answers after the load")


def traversal_test(port):
    paths = traversal_paths()
    escapes = []
    for path in paths:
        try:
            status, body = raw_get(port, path)
        except OSError:
            continue
        if leaked(body):
            escapes.append(f"{path} → {status}")
    record(not escapes, f"{len(paths)} path-traversal variants: none escaped the output folder", "; ".join(escapes[:5]))


def header_and_slow_client_test(port):
    try:
        status, _ = raw_get(port, "/", headers="X-Big: " + "a" * 200_000 + "\r\n", timeout=10)
    except OSError:
        status = 0
    record(status in (0, 400, 431), f"a 200 KB header is refused (status {status or 'connection closed'})")
    record(raw_get(port, "/")[0] == 200, "server answers after the oversized header")
    slow = []
    for _ in range(50):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        connection.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
        slow.append(connection)
    started = time.time()
    status = raw_get(port, ARTICLE, timeout=10)[0]
    record(status == 200 and time.time() - started < 5, f"50 slow clients do not block others ({time.time() - started:.2f} s)")
    for connection in slow:
        connection.close()


def rebuild_under_load_test(port, work):
    article = os.path.join(work, "Content", ARTICLE.strip("/") + ".md")
    original = open(article).read()
    stop = threading.Event()
    incomplete = []
    fetched = [0]

    def reader():
        deadline = time.time() + 60
        while not stop.is_set() and time.time() < deadline:
            status, body = raw_get(port, ARTICLE)
            fetched[0] += 1
            if status != 200 or not body.rstrip().endswith(b"</html>"):
                incomplete.append(status)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for edit in range(20):
        with open(article, "w") as handle:
            handle.write(original.replace("## ", f"Edit number {edit}.\n\n## ", 1))
        time.sleep(0.4)
    with open(article, "w") as handle:
        handle.write(original)
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join()
    record(not incomplete and fetched[0] > 0, f"20 rebuilds during load: {fetched[0]} pages fetched, all complete",
           f"{len(incomplete)} incomplete" if incomplete else "")


def foreign_host_test(port):
    """A page on another site that points its own name at 127.0.0.1 sends that name: nothing is answered."""
    hosts = ["attacker.example", f"attacker.example:{port}", f"127.0.0.1.attacker.example:{port}", "127.0.0.1",
             f"localhost:{port + 1 if port < 65535 else 1}", f"10.0.0.1:{port}", f"localhost:{port}:{port}", "",
             "a" * 5000, f"[::1]:{port}x", f"localhost\u00a0:{port}"]
    paths = ["/", ARTICLE, "/search-index.json", "/__healthguide/events", "/__healthguide/reload.js", "/no-such-page/"]
    wrong = []
    for host, path in itertools.product(hosts, paths):
        try:
            status, body = raw_get(port, path, host=host)
        except OSError:
            continue
        if status not in (400, 421) or b"<html" in body or b"EventSource" in body or b"retry:" in body:
            wrong.append(f"Host {host[:40]!r} {path} → {status}")
    record(not wrong, f"{len(hosts) * len(paths)} requests for other host names refused with 421", "; ".join(wrong[:5]))
    allowed = [raw_get(port, ARTICLE, host=host)[0] for host in (f"localhost:{port}", f"[::1]:{port}", f"127.0.0.1:{port}")]
    record(allowed == [200, 200, 200], f"localhost, [::1] and 127.0.0.1 with the port are answered ({allowed})")


def port_taken_test(port, work):
    """A second preview on the same port stops at once with status 2, before building its site."""
    second = os.path.join(work, "second")
    os.makedirs(second)
    for folder in ("Content", "Templates"):
        os.symlink(os.path.join(work, folder), os.path.join(second, folder))
    started = time.time()
    completed = subprocess.run([BINARY, "serve", "--port", str(port)], cwd=second, capture_output=True, text=True, timeout=60)
    seconds = time.time() - started
    expected = f"error: port {port} is already in use on 127.0.0.1: stop the other server, or choose another port with --port\n"
    record(completed.returncode == 2 and completed.stderr == expected and not os.path.exists(os.path.join(second, "Site")),
           f"a second preview on port {port}: exit {completed.returncode} in {seconds:.2f} s, nothing built",
           completed.stderr.strip()[:300])


if __name__ == "__main__":
    main()
