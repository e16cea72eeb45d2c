"""Decode an article's bytes into text: the encodings articles come in, the repairs a damaged
file needs, and a clear refusal of binary files saved or renamed as text."""

from __future__ import annotations

import re

from briefing.errors import InputError

# File types that are often renamed or mis-saved as text, by their first bytes.
_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
          (b"PK\x05\x06", "an empty ZIP archive"), (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"),
          (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
          (b"\x7fELF", "a program (ELF)"), (b"MZ", "a Windows program"), (b"RIFF", "a media file (RIFF)"),
          (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"SQLite format 3\x00", "an SQLite database"))
# A document read under its own extension, when it was saved under another one.
_RENAME = {b"%PDF-": "name it .pdf to read it as a PDF", b"PK\x03\x04": "if it is a Word document, name it .docx"}
# Characters that are not text: C0 controls other than tab, newline, carriage return and
# form feed, and DEL. They are dropped from a decoded article (a stray NUL or an escape
# sequence must not reach a terminal, the HTML or the PDF).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, notes: list[str] | None = None) -> str:
    """Decode an article's bytes: UTF-8 (or UTF-16 with or without a byte-order mark), then
    cp1252, then Latin-1; refuse binary data, naming its type when it is a known one. What
    was repaired on the way (a few bytes that are not UTF-8, an odd byte at the end of UTF-16
    text) is said in `notes`, to be shown as a warning."""
    notes = [] if notes is None else notes
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            way_out = _RENAME.get(magic, "give the article's text as .txt, .md or .html")
            raise InputError(f"is not a text file (binary content: {kind}); {way_out}")
    text = _decode_utf16(data, notes)
    if text is None:
        if b"\x00" in data or _looks_binary(data[:4096]):
            raise InputError("is not a text file (binary content); give articles as text, Markdown or HTML")
        text = _decode_8bit(data, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROL.sub("", text)


def _decode_utf16(data: bytes, notes: list[str]) -> str | None:
    """UTF-16 text, told by its byte-order mark or, without one, by the zero bytes that
    every ASCII character carries in it (the high byte of each code unit)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        head = data[:4096]
        pairs = len(head) // 2
        if pairs < 4:
            return None
        even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
        if odd > 0.6 * pairs and even < 0.05 * pairs:
            encoding = "utf-16-le"
        elif even > 0.6 * pairs and odd < 0.05 * pairs:
            encoding = "utf-16-be"
        else:
            return None
    if len(data) % 2:  # a stray byte at the end (a file cut short, or a byte appended)
        data = data[:-1]
        notes.append("is UTF-16 text with an odd byte at its end, which was left out")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"looks like UTF-16 but does not decode as it; save it as UTF-8") from None


def _decode_8bit(data: bytes, notes: list[str]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A file cut off in the middle of a character (a truncated download) is UTF-8
        # all the same: keep everything before the broken last character.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[:exc.start].decode("utf-8-sig")
    # UTF-8 with a few stray bytes (a bad copy, a byte of another encoding pasted in) is
    # still UTF-8: its real characters outnumber the bytes that do not decode. Read as
    # cp1252, every one of those characters would turn into two or three ("café" -> "cafÃ©").
    repaired = data.decode("utf-8-sig", errors="replace")
    bad = repaired.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in repaired if ord(c) > 127) - bad
    if good > 0 and bad <= good:
        notes.append(f"is UTF-8 with {bad} byte{'s' if bad != 1 else ''} that {'are' if bad != 1 else 'is'} "
                     "not; shown as \ufffd")
        return repaired
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(head: bytes) -> bool:
    # Control characters other than tab/newline/form feed are rare in text of any encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05
