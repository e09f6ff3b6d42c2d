"""Trade-off frontier: the optimal objective under a cap on moved incumbents, cap by cap.

Each point is a fresh model (``batas.perpindahan_total`` = cap, a total StayGroup), solved from
scratch, so the LP and reduced-cost fixing are redone for that exact model (DESIGN.md), by
:func:`placement.workflow.studies.move_frontier`. The optimum can only grow as the cap loosens,
which the tests check.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from placement.domain.messages import failure

FRONTIER_COLUMNS = [
    "batas_perpindahan",
    "status",
    "pejabat_berpindah",
    "objektif",
    "jabatan_terisi",
    "jpm_rata",
]


def parse_range(text: str) -> list[int]:
    """``START:STOP:STEP`` (STOP included when on the grid) or ``A,B,C`` → sorted caps."""
    try:
        if ":" in text:
            parts = [int(x) for x in text.split(":")]
            start, stop = parts[0], parts[1]
            step = parts[2] if len(parts) == 3 else 1
            if len(parts) not in (2, 3) or step <= 0 or start < 0 or stop < start:
                raise ValueError
            return list(range(start, stop + 1, step))
        caps = sorted({int(x) for x in text.split(",")})
        if not caps or caps[0] < 0:
            raise ValueError
        return caps
    except ValueError:
        raise failure("RENTANG_SALAH", text=text) from None


def plot_frontier(frame: pd.DataFrame, path: Path, title: str = "") -> Path:
    """Objective against the move cap (PNG, matplotlib Agg backend, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    ok = frame[frame["objektif"].notna()]
    ax.plot(ok["batas_perpindahan"], ok["objektif"], marker="o")
    ax.set_xlabel("batas pejabat berpindah")
    ax.set_ylabel("objektif (satuan skor)")
    ax.set_title(title or "Frontier: objektif terhadap batas perpindahan")
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
