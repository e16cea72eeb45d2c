"""Where the text of a PDF page is, in reading order: text boxes, the gutters no text
crosses (columns), and bands between full-width boxes such as a title, read top to bottom
and column by column. Used by sources/pdf_text.py."""

from __future__ import annotations

from dataclasses import dataclass

# Two boxes further apart than this (points) leave a gutter between columns.
MIN_GUTTER = 6.0


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[str]
    widths: list[float]
    size: float  # median glyph size


def _gutters(boxes: list[Box]) -> list[float]:
    """x positions of the gaps between columns: where no box crosses, left to right."""
    spans = sorted((b.x0, b.x1) for b in boxes)
    cuts, reach = [], spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER:
            cuts.append((reach + x0) / 2)
        reach = max(reach, x1)
    return cuts


def _bands(boxes: list[Box]) -> list[list[Box]]:
    """The boxes cut into horizontal bands where no box crosses, top down."""
    ordered = sorted(boxes, key=lambda b: -b.y1)
    bands, floor = [[ordered[0]]], ordered[0].y0
    for box in ordered[1:]:
        if box.y1 < floor:
            bands.append([box])
        else:
            bands[-1].append(box)
        floor = min(floor, box.y0)
    return bands


def reading_order(boxes: list[Box]) -> list[Box]:
    """Columns left to right, each top to bottom; bands split by full-width boxes top down."""
    if len(boxes) <= 1:
        return boxes
    cuts = _gutters(boxes)
    if cuts:
        columns: list[list[Box]] = [[] for _ in range(len(cuts) + 1)]
        for box in boxes:
            columns[sum(box.x0 > cut for cut in cuts)].append(box)
        return [b for column in columns for b in reading_order(column)]
    bands = _bands(boxes)
    if len(bands) == 1:
        return sorted(boxes, key=lambda b: (-b.y1, b.x0))
    # Bands that both have columns at the same place are one run of columns (paragraphs
    # that happen to end level in every column must not interleave the columns).
    merged: list[list[Box]] = []
    for band in bands:
        if merged and _same_columns(merged[-1], band):
            merged[-1] = merged[-1] + band
        else:
            merged.append(band)
    if len(merged) == 1:
        return sorted(boxes, key=lambda b: (-b.y1, b.x0))
    return [b for band in merged for b in reading_order(band)]


def _same_columns(upper: list[Box], lower: list[Box]) -> bool:
    a, b = _gutters(upper), _gutters(lower)
    return bool(a) and len(a) == len(b) and all(abs(x - y) < 3 * MIN_GUTTER for x, y in zip(a, b))


# -- paragraphs and headings --------------------------------------------------------------
