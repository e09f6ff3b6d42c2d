"""The Ringkasan's two small charts (matplotlib, rendered once to PNG bytes for PDF and Word)."""

from __future__ import annotations

import io
from collections import Counter

TOP_OPD = 10
"""OPD shown in the moves-per-OPD chart (those with the most moves)."""


def _png(fig: object) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120)  # type: ignore[attr-defined]
    return buf.getvalue()


def summary_charts(
    opd_moves: Counter[str], promoted_boxes: Counter[int]
) -> list[tuple[str, bytes]]:
    """(title, PNG) of: moves per OPD (the TOP_OPD largest) and talent boxes of those promoted."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    top = opd_moves.most_common(TOP_OPD)
    labels = [o if len(o) <= 34 else o[:33] + "…" for o, _ in top]
    values = [n for _, n in top]
    fig = Figure(figsize=(4.2, 3.0))
    ax = fig.add_subplot()
    ax.barh(labels[::-1], values[::-1], color="#2f5d8a")
    ax.tick_params(labelsize=6)
    ax.set_xlabel("perpindahan", fontsize=7)
    fig.subplots_adjust(left=0.48, right=0.97, top=0.97, bottom=0.14)  # no tight_layout: 1 s
    first = _png(fig)
    fig = Figure(figsize=(3.2, 3.0))
    ax = fig.add_subplot()
    boxes = list(range(1, 10))
    ax.bar([str(b) for b in boxes], [promoted_boxes.get(b, 0) for b in boxes], color="#8a6d2f")
    ax.tick_params(labelsize=7)
    ax.set_xlabel("kotak talenta", fontsize=7)
    ax.set_ylabel("promosi", fontsize=7)
    fig.subplots_adjust(left=0.16, right=0.97, top=0.97, bottom=0.14)
    title = f"Perpindahan per OPD ({len(top)} terbanyak dari {len(opd_moves)} OPD)"
    return [(title, first), ("Kotak talenta pegawai yang dipromosikan", _png(fig))]


__all__ = ["summary_charts"]
