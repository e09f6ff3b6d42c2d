"""The Ringkasan's two small bar charts, drawn once to PNG bytes for PDF and Word.

Drawn with Pillow (matplotlib's own image library) and the shipped DejaVu font rather than with
matplotlib: importing and laying out matplotlib cost 1.5 s of CPU, a third of the package's
time budget on a kabupaten, for two bar charts.
"""

from __future__ import annotations

import io
from collections import Counter
from importlib.resources import files

TOP_OPD = 10
"""OPD shown in the moves-per-OPD chart (those with the most moves)."""
SCALE = 3  # pixels per PDF point-ish unit: sharp at 300 dpi print size
BAR = (47, 93, 138)
BOX = (138, 109, 47)
GRID = (200, 200, 200)


def _font(size: int, bold: bool = False) -> object:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(files("placement.report").joinpath("fonts", name)), size * SCALE)


def _png(image: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)  # type: ignore[attr-defined]
    return buf.getvalue()


def _hbars(labels: list[str], values: list[int], width: int = 420, label_w: int = 190) -> bytes:
    """Horizontal bars, largest first, value at the end of each bar."""
    from PIL import Image, ImageDraw

    row = 22
    height = 20 + row * max(1, len(labels))
    img = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(img)
    small = _font(8)
    top = max(values, default=1) or 1
    span = width - label_w - 40
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 10 + i * row
        text = label if len(label) <= 34 else label[:33] + "…"
        draw.text(
            ((label_w - 6) * SCALE, (y + row / 2) * SCALE),
            text,
            fill="black",
            font=small,  # type: ignore[arg-type]
            anchor="rm",
        )
        x1 = label_w + span * value / top
        draw.rectangle(
            [label_w * SCALE, (y + 4) * SCALE, x1 * SCALE, (y + row - 4) * SCALE], fill=BAR
        )
        draw.text(
            ((x1 + 4) * SCALE, (y + row / 2) * SCALE),
            str(value),
            fill="black",
            font=small,  # type: ignore[arg-type]
            anchor="lm",
        )
    return _png(img)


def _vbars(values: dict[int, int], width: int = 300, height: int = 200) -> bytes:
    """Vertical bars for boxes 1–9 with their counts, x axis labelled "kotak talenta"."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(img)
    small = _font(8)
    left, bottom, top_pad = 20, height - 34, 16
    step = (width - left - 10) / 9
    top = max(values.values(), default=1) or 1
    draw.line(
        [left * SCALE, bottom * SCALE, (width - 10) * SCALE, bottom * SCALE], fill=GRID, width=SCALE
    )
    for k in range(1, 10):
        n = values.get(k, 0)
        x0 = left + (k - 1) * step + step * 0.18
        x1 = left + k * step - step * 0.18
        y = bottom - (bottom - top_pad) * n / top
        if n:
            draw.rectangle([x0 * SCALE, y * SCALE, x1 * SCALE, bottom * SCALE], fill=BOX)
            draw.text(
                (((x0 + x1) / 2) * SCALE, (y - 2) * SCALE),
                str(n),
                fill="black",
                font=small,  # type: ignore[arg-type]
                anchor="mb",
            )
        draw.text(
            (((x0 + x1) / 2) * SCALE, (bottom + 3) * SCALE),
            str(k),
            fill="black",
            font=small,  # type: ignore[arg-type]
            anchor="mt",
        )
    draw.text(
        ((width / 2) * SCALE, (height - 4) * SCALE),
        "kotak talenta",
        fill="black",
        font=small,  # type: ignore[arg-type]
        anchor="mb",
    )
    return _png(img)


def summary_charts(
    opd_moves: Counter[str], promoted_boxes: Counter[int]
) -> list[tuple[str, bytes]]:
    """(title, PNG) of: moves per OPD (the TOP_OPD largest) and talent boxes of those promoted."""
    top = opd_moves.most_common(TOP_OPD)
    title = f"Perpindahan per OPD ({len(top)} terbanyak dari {len(opd_moves)} OPD)"
    return [
        (title, _hbars([o for o, _ in top], [n for _, n in top])),
        ("Kotak talenta pegawai yang dipromosikan", _vbars(dict(promoted_boxes))),
    ]


__all__ = ["summary_charts"]
