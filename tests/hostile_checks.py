"""Checks that every brief must pass whatever its input: shared by the hostile-corpus tests
and the fuzz tests.

- The HTML is well-formed and holds only the tags and attributes written in the templates,
  with links only to places within the brief and to the sources' own http(s) pages.
- The Markdown, read by a Markdown processor, makes no link, image or raw HTML, and no
  heading but the template's.
- Every claim is verbatim from the source it cites, at the offsets it gives.
- A local HTTP server counts the requests anything sends it (there must be none), and a
  PDF's text, attachments and every decoded stream are searched for a secret.
"""

from __future__ import annotations

import http.server
import io
import re
import threading
from html.parser import HTMLParser

def _template_vocabulary() -> tuple[set[str], set[str]]:
    """The tags and attributes written in the HTML templates: all that a brief may hold."""
    from briefing.render.resources import templates_dir

    source = "\n".join(p.read_text("utf-8") for p in templates_dir().glob("*.html.j2"))
    return set(re.findall(r"<([a-z][a-z0-9]*)", source)), set(re.findall(r"\s([a-z][a-z-]*)=\"", source))


TEMPLATE_TAGS, TEMPLATE_ATTRIBUTES = _template_vocabulary()
VOID_TAGS = {"meta", "link", "br", "img", "hr", "input"}
_WEB_PAGE = re.compile(r"^https?://[^\s<>\"'`]+$")


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.anchors: list[str] = []  # internal link targets, checked once all ids are seen

    def handle_starttag(self, tag, attrs):
        if tag not in TEMPLATE_TAGS:
            self.errors.append(f"tag <{tag}> is not made by the templates")
        for name, value in attrs:
            if name not in TEMPLATE_ATTRIBUTES:
                self.errors.append(f"attribute {name}= on <{tag}> is not made by the templates")
            if name == "id":
                self.ids.add(value or "")
            if name == "href":
                if (value or "").startswith("#"):
                    self.anchors.append(value[1:])
                elif not self._source_link(tag, attrs, value):
                    self.errors.append(f"link to {value!r}, neither within the brief nor a source's web page")
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    @staticmethod
    def _source_link(tag, attrs, value) -> bool:
        """The source list links a source's own web address: a plain http(s) URL."""
        return tag == "a" and ("class", "source-link") in attrs and bool(_WEB_PAGE.match(value or ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_comment(self, data):
        self.errors.append("a comment is not made by the templates")


def html_problems(html: str) -> list[str]:
    """Why `html` is not a well-formed brief made by the templates alone (empty if it is)."""
    audit = _Audit()
    audit.feed(html)
    audit.close()
    if audit.stack:
        audit.errors.append(f"unclosed {audit.stack}")
    audit.errors.extend(f"link to #{a}, which is not in the brief" for a in audit.anchors if a not in audit.ids)
    if not html.lstrip().lower().startswith("<!doctype html>"):
        audit.errors.append("no doctype")
    return audit.errors


def markdown_problems(md: str, source_count: int, summary_count: int) -> list[str]:
    """What a Markdown processor makes of the brief that article text must not have made."""
    import markdown

    html = markdown.markdown(md)
    problems = []
    for tag in ("img", "script", "iframe", "object", "embed", "style", "link", "a", "table", "blockquote"):
        if re.search(rf"<{tag}[\s>]", html):
            problems.append(f"the Markdown makes <{tag}>")
    if len(re.findall(r"<h1>", html)) != 1:
        problems.append("the Markdown has more than the title as <h1>")
    if len(re.findall(r"<h3>", html)) != summary_count:
        problems.append("the Markdown has <h3> headings beside the source summaries")
    return problems


def norm(text: str) -> str:
    return " ".join(text.split())


def verbatim_problems(brief_json: dict, texts: dict[str, str]) -> list[str]:
    """Claims that are not, letter for letter, a sentence of the sources they cite.

    `texts` maps source id -> the cleaned text that evidence offsets point into.
    """
    problems = []
    claims = list(brief_json["key_points"]) + [c for s in brief_json["sections"] for c in s["claims"]]
    for claim in claims:
        if norm(claim["text"]) not in [norm(e["sentence"]) for e in claim["evidence"]]:
            problems.append(f"claim is not one of its evidence sentences: {claim['text'][:60]!r}")
        for e in claim["evidence"]:
            if texts[e["source"]][e["start"]:e["end"]] != e["sentence"]:
                problems.append(f"evidence is not at its offsets in source {e['source']}: {e['sentence'][:60]!r}")
    return problems


def pdf_payload(data: bytes) -> str:
    """Everything a PDF holds, as text: page text, attachments, every decoded stream."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(io.BytesIO(data))
    # pypdf reads the two-byte glyph codes of a large (Identity-H) font as a NUL and a
    # character; dropping the NULs gives back the text of the Latin-script glyphs.
    parts = [" ".join((page.extract_text() or "").replace("\x00", "").split()) for page in reader.pages]
    for name, contents in reader.attachments.items():
        parts.append(name)
        parts.extend(c.decode("latin-1") for c in contents)
    for num in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(num)
        except Exception:  # a free or missing object number
            continue
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
    return "\n".join(parts)


class CountingServer:
    """A local HTTP server on 127.0.0.1 that counts every request it gets."""

    def __init__(self):
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                requests.append(self.path)
                body = b"SERVED-BY-THE-COUNTING-SERVER"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_HEAD = do_GET

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
