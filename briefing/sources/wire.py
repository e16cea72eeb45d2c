"""Newswire markup that is not the story's text: editing marks ("(begin italics)", "(end
optional trim)"), SGML entity codes of the wire's typesetting ("&LR;", "&UR;", "&QL;"), and
the wire's " _ " for a dash. Cleaning takes them out of the text (or, for the dash, writes it
as the dash it stands for) before anything is split or shown, so that no brief prints them
and every offset indexes the cleaned text.

The rules go by shape: any bracketed "(begin ...)"/"(end ...)" editing mark, any entity code
that is no HTML entity, an underscore standing alone between words.
"""

from __future__ import annotations

import html.entities
import re

# "(begin italics)", "(END OPTIONAL TRIM)", "(end bold)": an editing instruction in brackets.
_EDITING_MARK = re.compile(r"(?P<pre>[ \t]*)\((?:begin|end)\s+[a-z]+(?:\s+[a-z]+){0,2}\)(?P<post>[ \t]*)", re.I)
# "&LR;", "&QL;", "&amp;", "&#233;": an entity code; one that follows a letter ("R&B;") is
# a word with a stray semicolon, and is left alone.
_ENTITY = re.compile(r"(?P<pre>[ \t]*)(?<![A-Za-z0-9])&(?P<name>#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,7});"
                     r"(?P<post>[ \t]*)")
# The wire's dash: an underscore with a space on each side ("said _ and").
_WIRE_DASH = re.compile(r"(?<=\S) _ (?=\S)|^_ (?=\S)", re.M)


def scrub(text: str) -> str:
    """The text without wire editing marks and entity codes, its " _ " dashes as " — "."""
    text = _EDITING_MARK.sub(_removed, text)
    text = _ENTITY.sub(_entity, text)
    return _WIRE_DASH.sub(lambda m: " — " if m.group(0).startswith(" ") else "— ", text)


def _removed(m: re.Match) -> str:
    """What stands where a mark was: the space before it (a line's indentation is kept), else
    the space after it unless it opened a line, else one space between two words."""
    pre, post = m.group("pre"), m.group("post")
    at_line_start = m.start() == 0 or m.string[m.start() - 1] == "\n"
    at_line_end = m.end() == len(m.string) or m.string[m.end()] == "\n"
    if pre:
        return pre if not at_line_end or at_line_start else ""
    if post:
        return "" if at_line_start else post
    return "" if at_line_start or at_line_end else " "


def _entity(m: re.Match) -> str:
    """An HTML entity decoded (the wire writes "&AMP;" for "&"); a typesetting code removed."""
    code = m.group(0)[len(m.group("pre")):len(m.group(0)) - len(m.group("post"))]
    name = m.group("name")
    decoded = html.unescape(code.lower() if name.isupper() else code)
    if decoded not in (code, code.lower()):
        return m.group("pre") + decoded + m.group("post")
    return _removed(m)
