"""A comparison of plans a Sekda can read: per scenario, in plain words and Indonesian numbers.

Rows (:data:`ITEMS`): posts filled, moves by type, the OPD with most moves, overdue officials
moved, promotions from box 9 and from boxes 7–8, average JPM, the approvals needed, and risk flags
(moved people near their BUP, with an active disciplinary sanction, outside their field). What
needs the plan's data (overdue, approvals, risks) reads the data folder recorded in hasil.json
when it is still there and unchanged, else says "tidak tersedia"; the field fit is read from a
plan column ``kesesuaian_rumpun`` (moves whose field does not fit) when a plan has one, else "tidak
tersedia".

Objective values are shown only when every plan was made with the same weights (``bobot``): with
different weights they are not comparable numbers. Differences against the first plan are posts
by name; the holders' names only with ``detail`` (``--rinci``; docs/privacy.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from placement.config import parse_scenario
from placement.domain import format_id as fmt
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.plan.compare import PlanFiles, unique_names

ITEMS: tuple[str, ...] = (
    "Jabatan terisi",
    "Perpindahan",
    "OPD dengan perpindahan terbanyak",
    "Pejabat lewat masa jabatan yang dipindahkan",
    "Promosi dari kotak 9",
    "Promosi dari kotak 7–8",
    "JPM rata-rata pemegang jabatan",
    "Persetujuan yang diperlukan",
    "Risiko: mendekati batas usia pensiun (≤ 24 bulan)",
    "Risiko: sedang menjalani hukuman disiplin",
    "Risiko: bidang tidak sesuai",
    "Nilai objektif",
)
"""Row labels of :func:`readable_table`, in order."""
NOT_AVAILABLE = "tidak tersedia"
BUP_MONTHS = 24
MOVE_ORDER = ("promosi", "rotasi", "mutasi", "alih_jenis", "demosi", "non-job")


@dataclass
class PlanData:
    """A plan folder with its data and scenario when they can still be read (else None)."""

    files: PlanFiles
    ds: Dataset | None
    scenario: Any


def with_data(plans: Sequence[PlanFiles]) -> list[PlanData]:
    """Each plan with the data folder hasil.json records, read once per folder and used only
    when its files still have the recorded sha256s."""
    from placement.io.readers import load_dataset

    cache: dict[tuple[str, str], Dataset | None] = {}
    out = []
    for p in plans:
        rec = p.record
        try:
            sc = parse_scenario(rec.get("konfigurasi") or {}, str(p.path / "hasil.json"))
        except PlacementError:
            out.append(PlanData(p, None, None))
            continue
        source = rec.get("data")
        ds = None
        if source not in (None, "None") and Path(str(source)).is_dir():
            key = (str(source), sc.tanggal_rencana.isoformat())
            if key not in cache:
                try:
                    cache[key], _ = load_dataset(Path(str(source)), plan_date=sc.tanggal_rencana)
                except PlacementError:
                    cache[key] = None
            ds = cache[key]
            recorded = {m["path"]: m["sha256"] for m in rec.get("masukan", [])}
            if ds is not None and recorded and recorded != dict(ds.sources):
                ds = None
        out.append(PlanData(p, ds, sc))
    return out


def _moves(plan: pd.DataFrame) -> pd.DataFrame:
    return plan[plan["jenis_perpindahan"].astype(str) != "tetap"]


def _moved_people(pd_: PlanData) -> pd.DataFrame:
    """The pegawai rows of the people the plan moves (needs the data)."""
    assert pd_.ds is not None
    nips = set(_moves(pd_.files.plan)["nip"].astype(str))
    peg = pd_.ds.pegawai
    return peg[peg["nip"].astype(str).isin(nips)]


def _overdue_moved(d: PlanData) -> str:
    if d.ds is None:
        return NOT_AVAILABLE
    from placement.rules.registry import rule_set

    years = rule_set(d.scenario)["MASA_JABATAN_MAKS"]["maks_tahun"]
    plan = d.files.plan
    moved = _moves(plan)
    moved = moved[moved["jabatan_asal_id"].notna()]
    peg = d.ds.pegawai.set_index(d.ds.pegawai["nip"].astype(str))
    date = pd.Timestamp(d.scenario.tanggal_rencana)
    count = 0
    for r in moved.itertuples(index=False):
        row = peg.loc[str(r.nip)]
        tmt: Any = row["tmt_jabatan"]
        limit = years.get(str(row["jenis_jabatan"]), 5)
        if not fmt.missing(tmt) and (date - pd.Timestamp(tmt)).days / 365.25 > limit:
            count += 1
    return fmt.number(count)


def _approvals(d: PlanData) -> str:
    if d.ds is None:
        return NOT_AVAILABLE
    from placement.io.plan_files import read_plan
    from placement.plan.explain import required_approvals

    vacancies = read_plan(d.files.path / "lowong.csv", typed=True)
    found = required_approvals(d.scenario, d.ds, d.files.plan, vacancies)
    return "; ".join(a.message_id for a in found) or "tidak ada"


def _risks(d: PlanData) -> tuple[str, str, str]:
    plan = d.files.plan
    field = NOT_AVAILABLE
    if "kesesuaian_rumpun" in plan.columns:  # 1 = the field fits (issue 18), per placement
        fit = pd.to_numeric(_moves(plan)["kesesuaian_rumpun"], errors="coerce")
        field = fmt.number(int((fit < 1).sum()))
    if d.ds is None:
        return NOT_AVAILABLE, NOT_AVAILABLE, field
    moved = _moved_people(d)
    date = pd.Timestamp(d.scenario.tanggal_rencana)
    bup = pd.to_datetime(moved["bup_date"], errors="coerce")
    near = int(((bup - date).dt.days <= BUP_MONTHS * 30.44).sum())
    until = pd.to_datetime(moved["discipline_until"], errors="coerce")
    active = moved["discipline"].notna() & (until.isna() | (until >= date))
    return fmt.number(near), fmt.number(int(active.sum())), field


def _weights(d: PlanData) -> str:
    return str((d.files.record.get("konfigurasi") or {}).get("bobot"))


def column(d: PlanData, same_weights: bool) -> list[str]:
    """One plan's values, in ITEMS order."""
    plan, rec = d.files.plan, d.files.record
    moves = _moves(plan)
    kinds = Counter(moves["jenis_perpindahan"].astype(str))
    in_scope = int(rec.get("jabatan_dalam_lingkup") or 0)
    filled = int(plan["jabatan_tujuan_id"].notna().sum())
    opd_col = "opd_tujuan" if "opd_tujuan" in plan.columns else "opd_asal"
    by_opd = Counter(fmt.text(o) or "tanpa unit" for o in moves[opd_col])
    promo = moves[moves["jenis_perpindahan"].astype(str) == "promosi"]
    box = pd.to_numeric(promo["kotak_talenta"], errors="coerce")
    placed = plan[plan["jabatan_tujuan_id"].notna()]
    jpm = pd.to_numeric(placed["jpm"], errors="coerce").dropna()
    near, sanction, field = _risks(d)
    objective = (fmt.number(rec.get("objektif"), 4) if same_weights
                 else "tidak dibandingkan (bobot skenario berbeda)")  # fmt: skip
    return [
        f"{fmt.number(filled)} dari {fmt.number(in_scope)}"
        + (f" ({fmt.percent(filled / in_scope)})" if in_scope else ""),
        ", ".join(f"{fmt.number(kinds[k])} {fmt.move_type(k).lower()}" for k in MOVE_ORDER if kinds[k])
        or "tidak ada",
        ", ".join(f"{o} ({fmt.number(n)})" for o, n in by_opd.most_common(3)) or "-",
        _overdue_moved(d),
        fmt.number(int((box == 9).sum())),
        fmt.number(int(box.isin([7, 8]).sum())),
        fmt.percent(float(jpm.mean()) if len(jpm) else None, empty="tidak ada data"),
        _approvals(d),
        near,
        sanction,
        field,
        objective,
    ]  # fmt: skip


def readable_table(
    plans: Sequence[PlanFiles], data: Sequence[PlanData] | None = None
) -> pd.DataFrame:
    """One row per ITEMS entry, one column per plan (named like ``placement compare``)."""
    data = list(data) if data is not None else with_data(plans)
    same = len({_weights(d) for d in data}) == 1
    frame = pd.DataFrame({"butir": list(ITEMS)})
    for name, d in zip(unique_names(plans), data, strict=True):
        frame[name] = column(d, same)
    return frame


def _post_name(plan: pd.DataFrame, jid: str) -> str:
    rows = plan[plan["jabatan_tujuan_id"].astype(str) == jid]
    if len(rows) and "jabatan_tujuan" in plan.columns:
        r = rows.iloc[0]
        return f"{fmt.text(r['jabatan_tujuan'])} ({fmt.text(r.get('opd_tujuan'))})"
    return jid


def _holder(plan: pd.DataFrame, jid: str) -> str:
    rows = plan[plan["jabatan_tujuan_id"].astype(str) == jid]
    if not len(rows):
        return "lowong"
    r = rows.iloc[0]
    return fmt.text(r.get("nama")) or fmt.text(r["nip"])


def difference_lines(a: PlanFiles, b: PlanFiles, detail: bool = False) -> list[str]:
    """Posts whose holder differs between plan A and plan B, by name; the holders' names only
    with ``detail``."""
    pa = a.plan[a.plan["jabatan_tujuan_id"].notna()].set_index("jabatan_tujuan_id")["nip"]
    pb = b.plan[b.plan["jabatan_tujuan_id"].notna()].set_index("jabatan_tujuan_id")["nip"]
    posts = sorted(str(j) for j in set(pa.index) | set(pb.index)
                   if str(pa.get(j, "")) != str(pb.get(j, "")))  # fmt: skip
    lines = []
    for jid in posts:
        name = _post_name(b.plan, jid) if jid in set(pb.index) else _post_name(a.plan, jid)
        if detail:
            lines.append(f"{name}: {_holder(a.plan, jid)} → {_holder(b.plan, jid)}")
        else:
            lines.append(f"{name}: pemegang berbeda")
    return lines


def readable_text(plans: Sequence[PlanFiles], detail: bool = False) -> str:
    """The comparison as plain text: the table, then the differences against the first plan."""
    table = readable_table(plans)
    width = max(len(i) for i in ITEMS)
    out = ["Perbandingan rencana (untuk pimpinan)"]
    for name in table.columns[1:]:
        out.append(f"\n{name}")
        for item, value in zip(table["butir"], table[name], strict=True):
            out.append(f"  {item:<{width}}  {value}")
    for p in plans[1:]:
        lines = difference_lines(plans[0], p, detail)
        out.append(
            f"\nJabatan dengan pemegang berbeda, {plans[0].name} → {p.name}: {fmt.number(len(lines))}"
        )
        out += [f"  - {line}" for line in lines]
    return "\n".join(out)


def write_comparison_xlsx(sheets: dict[str, pd.DataFrame], path: Path,
                          text_columns: dict[str, list[str]] | None = None) -> Path:  # fmt: skip
    """The comparison workbook (``write_xlsx``: atomic, formula-safe), then formatted for
    reading: bold frozen header row, filters, column widths from the content (capped)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font

    from placement.io.writers import atomic_path, write_xlsx

    write_xlsx(sheets, path, text_columns=text_columns or {})
    wb = load_workbook(path)
    for ws in wb.worksheets:
        ws.freeze_panes = "B2" if ws.title == "Ringkasan" else "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for col in ws.columns:
            longest = max((len(str(c.value)) for c in col if c.value is not None), default=8)
            ws.column_dimensions[col[0].column_letter].width = min(max(10, longest + 2), 60)
            for c in col[1:]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_path(path) as tmp:
        wb.save(str(tmp))
    return path


__all__ = [
    "ITEMS",
    "NOT_AVAILABLE",
    "PlanData",
    "column",
    "difference_lines",
    "readable_table",
    "readable_text",
    "with_data",
    "write_comparison_xlsx",
]
