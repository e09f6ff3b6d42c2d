"""Field-of-work fit figures of issue 18 (docs/rumpun.md, "Angka terukur"), as a markdown table.

    python -m benchmarks.fit            # kabupaten preset (seed 0) and Kabupaten Situbondo (seed 3)
    python -m benchmarks.fit --quick    # kabupaten preset only

Per region, four solves on the same data and plan date (2026-07-01): scenarios/kabupaten-dasar
(default weights, per-OPD caps) and scenarios/kabupaten-penyegaran, each "sesudah" (as shipped)
and "sebelum" (the same scenario with RUMPUN_TEKNIS off and ``bobot.penalti_rumpun`` 0: no field
rule, no field score; everything else, generator included, is today's code). Figures: moves by
type; moves into technical posts whose person has a matching field; technical posts filled after
the plan and how many of their holders (staying ones included) have a matching field;
promotions by talent box; officials past the maximum tenure (MASA_JABATAN_MAKS) moved.

Not part of ``python -m benchmarks`` (eight solves: about a minute per region on one core).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from placement.api import solve
from placement.config import Skenario, load_scenario
from placement.domain.model import Dataset
from placement.rules.facts import build_facts
from placement.rules.registry import rule_set
from placement.synth import generate, generate_for_structure
from placement.synth.jabatan_file import read_jabatan

ROOT = Path(__file__).resolve().parent.parent
SITUBONDO = ROOT / "tests" / "data" / "sotk-situbondo.csv"
SCENARIOS = {"dasar": "kabupaten-dasar", "penyegaran": "kabupaten-penyegaran"}
KINDS = ("promosi", "rotasi", "mutasi", "alih_jenis", "non-job")


@dataclass(frozen=True)
class Figures:
    """What one solve shows."""

    moves: dict[str, int]
    technical_moves: int
    technical_matched: int
    technical_posts: int
    technical_filled: int
    technical_holders_matched: int
    promotions_by_box: dict[int, int]
    overdue: int
    overdue_moved: int
    seconds: float


def region(name: str) -> Dataset:
    """The kabupaten preset (seed 0) or the Situbondo structure populated by generate --jabatan
    (seed 3, as in tests/test_rumpun.py)."""
    if name == "kabupaten":
        return generate("kabupaten", seed=0)
    return generate_for_structure(read_jabatan(SITUBONDO), seed=3)


def scenario(kind: str, before: bool) -> Skenario:
    """A shipped scenario; ``before``: the field rule and the field penalty switched off."""
    sc = load_scenario(ROOT / "scenarios" / SCENARIOS[kind] / "skenario.yaml")
    if not before:
        return sc
    rules = {**sc.aturan, "RUMPUN_TEKNIS": {**sc.aturan.get("RUMPUN_TEKNIS", {}), "aktif": False}}
    weights = sc.bobot.model_copy(update={"penalti_rumpun": 0.0})
    return sc.model_copy(update={"aturan": rules, "bobot": weights})


def measure(ds: Dataset, sc: Skenario) -> Figures:
    """Solve and count."""
    start = time.perf_counter()
    plan = solve(ds, sc).plan
    seconds = time.perf_counter() - start
    f = build_facts(ds, sc)
    kind = plan["jenis_perpindahan"].astype(str)
    moved = kind != "tetap"
    target = plan["jabatan_tujuan_id"].map(ds.post_index)
    person = plan["nip"].astype(str).map(ds.person_index).to_numpy().astype(np.int64)
    has_post = target.notna().to_numpy()
    post = target.fillna(0).to_numpy().astype(np.int64)
    technical = has_post & f.j_technical[post]
    into = moved.to_numpy() & technical
    matched = f.field_match(person[into], post[into])
    filled = np.unique(post[technical])
    promo = plan.loc[kind == "promosi", "kotak_talenta"].astype(int).value_counts()
    overdue = _overdue(ds, sc, plan)
    return Figures(
        moves={k: int((kind == k).sum()) for k in KINDS},
        technical_moves=int(into.sum()),
        technical_matched=int(matched.sum()),
        technical_posts=int(f.j_technical.sum()),
        technical_filled=len(filled),
        technical_holders_matched=int(f.field_match(person[technical], post[technical]).sum()),
        promotions_by_box={b: int(promo.get(b, 0)) for b in range(9, 0, -1)},
        overdue=int(overdue.sum()),
        overdue_moved=int((overdue & moved).sum()),
        seconds=seconds,
    )


def _overdue(ds: Dataset, sc: Skenario, plan: pd.DataFrame) -> pd.Series:
    """Holders of a post (plan rows with an origin post) past MASA_JABATAN_MAKS on the plan
    date, as docs/compare counts them."""
    years = rule_set(sc)["MASA_JABATAN_MAKS"]["maks_tahun"]
    peg = ds.pegawai.set_index(ds.pegawai["nip"].astype(str))
    rows = peg.loc[plan["nip"].astype(str).tolist()]
    limit = rows["jenis_jabatan"].astype(str).map(lambda k: years.get(k, 5)).to_numpy(float)
    tmt = pd.to_datetime(rows["tmt_jabatan"]).to_numpy()
    held = (pd.Timestamp(sc.tanggal_rencana).to_datetime64() - tmt) / np.timedelta64(1, "D")
    over = (held / 365.25 > limit) & plan["jabatan_asal_id"].notna().to_numpy()
    return pd.Series(over, index=plan.index)


def _pct(a: int, b: int) -> str:
    return f"{a} / {b} ({100 * a / b:.1f} %)".replace(".", ",") if b else "-"


def table(results: dict[tuple[str, str, bool], Figures], regions: list[str]) -> str:
    """Markdown: one column per region × before/after; overdue rows for both scenarios."""
    cols = [(r, b) for r in regions for b in (True, False)]
    head = " | ".join(f"{r} {'sebelum' if b else 'sesudah'}" for r, b in cols)
    lines = [f"| | {head} |", "|---" * (len(cols) + 1) + "|"]

    def cells(kind: str, show: Callable[[Figures], str]) -> str:
        return " | ".join(show(results[(r, kind, b)]) for r, b in cols)

    def boxes(x: Figures) -> str:
        high = [str(x.promotions_by_box[k]) for k in range(9, 3, -1)]
        return " / ".join([*high, str(sum(x.promotions_by_box[k] for k in (3, 2, 1)))])

    rows: list[tuple[str, str, Callable[[Figures], str]]] = [
        (
            "perpindahan (promosi / rotasi / mutasi / alih jenis / non-job)",
            "dasar",
            lambda x: " / ".join(str(x.moves[k]) for k in KINDS),
        ),
        (
            "perpindahan ke jabatan teknis dengan rumpun sesuai",
            "dasar",
            lambda x: _pct(x.technical_matched, x.technical_moves),
        ),
        (
            "jabatan teknis terisi setelah rencana",
            "dasar",
            lambda x: _pct(x.technical_filled, x.technical_posts),
        ),
        (
            "pemegang jabatan teknis sebidang setelah rencana",
            "dasar",
            lambda x: _pct(x.technical_holders_matched, x.technical_filled),
        ),
        ("promosi menurut kotak 9 / 8 / 7 / 6 / 5 / 4 / 3–1", "dasar", boxes),
    ]
    rows += [
        (f"lewat masa jabatan dipindah ({name})", kind, lambda x: _pct(x.overdue_moved, x.overdue))
        for kind, name in SCENARIOS.items()
    ]
    rows.append(("waktu solve dasar (s)", "dasar", lambda x: f"{x.seconds:.1f}".replace(".", ",")))
    lines += [f"| {label} | {cells(kind, show)} |" for label, kind, show in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="kabupaten preset only")
    args = parser.parse_args(argv)
    regions = ["kabupaten"] if args.quick else ["kabupaten", "situbondo"]
    results: dict[tuple[str, str, bool], Figures] = {}
    for name in regions:
        ds = region(name)
        for kind in SCENARIOS:
            for before in (True, False):
                results[(name, kind, before)] = measure(ds, scenario(kind, before))
    print(table(results, regions))


if __name__ == "__main__":
    main()
