"""The Daftar usulan: every move of a plan as the standard table's cells (:data:`DAFTAR_HEAD`),
grouped by move type and OPD tujuan; the Lampiran SK and the xlsx sheet print the same rows."""

from __future__ import annotations

from typing import Any

import pandas as pd

from placement.domain import format_id as fmt
from placement.domain.grades import ESELON_RANK
from placement.domain.model import Dataset
from placement.plan.explain import MoveExplanation
from placement.report.usulan_model import MOVE_ORDER, Group, Row


def _eselon_of(ds: Dataset, jid: str | None) -> str:
    if jid is None:
        return ""
    e = fmt.text(ds.jabatan.at[ds.post_index[jid], "eselon"])
    return fmt.eselon_text(e)


def _old_post(peg: pd.DataFrame, row: int, plan_row: Any) -> tuple[str, str]:
    """(jabatan lama, unit kerja lama) in words: the structural post, else the pegawai's
    ``nama_jabatan`` or jenis jabatan and jenjang; never a bare id or a dash."""
    unit = fmt.text(plan_row.opd_asal) or fmt.text(peg.at[row, "unit"])
    name = fmt.text(plan_row.jabatan_asal)
    if not name:
        name = fmt.current_post(
            peg.at[row, "post_name"], peg.at[row, "jenis_jabatan"], peg.at[row, "jenjang"], None
        )
    return name, unit


def _remark(e: MoveExplanation | None, chain_no: dict[str, int], nip: str) -> str:
    parts = []
    if e is not None and e.talent_box is not None:
        parts.append(f"kotak {e.talent_box}")
    if e is not None and e.jpm is not None and not pd.isna(e.jpm.jpm):
        parts.append(f"JPM {fmt.percent(e.jpm.jpm)}".replace(" %", "\u00a0%"))  # kept together
    if nip in chain_no:
        parts.append(f"rantai {chain_no[nip]}")
    if e is not None and any(c.flagged for c in e.checks):
        parts.append("ada catatan")
    return "; ".join(parts)


def daftar(
    ds: Dataset, plan: pd.DataFrame, exps: dict[str, MoveExplanation], chains: pd.DataFrame
) -> list[Group]:
    """The Daftar usulan: every move, grouped by move type (MOVE_ORDER) and OPD tujuan, the
    highest eselon first within an OPD, numbered through."""
    moves = plan[plan["jenis_perpindahan"] != "tetap"].copy()
    peg = ds.pegawai
    jab = ds.jabatan.set_index("jabatan_id")
    moves["_type"] = [
        MOVE_ORDER.index(t) if t in MOVE_ORDER else 99 for t in moves["jenis_perpindahan"]
    ]
    moves["_opd"] = moves["opd_tujuan"].fillna("").astype(str)
    ranks = jab["eselon"].astype(str).map(ESELON_RANK)
    moves["_rank"] = -moves["jabatan_tujuan_id"].map(ranks).fillna(0).to_numpy(dtype=float)
    moves = moves.sort_values(["_type", "_opd", "_rank", "nama"], kind="stable")
    chain_no = {str(n): int(r) for n, r in zip(chains["nip"], chains["rantai_id"], strict=True)}
    groups: list[Group] = []
    for no, r in enumerate(moves.itertuples(index=False), start=1):
        nip = str(r.nip).lstrip("'")
        row = ds.person_index[nip]
        old, old_unit = _old_post(peg, row, r)
        target = fmt.text(r.jabatan_tujuan_id) or None
        kind = str(r.jenis_perpindahan)
        cells = [
            str(no),
            fmt.text(r.nama),
            nip,
            fmt.rank_text(peg.at[row, "golongan"]),
            old,
            old_unit,
            fmt.text(r.jabatan_tujuan) or "tanpa jabatan (non-job)",
            fmt.text(r.opd_tujuan),
            _eselon_of(ds, target),
            fmt.move_type(kind),
            _remark(exps.get(nip), chain_no, nip),
        ]
        title = f"{fmt.move_type(kind)} — {fmt.text(r.opd_tujuan) or 'tanpa unit'}"
        if not groups or groups[-1].title != title:
            groups.append(Group(title, []))
        groups[-1].rows.append(Row(no, cells, kind, fmt.text(r.opd_tujuan)))
    return groups
