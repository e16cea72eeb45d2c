"""The weekly brief as a Word file: laid out as weekly.html.j2 lays it out, written with the
single brief's Word writer (render/docx.py)."""

from __future__ import annotations

from briefing.render.docx import Writer


def weekly_docx(brief) -> bytes:
    """The weekly brief (weekly.WeeklyBrief) as a .docx file's bytes, as weekly.html.j2 lays it out."""
    from briefing.weekly.render import context

    ctx = context(brief)
    w = Writer(ctx["title"], None, f"Weekly brief {ctx['week']}", generator=ctx["generator"])
    stories = ctx["stories"]
    meta = (f"{ctx['first_day']} to {ctx['last_day']} · {len(stories)} stor{'ies' if len(stories) != 1 else 'y'} "
            f"from {len(ctx['sources'])} source{'s' if len(ctx['sources']) != 1 else ''}")
    if ctx["compared_with"]:
        meta += f" · marked against the brief of {ctx['compared_with']}"
    w.title_block(f"WEEKLY BRIEF · {ctx['week']}", ctx["title"], meta, ctx.get("notes", []))
    w.heading("Front page", 1, bookmark="front-page")
    for n, st in enumerate(stories, 1):
        paragraph = w.paragraph(style="List Number")
        w.link(paragraph, st["title"], f"story-{n}")
        if st["single_source"]:
            w.run(paragraph, " (single source)", muted=True)
        if st["bottom_line"]:
            c = st["bottom_line"]
            w.run(paragraph, f" — {(c['status'] or '').upper() + ' ' if c['status'] else ''}{c['text']} ")
            w.cites(paragraph, c["cites"])
    for n, st in enumerate(stories, 1):
        w.heading(f"{n}. {st['title']}", 1, bookmark=f"story-{n}")
        w.paragraph("Single source" if st["single_source"] else
                    f"{len(st['sources'])} sources from {st['outlets']} outlet{'s' if st['outlets'] != 1 else ''}, "
                    f"{st['origins']} independent origin{'s' if st['origins'] != 1 else ''}", muted=True)
        w.heading("Key points", 2)
        for c in st["key_points"]:
            w.claim(c, anchor=False, mark=c["status"] or "", compared_with=ctx["compared_with"],
                    weekly=True)
        for section in st["sections"]:
            if section["claims"]:
                w.heading(section["title"], 2)
                for c in section["claims"]:
                    w.claim(c, anchor=False, mark=c["status"] or "", compared_with=ctx["compared_with"],
                            weekly=True)
    if ctx["compared_with"]:
        w.heading("No longer reported", 1, bookmark="dropped")
        w.paragraph(f"What the brief of {ctx['compared_with']} said that no source repeats this week.", muted=True)
        for d in ctx["dropped"]:
            w.paragraph(f"{d['text']} (story “{d['story']}”; from {'; '.join(d['sources'])})", style="List Bullet")
        if not ctx["dropped"]:
            w.paragraph(f"Nothing: every claim of {ctx['compared_with']} is repeated this week.", italic=True)
    w.sources(ctx["sources"], links=False)
    w.colophon(ctx["generator"])
    return w.bytes()
