"""Pictures where people would rather look than read: sparklines and bars in block
characters for a terminal, inline SVG for HTML (no script, no image file, no network: a
mail client shows it), each with its numbers beside it and a text alternative."""

from __future__ import annotations

from html import escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

SPARKS = "▁▂▃▄▅▆▇█"
EIGHTHS = " ▏▎▍▌▋▊▉█"
BAR_COLOUR = "#2f6fb3"  # the bars' fill: one colour, so a test can find them in a picture


def sparkline(values: Sequence[int]) -> str:
    """'▁▃█▅': one character per value, the highest the full block; nothing (a space)
    for a zero, so an empty day reads as empty."""
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    return "".join(
        " " if v <= 0 else SPARKS[min(len(SPARKS) - 1, (v * len(SPARKS) - 1) // top)]
        for v in values
    )


def bar(value: float, top: float, width: int = 20) -> str:
    """A bar of block characters, ``width`` long for ``top``, in eighths of a character."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def svg_bars(
    rows: Sequence[tuple[str, float, str]], title: str, *, width: int = 560, row: int = 26
) -> str:
    """A horizontal bar chart as inline SVG: one bar per (label, value, value as said), in
    the order given, the label left and the said value right of its bar. The SVG has a
    <title> and role="img" with aria-label (what a screen reader says), and each bar its
    own <title>."""
    label_w, value_w, pad = 130, 120, 4
    room = width - label_w - value_w
    top = max((value for _, value, _ in rows), default=0)
    height = row * len(rows) + pad * 2
    summary = "; ".join(f"{label}: {said}" for label, _, said in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}: '
        f'{escape(summary)}" style="font-family:sans-serif;font-size:13px">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (label, value, said) in enumerate(rows):
        y = pad + n * row
        length = 0 if top <= 0 else max(2, round(value / top * room)) if value > 0 else 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row * 0.65:.1f}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        if length:
            parts.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{length}" height="{row - 8}"'
                f' fill="{BAR_COLOUR}"><title>{escape(label)}: {escape(said)}</title></rect>'
            )
        parts.append(
            f'<text x="{label_w + length + 6}" y="{y + row * 0.65:.1f}">{escape(said)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_spark(values: Sequence[int], *, width: int = 120, height: int = 24) -> str:
    """A sparkline as inline SVG (columns, one per value), sized to sit in a table cell;
    decorative beside its numbers (aria-hidden)."""
    top = max(values, default=0)
    step = width / max(len(values), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" aria-hidden="true">'
    ]
    for n, value in enumerate(values):
        if top > 0 and value > 0:
            h = max(1.0, value / top * (height - 2))
            parts.append(
                f'<rect x="{n * step + 1:.1f}" y="{height - h:.1f}" width="{max(step - 2, 1):.1f}"'
                f' height="{h:.1f}" fill="#8aa9cc"/>'
            )
    parts.append("</svg>")
    return "".join(parts)
