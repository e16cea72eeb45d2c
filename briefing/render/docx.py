"""Write a brief as a Word file (`--formats docx`), with python-docx (imported here only).

The same structure as the HTML and PDF brief, built from the same views (render.context,
weekly_render.context): title and meta line; key points; the sections' claims, each with
its citations, support, discrepancies and denials; timeline; actors; the numbered source
list; the appendix; the colophon. The handling banner is in every page's header and
footer. Each citation is a link to its entry in the source list (a bookmark), as in the
HTML. The file's bytes depend on the brief only (fixed times inside the package).
"""

from __future__ import annotations

import io
import zipfile

from briefing.render.filters import cite_runs, web_url

LINK_COLOUR = "1F4E79"
MUTED_COLOUR = "595959"


class Writer:
    """A python-docx document with the helpers a brief needs."""

    def __init__(self, title: str, banner: str | None, subject: str = "", keywords: list[str] = (),
                 generator: str = ""):
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        self.doc = docx.Document()
        self._bookmarks = 0
        props = self.doc.core_properties
        props.title, props.subject, props.keywords = title, subject, ", ".join(keywords)
        props.author, props.comments, props.last_modified_by = generator, f"Made with {generator}", generator
        import datetime as dt

        props.created = props.modified = dt.datetime(2000, 1, 1)  # no build time: same brief, same bytes
        props.revision = 1
        if banner:
            section = self.doc.sections[0]
            for part in (section.header, section.footer):
                paragraph = part.paragraphs[0]
                paragraph.text = banner
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.bold = True

    # -- blocks ----------------------------------------------------------------------------

    def heading(self, text: str, level: int, bookmark: str | None = None):
        paragraph = self.doc.add_heading(text, level)
        if bookmark:
            self.bookmark(paragraph, bookmark)
        return paragraph

    def paragraph(self, text: str = "", style: str | None = None, muted: bool = False, italic: bool = False):
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            self.run(paragraph, text, muted=muted, italic=italic)
        return paragraph

    def run(self, paragraph, text: str, bold: bool = False, italic: bool = False, muted: bool = False):
        from docx.shared import RGBColor

        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if muted:
            run.font.color.rgb = RGBColor.from_string(MUTED_COLOUR)
        return run

    def link(self, paragraph, text: str, anchor: str) -> None:
        """A link to a bookmark of this document (`anchor`), shown as `text`."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), _name(anchor))
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), LINK_COLOUR)
        props.append(colour)
        run.append(props)
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        link.append(run)
        paragraph._p.append(link)

    def bookmark(self, paragraph, name: str) -> None:
        """Name `paragraph` so that links to `name` lead to it."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self._bookmarks += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(self._bookmarks))
        start.set(qn("w:name"), _name(name))
        end.set(qn("w:id"), str(self._bookmarks))
        p = paragraph._p
        p.insert(1 if p.pPr is not None else 0, start)
        p.append(end)

    def cites(self, paragraph, ids: list[str]) -> None:
        """Citations as in the HTML: [1][2], a run of three or more as [3–5], each a link."""
        for first, last in cite_runs(ids):
            if last:
                self.run(paragraph, "[")
                self.link(paragraph, first, f"source-{first}")
                self.run(paragraph, "–")
                self.link(paragraph, last, f"source-{last}")
                self.run(paragraph, "]")
            else:
                self.link(paragraph, f"[{first}]", f"source-{first}")

    def claim(self, c: dict, style: str = "List Bullet", anchor: bool = True, mark: str = "",
              claim_texts: dict[str, str] | None = None, compared_with: str | None = None,
              weekly: bool = False) -> None:
        paragraph = self.paragraph(style=style)
        if anchor and c.get("ref"):
            self.bookmark(paragraph, c["ref"])
        if mark:
            self.run(paragraph, f"{mark.upper()} ", bold=True, muted=True)
        self.run(paragraph, c["text"] + " ")
        self.cites(paragraph, c["cites"])
        if not weekly:
            self.run(paragraph, f" {c['support']}", italic=True, muted=True)
        elif c["origins"] < len(c["cites"]):
            self.run(paragraph, f" ({c['origins']} origin{'s' if c['origins'] != 1 else ''})", muted=True)
        for was, now in c.get("changes", []):
            note = self.paragraph(style="List Continue")
            self.run(note, f"Changed since {compared_with}: ", bold=True)
            self.run(note, f"{was} → {now}")
        for d in c.get("discrepancies", []):
            note = self.paragraph(style="List Continue")
            self.run(note, f"Sources differ on the {d['kind']}: ", bold=True)
            for n, (sid, value) in enumerate(d["pairs"]):
                self.run(note, f"{value} ")
                self.link(note, f"[{sid}]", f"source-{sid}")
                if n < len(d["pairs"]) - 1:
                    self.run(note, "; ")
        if c.get("answers") and claim_texts and c["answers"] in claim_texts:
            note = self.paragraph(style="List Continue")
            self.run(note, "In answer to: ", bold=True)
            self.link(note, claim_texts[c["answers"]], c["answers"])
        for d in c.get("denials", []):
            note = self.paragraph(style="List Continue")
            self.run(note, "Denied: ", bold=True)
            self.run(note, d["text"] + " ")
            self.cites(note, d["cites"])

    def sources(self, sources, links: bool = True) -> None:
        self.heading("Sources", 1, bookmark="sources")
        for s in sources:
            paragraph = self.paragraph()
            self.bookmark(paragraph, f"source-{s.id}")
            self.run(paragraph, f"[{s.id}] ", bold=True)
            self.run(paragraph, s.title or "Untitled", italic=not s.title)
            details = "".join(f"{sep}{value}" for sep, value in ((" — ", s.author), (", ", s.publisher),
                                                               (", ", s.published)) if value)
            if getattr(s, "descriptor", None):
                details += f" ({s.descriptor})"
            self.run(paragraph, details)
            where = s.url if (s.url and (web_url(s.url) or not links)) else (s.url or s.path)
            if where:
                self.run(paragraph, f". {where}", muted=True)

    def title_block(self, kicker: str, title: str, meta: str, notes: list[str]) -> None:
        """The kicker, the title, the meta line and any notes on the whole brief (its languages)."""
        self.paragraph(kicker, muted=True)
        self.heading(title, 0)
        self.paragraph(meta, muted=True)
        for note in notes:
            self.paragraph(note, italic=True)

    def colophon(self, generator: str) -> None:
        self.paragraph(f"Every sentence above is quoted verbatim from the numbered source(s). Made with {generator}.",
                       muted=True, italic=True)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return _fixed_times(out.getvalue())


def _name(anchor: str) -> str:
    """A bookmark name Word accepts: letters, digits and underscores ("source-3" -> "source_3")."""
    return "".join(ch if ch.isalnum() else "_" for ch in anchor)[:40]


def _fixed_times(data: bytes) -> bytes:
    """The package with every member stamped 1980-01-01, so that the bytes do not carry the
    time of writing (zipfile stamps members with the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def brief_docx(brief) -> bytes:
    """The single brief (models.Brief) as a .docx file's bytes."""
    from briefing.render.views import context

    ctx = context(brief)
    w = Writer(ctx["title"], ctx["banner"], ctx["subject"], ctx["keywords"], ctx["generator"])
    meta = f"{len(ctx['sources'])} source{'s' if len(ctx['sources']) != 1 else ''}"
    if ctx["cutoff"]:
        meta += f" · information cut-off {ctx['cutoff']}"
    if ctx["built"]:
        meta += f" · built {ctx['built']}"
    w.title_block("BRIEF", ctx["title"], meta, ctx.get("notes", []))
    w.heading("Key points", 1, bookmark="key-points")
    for c in ctx["key_points"]:
        w.claim(c, claim_texts=ctx["claim_texts"])  # key points are printed once: the anchor is here
    for section in ctx["sections"]:
        if section["claims"]:
            w.heading(section["title"], 1, bookmark=f"section-{section['key']}")
            for c in section["claims"]:
                w.claim(c, claim_texts=ctx["claim_texts"])
    if ctx["timeline"]:
        w.heading("Timeline", 1, bookmark="timeline")
        for e in ctx["timeline"]:
            paragraph = w.paragraph(style="List Bullet")
            w.bookmark(paragraph, e["ref"])
            w.run(paragraph, f"{e['date']}  ", bold=True)
            w.run(paragraph, e["text"] + " ")
            w.cites(paragraph, e["cites"])
    if ctx["actors"]:
        w.heading("Actors", 1, bookmark="actors")
        for a in ctx["actors"]:
            paragraph = w.paragraph(style="List Bullet")
            w.run(paragraph, a["name"], bold=True)
            if a["variants"]:
                w.run(paragraph, f" (also spelt {', '.join(a['variants'])})", muted=True)
            if a["role"]:
                w.run(paragraph, f" — {a['role']}")
            w.run(paragraph, " ")
            w.cites(paragraph, a["sources"])
    w.sources(ctx["sources"])
    w.heading("Appendix: source summaries", 1, bookmark="appendix")
    if ctx["appendix_left_out"]:
        w.paragraph(f"Left out to keep the brief short: the summaries of {ctx['appendix_left_out']} sources. "
                    "The brief's JSON file lists them under source_summaries.", italic=True)
    for summary in ctx["source_summaries"]:
        w.heading(f"[{summary['source']}] {summary['title'] or 'Untitled'}", 2)
        for sentence in summary["sentences"]:
            w.paragraph(sentence, style="List Bullet")
    w.colophon(ctx["generator"])
    return w.bytes()
