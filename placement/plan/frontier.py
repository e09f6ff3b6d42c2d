"""Trade-off frontier: the optimal objective under a cap on moved incumbents, cap by cap.

Each point is a fresh model (``batas.perpindahan_total`` = cap, a total StayGroup), solved from
scratch, so the LP and reduced-cost fixing are redone for that exact model (DESIGN.md). The
optimum can only grow as the cap loosens, which the tests check.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset

FRONTIER_COLUMNS = ["batas_perpindahan", "status", "pejabat_berpindah", "objektif",
                    "jabatan_terisi", "jpm_rata"]  # fmt: skip


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
        raise PlacementError.single(
            "RENTANG_SALAH",
            f"Rentang '{text}' tidak valid: tulis AWAL:AKHIR:LANGKAH (mis. 0:400:25) atau 0,5,10",
            f"Invalid range '{text}': write START:STOP:STEP (e.g. 0:400:25) or 0,5,10",
        ) from None


def move_frontier(
    ds: Dataset,
    sc: Skenario,
    caps: list[int],
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """One row per cap: status, moved incumbents, objective, filled posts and mean JPM."""
    from placement.api import solve  # the API sits above plan/: import at call time
    from placement.rules.eligibility import build_pairs

    table = build_pairs(ds, sc)  # eligibility does not depend on the cap: build it once
    rows = []
    previous: pd.DataFrame | None = None
    for cap in sorted(caps):
        if progress:
            progress(f"batas perpindahan {cap}")
        capped = sc.model_copy(
            update={"batas": sc.batas.model_copy(update={"perpindahan_total": cap})}
        )
        # Each point is a fresh model (re-fixed by the MIP); the plan of the previous, tighter
        # cap is feasible here too and warm-starts it.
        result = solve(
            ds, capped, backend=backend, time_limit=time_limit, table=table, hint=previous
        )
        previous = result.plan if len(result.plan) else None
        plan = result.plan
        placed = plan[plan["jabatan_tujuan_id"].notna()]
        jpm = pd.to_numeric(placed["jpm"], errors="coerce").dropna()
        rows.append({
            "batas_perpindahan": cap,
            "status": str(result.status),
            "pejabat_berpindah": int((plan["jabatan_asal_id"].notna() & (plan["jenis_perpindahan"] != "tetap")).sum()),
            "objektif": result.objective,
            "jabatan_terisi": len(placed),
            "jpm_rata": float(jpm.mean()) if len(jpm) else None,
        })  # fmt: skip
    return pd.DataFrame(rows, columns=FRONTIER_COLUMNS)


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
