"""Issue 11, the network: misbehaving servers, server-side request forgery through feeds and
redirects, feed entries that used to stop a run. Served by tests/hostile_server.py on
127.0.0.1; `ingest` runs in this process, with a guard that refuses (and records) any
connection to an address other than loopback, so that even a broken check sends nothing out.
"""

from __future__ import annotations

import socket
import sqlite3
import time

import pytest

import briefing.cli as cli
from tests.hostile_server import ARTICLE, CORPUS, SECRET, running


@pytest.fixture
def guard(monkeypatch):
    """Every outgoing connection this process tries; any but 127.0.0.1 / ::1 is refused."""
    tried: list[str] = []
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        tried.append(address[0])
        if address[0] not in ("127.0.0.1", "::1"):
            raise ConnectionRefusedError(f"test guard: no connection to {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return tried


@pytest.fixture
def site():
    with running() as (server, listener):
        yield server, listener


def ingest(capsys, db, *args: str) -> tuple[int, dict[str, str], str]:
    """Run `briefing ingest` here; the exit status, each report line by its input, stderr."""
    status = cli.main(["ingest", *args, "--db", str(db)])
    out = capsys.readouterr()
    by_input = {}
    for line in out.out.splitlines():
        assert "\x1b" not in line and "\x07" not in line
        if line.startswith("failed"):
            by_input[line[len("failed   "):].split(": ", 1)[0]] = line
        else:
            by_input[line.split(None, 2)[2].split("  (", 1)[0]] = line
    assert "Traceback" not in out.err
    return status, by_input, out.err


def stored_texts(db) -> str:
    with sqlite3.connect(db) as con:
        return "\n".join(r[0] + r[1] for r in con.execute("SELECT text, raw_text FROM articles"))


def count(db) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


# --- misbehaving servers: one line each, the rest stored ----------------------------------

def test_each_misbehaving_answer_is_one_failed_line_and_the_good_page_is_still_stored(site, guard, capsys, tmp_path):
    server, _ = site
    urls = [server.base + path for path in CORPUS] + [server.base + "/ok.html"]
    status, lines, err = ingest(capsys, tmp_path / "news.db", *urls, "--timeout", "5")
    assert status == 1
    for path, case in CORPUS.items():
        line = lines[server.base + path]
        assert line.startswith("failed") and case["says"] in line, (case["what"], line)
        assert len(line.splitlines()) == 1
    assert lines[server.base + "/ok.html"].startswith("added")
    assert f"1 added, 0 already present, {len(CORPUS)} failed" in err
    assert ARTICLE[0] in stored_texts(tmp_path / "news.db")


def test_a_short_body_is_never_stored_so_the_next_run_fetches_it_again(site, guard, capsys, tmp_path):
    server, _ = site
    db = tmp_path / "news.db"
    for _ in range(2):
        status, lines, _ = ingest(capsys, db, server.base + "/short-body")
        assert status == 1 and "sent 300 of the 100,000 bytes it announced" in lines[server.base + "/short-body"]
    assert server.requests.count("/short-body") == 2
    assert count(db) == 0


def test_the_timeout_is_a_deadline_for_the_whole_fetch_not_for_each_read(site, guard, capsys, tmp_path):
    server, _ = site
    start = time.monotonic()
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/drip", "--timeout", "2")
    took = time.monotonic() - start
    assert status == 1 and "did not answer within 2 s" in lines[server.base + "/drip"]
    assert took < 5, f"a server dripping a byte every 0.5 s held --timeout 2 for {took:.1f} s"


def test_an_absurd_timeout_is_taken_as_the_longest_and_the_page_is_fetched(site, guard, capsys, tmp_path):
    server, _ = site
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/ok.html", "--timeout", "1e308")
    assert status == 0 and lines[server.base + "/ok.html"].startswith("added")


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0"])
def test_a_timeout_that_is_no_positive_number_is_a_usage_error(capsys, tmp_path, value):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["ingest", "http://127.0.0.1:9/x", f"--timeout={value}", "--db", str(tmp_path / "n.db")])
    assert exit_.value.code == 2
    assert "--timeout" in capsys.readouterr().err
    assert not (tmp_path / "n.db").exists()


# --- server-side request forgery ----------------------------------------------------------

def ssrf_feed(server, listener) -> tuple[str, list[str]]:
    port = server.port
    links = [f"http://127.0.0.1:{port}/secret", f"http://localhost:{port}/secret",
             f"http://[::1]:{port}/secret", f"http://[::ffff:127.0.0.1]:{port}/secret",
             f"http://0.0.0.0:{port}/secret", f"http://127.1:{port}/secret",
             "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://192.168.1.1/",
             f"ftp://127.0.0.1:{listener.port}/", f"file:///etc/passwd"]
    items = "".join(f"<item><title>Item {i}</title><link>{link.replace('&', '&amp;')}</link></item>"
                    for i, link in enumerate(links))
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Lenvik Post</title>'
            f"<link>{server.base}/</link>{items}</channel></rss>")
    return feed, links


def test_links_in_a_feed_reach_no_loopback_private_link_local_or_non_http_address(site, guard, capsys, tmp_path):
    server, listener = site
    feed, links = ssrf_feed(server, listener)
    server.serve("/feed.xml", feed, "application/rss+xml")
    db = tmp_path / "news.db"
    status, lines, _ = ingest(capsys, db, server.base + "/feed.xml")  # the feed itself: typed, so allowed
    assert status == 1
    assert server.requests == ["/feed.xml"]  # not one of its links was requested
    assert listener.connections == 0  # nothing spoke to the FTP stand-in
    assert [a for a in guard if a not in ("127.0.0.1",)] == []  # no connection tried elsewhere
    assert SECRET not in (stored_texts(db) if db.exists() else "")
    failed = [l for l in lines.values() if l.startswith("failed")]
    assert len(failed) == len(links)
    for link in links[:9]:
        line = next(l for l in failed if f"-> {link}" in l)
        assert "may not reach" in line and "--allow-private-addresses" in line


def test_allow_private_addresses_opts_in_to_links_on_this_machine(site, guard, capsys, tmp_path):
    server, listener = site
    server.serve("/feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                              f"<item><title>Ferry</title><link>{server.base}/ok.html</link></item>"
                              f"<item><title>FTP</title><link>ftp://127.0.0.1:{listener.port}/</link></item>"
                              "</channel></rss>", "application/rss+xml")
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/feed.xml", "--allow-private-addresses")
    assert "/ok.html" in server.requests
    assert any(l.startswith("added") and "/ok.html" in l for l in lines.values())
    assert listener.connections == 0  # a non-http(s) link is never fetched, opt-in or not


@pytest.mark.parametrize("target, why", [
    ("http://127.0.0.1:{port}/secret", "loopback"),
    ("http://localhost:{port}/secret", "loopback"),  # refused after DNS resolution
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.1.2.3/", "private"),
    ("http://[fd00::1]/", "private"),
    ("ftp://127.0.0.1:{ftp}/", "not an http(s)"),
    ("file:///etc/passwd", "not an http(s)"),
])
def test_a_redirect_to_a_forbidden_target_is_refused_even_from_a_typed_address(site, guard, capsys, tmp_path,
                                                                               target, why):
    server, listener = site
    server.redirect("/go", target.format(port=server.port, ftp=listener.port))
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/go")
    line = lines[server.base + "/go"]
    assert status == 1 and line.startswith("failed") and why in line
    assert server.requests == ["/go"] and listener.connections == 0
    assert [a for a in guard if a != "127.0.0.1"] == []


def test_a_redirect_to_loopback_is_followed_only_with_the_opt_in(site, guard, capsys, tmp_path):
    server, listener = site
    server.redirect("/go", f"http://localhost:{server.port}/ok.html")
    server.redirect("/ftp", f"ftp://127.0.0.1:{listener.port}/")
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/go", server.base + "/ftp",
                              "--allow-private-addresses")
    assert lines[server.base + "/go"].startswith("added")
    assert lines[server.base + "/ftp"].startswith("failed") and listener.connections == 0


def test_a_name_that_resolves_to_a_private_address_is_refused_whatever_else_it_resolves_to(
        site, guard, capsys, tmp_path, monkeypatch):
    server, _ = site
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "news.example.com":  # one public address and one loopback one (DNS rebinding)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                    (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    server.serve("/feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                              f"<item><title>x</title><link>http://news.example.com:{server.port}/secret</link></item>"
                              "</channel></rss>", "application/rss+xml")
    status, lines, _ = ingest(capsys, tmp_path / "news.db", server.base + "/feed.xml")
    assert status == 1 and server.requests == ["/feed.xml"] and guard == ["127.0.0.1"]
    assert any("loopback address (127.0.0.1)" in l for l in lines.values())


# --- feed entries that used to stop the run ------------------------------------------------

def awkward_feed(base: str) -> str:
    text = "<p>The feed's own text: the island ferry will run four times a day from the first of May.</p>" \
           "<p>Tickets go on sale at the harbour office next week, the board said in a statement.</p>"
    items = [
        f"<item><title>Roof</title><link>{base}/a b.html</link></item>",  # a space, as real feeds have
        f"<item><title>Bad port</title><link>http://h:abc/</link><description><![CDATA[{text}]]></description></item>",
        f"<item><title>Broken IPv6</title><link>http://[::1/x</link></item>",
        f"<item><title>Surrogate &#xD800; here</title><link>{base}/ok.html</link>"
        f"<author>{'Longname ' * 600}</author></item>",  # a 5,000-character author
        "<item><title>Escape &#27;]0;pwned&#7; and a&#10;failed   forged line</title>"
        f"<description><![CDATA[{text.replace('island ferry', 'island ferry boat')}]]></description></item>",
    ]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Awkward</title>'
            f"{''.join(items)}</channel></rss>")


def test_awkward_feed_entries_cost_only_themselves(site, guard, capsys, tmp_path):
    server, _ = site
    server.serve("/feed.xml", awkward_feed(server.base), "application/rss+xml")
    status, lines, err = ingest(capsys, tmp_path / "news.db", server.base + "/feed.xml", "--allow-private-addresses")
    out = list(lines.values())
    assert len(out) == 5  # one line per entry; none forged by a title
    assert "/a%20b.html" in server.requests
    assert sum(l.startswith("added") for l in out) == 4, out
    broken = next(l for l in out if "[::1/x" in l)
    assert broken.startswith("failed") and "not a valid address" in broken
    bad_port = next(l for l in out if "h:abc" in l)
    assert bad_port.startswith("added") and "used the feed's own text" in bad_port
    with sqlite3.connect(tmp_path / "news.db") as con:
        titles = [r[0] for r in con.execute("SELECT title FROM articles")]
        authors = [r[0] for r in con.execute("SELECT author FROM articles WHERE author IS NOT NULL")]
    assert all("\x1b" not in t and "\x07" not in t and "\n" not in t for t in titles)
    assert authors and all(len(a) <= 300 for a in authors)


@pytest.mark.parametrize("url", ["http://[::1/x", "http://h:abc/", "http://127.0.0.1:99999/", "http:///nohost"])
def test_a_broken_address_typed_on_the_command_line_is_one_failed_line(capsys, tmp_path, url):
    status, lines, _ = ingest(capsys, tmp_path / "news.db", url, "--timeout", "2")
    assert status == 1 and len(lines) == 1
    line = next(iter(lines.values()))
    assert line.startswith("failed") and ("not a valid address" in line or "no host name" in line)


def test_a_feed_entry_that_breaks_the_reader_fails_alone_in_every_later_run(site, guard, capsys, tmp_path,
                                                                             monkeypatch):
    from briefing.sources import files as ingest_module

    server, _ = site
    server.serve("/feed.xml", awkward_feed(server.base), "application/rss+xml")
    real = ingest_module.read_html

    def read_html(data, source, *limits):  # the entry with the escape sequence breaks the reader
        if b"island ferry boat" in data:
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, source, *limits)

    monkeypatch.setattr(ingest_module, "read_html", read_html)
    db = tmp_path / "news.db"
    first = ingest(capsys, db, server.base + "/feed.xml", "--allow-private-addresses")
    second = ingest(capsys, db, server.base + "/feed.xml", "--allow-private-addresses")
    for status, lines, _ in (first, second):
        assert status == 1
        assert sum("could not be read (RecursionError)" in l for l in lines.values()) == 1
    assert sum(l.startswith("added") for l in first[1].values()) == 3
    assert sum(l.startswith("present") for l in second[1].values()) == 3
