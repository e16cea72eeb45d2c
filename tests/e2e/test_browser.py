"""The HTML brief in a real browser (issue 15): headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium through /usr/bin/chromedriver) opens brief.html, follows
every citation link to its source entry, makes no network request, prints, is screenshot,
and passes axe-core (from the npm registry, injected as a file) with no serious or critical
violation. `make test` installs both where it can; elsewhere these tests skip and say why."""

from __future__ import annotations

import base64
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1600")
BANNER = "UNCLASSIFIED // FOR PUBLIC RELEASE"


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = _chromium()
    if chromium is None or not CHROMEDRIVER.exists():
        pytest.skip("Debian's chromium and chromium-driver are not installed: 'make test' installs them as root "
                    "where apt-get exists (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture(scope="module", params=["brief", "weekly"])
def page(request, browser, example_build, tmp_path_factory):
    """The example brief (with a handling banner), or a weekly brief marked against the week
    before, as brief.html opened in the browser; the URLs of every request the page made
    while loading; the brief's JSON."""
    from briefing.render import views as render
    from briefing.render import json as brief_json

    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "brief":
        brief = replace(example_build.brief, banner=BANNER)
        path = folder / "brief.html"
        path.write_text(render.to_html(brief), encoding="utf-8")
        data = brief_json.to_dict(brief)
    else:
        path, data = _weekly_brief(folder)
    return browser, path, _requests_opening(browser, path), data


def _weekly_brief(folder: Path) -> tuple[Path, dict]:
    import subprocess
    import sys

    from tests.weekly.test_weekly import WEEK_1, WEEK_2, write_week

    db = folder / "news.db"
    for week, articles in (("2023-W42", WEEK_1), ("2023-W43", WEEK_2)):
        for args in (["ingest", str(write_week(folder / week, articles))],
                     ["weekly", "--week", week, "-o", str(folder / "out"), "--formats", "html,json"]):
            done = subprocess.run([sys.executable, "-m", "briefing", *args, "--db", str(db)], cwd=ROOT,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr
    out = folder / "out" / "2023-W43"
    return out / "brief.html", json.loads((out / "brief.json").read_text("utf-8"))


def _requests_opening(browser, path: Path) -> list[str]:
    """The URLs of every request the browser makes while it opens `path`."""
    browser.get_log("performance")  # drop what the browser did before
    browser.get(path.as_uri())
    return [m["params"]["request"]["url"] for m in
            (json.loads(e["message"])["message"] for e in browser.get_log("performance"))
            if m["method"] == "Network.requestWillBeSent"]


# Schemes of the browser's own pages and of data inside the page: no request leaves the machine.
LOCAL = ("data", "blob", "about", "chrome", "chrome-extension", "devtools")


def test_the_page_makes_no_network_request(page):
    browser, path, requests, _ = page
    assert path.as_uri() in requests, "the browser reported no request for the page itself"
    assert [u for u in requests if urlsplit(u).scheme not in LOCAL and u != path.as_uri()] == []
    # and nothing in it would fetch anything later: no external script, style, image or frame
    fetching = browser.execute_script(
        "return Array.from(document.querySelectorAll('script[src], link[href], img, iframe, object, embed, "
        "video, audio, source')).map(e => e.outerHTML.slice(0, 120));")
    assert fetching == []


def test_every_citation_link_scrolls_to_an_existing_source_entry(page):
    browser, _, _, brief = page
    checked, problems = browser.execute_script("""
        const problems = [];
        const links = Array.from(document.querySelectorAll('a.cite'));
        for (const a of links) {
          window.scrollTo(0, 0);
          a.click();
          const id = decodeURIComponent(a.hash.slice(1));
          const target = document.getElementById(id);
          if (!target) { problems.push(['no such entry', a.hash]); continue; }
          if (!target.matches('#sources li')) problems.push(['not a source entry', a.hash]);
          if (location.hash !== a.hash) problems.push(['not followed', a.hash, location.hash]);
          const r = target.getBoundingClientRect();
          if (!(r.top >= -1 && r.top < window.innerHeight && r.bottom > 0))
            problems.push(['not scrolled into view', a.hash, r.top]);
        }
        return [links.map(a => a.hash), problems];""")
    assert problems == []
    cited = {e["source"] for s in brief["sections"] for c in s["claims"] for e in c["evidence"]}
    assert cited
    assert {f"#source-{sid}" for sid in cited} <= set(checked)


def test_the_page_prints_and_is_screenshot(page):
    browser, path, _, _ = page
    browser.execute_script("window.scrollTo(0, 0)")
    shot = path.with_suffix(".png")
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000  # a page, not a blank
    from selenium.webdriver.common.print_page_options import PrintOptions

    pdf = base64.b64decode(browser.print_page(PrintOptions()))
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
    if os.environ.get("BRIEFING_SCREENSHOT"):  # keep them to look at: BRIEFING_SCREENSHOT=folder
        shutil.copy(shot, Path(os.environ["BRIEFING_SCREENSHOT"]) / f"{path.parent.name}.png")


def test_axe_finds_no_serious_or_critical_accessibility_violation(page):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE.relative_to(ROOT)}: 'make test' installs it with npm")
    browser, _, _, _ = page
    browser.execute_script(AXE.read_text("utf-8"))
    violations = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""")
    print(json.dumps(violations, indent=1))  # the minor and moderate ones, for whoever reads -s
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []


def test_the_request_check_sees_a_page_that_fetches(browser, tmp_path):
    # the check above can fail: a page with an image on a (loopback) server is caught fetching it
    path = tmp_path / "fetching.html"
    path.write_text('<!DOCTYPE html><html lang="en"><title>t</title><img alt="" src="http://127.0.0.1:9/x.png">')
    assert "http://127.0.0.1:9/x.png" in _requests_opening(browser, path)
