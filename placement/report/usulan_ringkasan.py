"""The Ringkasan untuk pimpinan (a few paragraphs and a box of key figures for the Sekda and the
PPK) and the list of posts left unfilled, with why."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from placement.domain import format_id as fmt
from placement.report.usulan_model import MOVE_ORDER, Group, Parts


def _reason(text: Any) -> str:
    """A vacancy reason without the pointer to a CSV file of ``placement solve``."""
    return fmt.text(text).split("; lihat")[0]


def _before_after_jpm(
    result_pairs: pd.DataFrame, plan: pd.DataFrame
) -> tuple[float | None, float | None]:
    stays = result_pairs[result_pairs["stay"].to_numpy(dtype=bool)]
    before = pd.to_numeric(stays["jpm"], errors="coerce").dropna()
    after = pd.to_numeric(
        plan.loc[plan["jabatan_tujuan_id"].notna(), "jpm"], errors="coerce"
    ).dropna()
    return (
        float(before.mean()) if len(before) else None,
        float(after.mean()) if len(after) else None,
    )


def summary(p: Parts, groups: list[Group]) -> tuple[list[str], list[tuple[str, str]]]:
    """The Ringkasan's paragraphs and its key figures (label, value)."""
    s = p.summary
    n_scope, filled, vacant = (
        int(s["jabatan_dalam_lingkup"]),
        int(s["jabatan_terisi"]),
        int(s["jabatan_lowong"]),
    )
    moves = [r for g in groups for r in g.rows]
    by_type = Counter(r.move_type for r in moves)
    by_opd = Counter(r.opd for r in moves)
    n_opd = p.ds.jabatan["opd"].nunique()
    why = _why_vacant(p.vacancies)
    boxes = [e.talent_box for e in p.exps if e.talent_box is not None]
    pool = sum(1 for b in boxes if b >= 7)
    promo9 = sum(1 for e in p.exps if e.move_type == "promosi" and e.talent_box == 9)
    before, after = _before_after_jpm(p.pairs, p.plan)
    types = ", ".join(
        f"{fmt.number(by_type[t])} {fmt.move_type(t).lower()}" for t in MOVE_ORDER if by_type[t]
    )
    top = ", ".join(f"{o} ({fmt.number(n)})" for o, n in by_opd.most_common(3))
    text = [
        f"Rencana ini mencakup {fmt.number(n_scope)} jabatan struktural pada {fmt.number(n_opd)} "
        f"perangkat daerah, per tanggal {fmt.date_text(p.sc.tanggal_rencana)}. Sesudah rencana "
        f"dilaksanakan, {fmt.number(filled)} jabatan terisi ({fmt.percent(filled / n_scope if n_scope else None)}) "
        f"dan {fmt.number(vacant)} dibiarkan lowong" + (f": {why}." if why else "."),
        f"Diusulkan {fmt.number(len(moves))} perpindahan: {types or 'tidak ada'}. "
        f"{fmt.number(int(s.get('pejabat_berpindah', 0)))} di antaranya pejabat yang sekarang "
        f"menduduki jabatan struktural; selebihnya pegawai fungsional atau pelaksana yang naik "
        f"jabatan. Perpindahan terbanyak di {top or '-'}.",
        f"{fmt.number(pool)} dari {fmt.number(len(moves))} pegawai yang diusulkan termasuk kelompok "
        f"rencana suksesi (kotak talenta 7–9); {fmt.number(promo9)} promosi berasal dari kotak 9.",
        f"Rata-rata kesesuaian kompetensi (JPM) pemegang jabatan: {fmt.percent(before, empty='tidak ada data')} "
        f"sebelum dan {fmt.percent(after, empty='tidak ada data')} sesudah rencana.",
        *_open_selection(p.shortlist),
    ]
    facts = [
        ("Jabatan dalam lingkup", fmt.number(n_scope)),
        ("Terisi", fmt.number(filled)),
        ("Lowong", fmt.number(vacant)),
        *((fmt.move_type(t), fmt.number(by_type[t])) for t in MOVE_ORDER if by_type[t]),
        ("Kelompok rencana suksesi (kotak 7–9)", fmt.number(pool)),
        (
            "JPM rata-rata sebelum → sesudah",
            f"{fmt.percent(before, empty='-')} → {fmt.percent(after, empty='-')}",
        ),
    ]
    return text, facts


def _why_vacant(vacancies: pd.DataFrame) -> str:
    """How many posts stay vacant for each reason (``3 karena …; 1 karena …``)."""
    reasons = Counter(_reason(a) for a in vacancies.get("alasan", pd.Series(dtype=str)))
    return "; ".join(f"{fmt.number(n)} karena {r}" for r, n in reasons.items() if r)


def _open_selection(shortlist: pd.DataFrame) -> list[str]:
    """The paragraph on the JPT filled by seleksi terbuka, when there are any."""
    if not len(shortlist):
        return []
    n_jpt = shortlist["jabatan_id"].nunique()
    return [
        f"{fmt.number(n_jpt)} JPT Pratama yang lowong diisi melalui seleksi terbuka; "
        "daftar pendek calon untuk panitia seleksi ada di lampiran."
    ]


def unfilled(vacancies: pd.DataFrame) -> list[str]:
    """The posts the plan leaves vacant, each with its reason."""
    return [
        f"{fmt.text(v.nama_jabatan)} ({fmt.text(v.opd)}): {_reason(v.alasan)}"
        for v in vacancies.itertuples(index=False)
    ]
