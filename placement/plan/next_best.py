"""The next-best candidates of a post: the eligible people ranked after the chosen holder, with
the score difference (rest of the plan fixed), the tie-break rule that decided equal weights
(incumbent, then seniority: TMT golongan, TMT CPNS, then the fixed order) and, with
``reoptimize=True``, the exact loss in the total objective when the candidate is forced in."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from placement.domain.messages import texts
from placement.domain.model import Dataset
from placement.plan.forcing import force_and_solve, pair_position
from placement.rules.scoring import require_known
from placement.solver.problem import SCALE

if TYPE_CHECKING:
    from placement.plan.result import Result

TIE_RULES: dict[str, tuple[str, str]] = {
    "pemegang_jabatan": texts("SERI_PEMEGANG_JABATAN"),
    "tmt_golongan": texts("SERI_TMT_GOLONGAN"),
    "tmt_cpns": texts("SERI_TMT_CPNS"),
    "urutan_tetap": texts("SERI_URUTAN_TETAP"),
}


@dataclass
class Alternative:
    """A next-best candidate for a post, compared with the chosen holder."""

    jabatan_id: str
    rank: int
    nip: str
    nama: str
    move_type: str
    total: float
    difference: float  # candidate total − chosen total (rest of the plan fixed); ≤ 0
    tie: bool  # equal scaled weight: decided by the tie-break
    tie_rule: str | None  # key of TIE_RULES
    loss: float | None = None  # objective loss when forced in (reoptimize)
    status: str | None = None  # status of the re-solve
    changes: list[dict[str, str | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def tie_rule(ds: Dataset, chosen: pd.Series[Any], other: pd.Series[Any]) -> str:
    """Which tie-break rule puts ``chosen`` ahead of ``other`` at equal weight."""
    seniority = {col: ds.pegawai[col].to_numpy() for col in ("tmt_golongan", "tmt_cpns")}
    return _tie_rule(
        bool(chosen["stay"]),
        bool(other["stay"]),
        int(chosen["person"]),
        int(other["person"]),
        seniority,
    )


def _tie_rule(stay_a: bool, stay_b: bool, a: int, b: int, seniority: dict[str, Any]) -> str:
    """:func:`tie_rule` on plain values (``seniority``: pegawai column name → values)."""
    if stay_a != stay_b:
        return "pemegang_jabatan"
    for key, values in seniority.items():
        x, y = pd.Timestamp(values[a]), pd.Timestamp(values[b])
        if not (pd.isna(x) and pd.isna(y)) and (pd.isna(x) or pd.isna(y) or x != y):
            return key
    return "urutan_tetap"


def alternatives(
    ds: Dataset,
    result: Result,
    jabatan_id: str,
    k: int = 3,
    *,
    reoptimize: bool = False,
    time_budget: float | None = None,
) -> list[Alternative]:
    """Top-k other placeable candidates of a post in the plan, best first (see module docstring)."""
    require_known(ds, jabatan_id=jabatan_id)
    from placement.rules.eligibility import rank_for_post

    pairs = result.index.pairs
    post = ds.post_index[jabatan_id]
    chosen_pairs = pairs.iloc[result.solution.chosen]
    held = chosen_pairs[chosen_pairs["post"] == post]
    cand = pairs[pairs["post"] == post]
    chosen = held.iloc[0] if len(held) else None
    if chosen is not None:
        cand = cand[cand["person"] != chosen["person"]]
    ranked = rank_for_post(ds, cand).head(k)
    base_total = float(chosen["total"]) if chosen is not None else 0.0
    peg = ds.pegawai
    out = []
    for rank, (_, r) in enumerate(ranked.iterrows(), start=1):
        total = float(r["total"])
        tie = chosen is not None and round(total * SCALE) == round(base_total * SCALE)
        alt = Alternative(
            jabatan_id=jabatan_id,
            rank=rank,
            nip=str(r["nip"]),
            nama=str(peg.at[int(r["person"]), "name"]),
            move_type=str(r["move_type"]),
            total=total,
            difference=total - base_total,
            tie=tie,
            tie_rule=tie_rule(ds, chosen, r) if tie and chosen is not None else None,
        )
        if reoptimize:
            pos = pair_position(result, alt.nip, jabatan_id)
            assert pos is not None
            forced = force_and_solve(ds, result, np.array([pos]), time_budget)
            alt.loss, alt.status, alt.changes = forced.loss, str(forced.status), forced.changes
        out.append(alt)
    return out


def alternatives_table(
    ds: Dataset,
    result: Result,
    k: int = 3,
    *,
    reoptimize: bool = False,
    time_budget: float | None = None,
) -> pd.DataFrame:
    """Alternatives of every post filled by a move (not a stay) in the plan, one row each."""
    plan = result.plan
    moved = plan[plan["jabatan_tujuan_id"].notna() & (plan["jenis_perpindahan"] != "tetap")]
    rows = []
    ranked = None if reoptimize else _ranked_alternatives(ds, result, k)
    for jid, holder in zip(moved["jabatan_tujuan_id"], moved["nip"], strict=True):
        found = (
            ranked.get(str(jid), [])
            if ranked is not None
            else alternatives(ds, result, str(jid), k, reoptimize=True, time_budget=time_budget)
        )
        for a in found:
            rows.append(
                {
                    "jabatan_id": jid,
                    "nip_terpilih": holder,
                    "peringkat": a.rank,
                    "nip": a.nip,
                    "nama": a.nama,
                    "jenis_perpindahan": a.move_type,
                    "skor": a.total,
                    "selisih_skor": a.difference,
                    "seri": a.tie,
                    "aturan_pemecah_seri": TIE_RULES[a.tie_rule][0] if a.tie_rule else None,
                    "kehilangan_objektif": a.loss,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "jabatan_id",
            "nip_terpilih",
            "peringkat",
            "nip",
            "nama",
            "jenis_perpindahan",
            "skor",
            "selisih_skor",
            "seri",
            "aturan_pemecah_seri",
            "kehilangan_objektif",
        ],
    )


def _ranked_alternatives(ds: Dataset, result: Result, k: int) -> dict[str, list[Alternative]]:
    """:func:`alternatives` (without re-solving) of every post filled by a move, from one sort of
    all pairs: by post, then the order of ``rank_for_post`` (total, incumbent, seniority, row)."""
    pairs = result.index.pairs
    peg = ds.pegawai
    far = pd.Timestamp("2262-01-01")
    person = pairs["person"].to_numpy()
    post = pairs["post"].to_numpy()
    total = pairs["total"].to_numpy(dtype=float)
    order = np.lexsort(
        (
            person,
            peg["tmt_cpns"].fillna(far).to_numpy()[person],
            peg["tmt_golongan"].fillna(far).to_numpy()[person],
            ~pairs["stay"].to_numpy(),
            -np.round(total, 12),
            post,
        )
    )
    sorted_post = post[order]
    chosen = pairs.iloc[result.solution.chosen]
    holder = dict(zip(chosen["post"].astype(int), chosen.index, strict=True))
    plan = result.plan
    moved = plan[plan["jabatan_tujuan_id"].notna() & (plan["jenis_perpindahan"] != "tetap")]
    names = peg["name"].astype(str).to_numpy()
    nips = pairs["nip"].astype(str).to_numpy()
    stay = pairs["stay"].to_numpy(dtype=bool)
    seniority = {col: peg[col].to_numpy() for col in ("tmt_golongan", "tmt_cpns")}
    kinds = pairs["move_type"].astype(str).to_numpy()
    out: dict[str, list[Alternative]] = {}
    for jid in dict.fromkeys(str(j) for j in moved["jabatan_tujuan_id"]):
        row = ds.post_index[jid]
        lo, hi = np.searchsorted(sorted_post, [row, row + 1])
        at = holder.get(row)
        base = float(total[at]) if at is not None else 0.0
        mine = [int(i) for i in order[lo:hi] if at is None or person[i] != person[at]][:k]
        found = []
        for rank, i in enumerate(mine, start=1):
            tie = at is not None and round(total[i] * SCALE) == round(base * SCALE)
            found.append(
                Alternative(
                    jabatan_id=jid,
                    rank=rank,
                    nip=nips[i],
                    nama=names[person[i]],
                    move_type=kinds[i],
                    total=float(total[i]),
                    difference=float(total[i]) - base,
                    tie=tie,
                    tie_rule=_tie_rule(
                        bool(stay[at]), bool(stay[i]), int(person[at]), int(person[i]), seniority
                    )
                    if tie and at is not None
                    else None,
                )
            )
        out[jid] = found
    return out
