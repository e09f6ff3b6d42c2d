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
from placement.domain.messages import texts
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
ITEMS_EN: tuple[str, ...] = (
    "Posts filled",
    "Moves",
    "OPDs with most moves",
    "Officials past their maximum tenure moved",
    "Promotions from box 9",
    "Promotions from boxes 7–8",
    "Mean JPM of post holders",
    "Approvals needed",
    "Risk: near retirement age (≤ 24 months)",
    "Risk: under a disciplinary sanction",
    "Risk: field does not fit",
    "Objective value",
)
"""ITEMS in English (``lang="en"``), in the same order."""
MOVE_TYPES_EN = {
    "promosi": "promotion",
    "rotasi": "rotation",
    "mutasi": "transfer",
    "alih_jenis": "JF into administration",
    "demosi": "demotion",
    "non-job": "non-job",
}
WORDS: dict[str, tuple[str, str]] = {
    "na": (NOT_AVAILABLE, "not available"),
    "none": texts("PERBANDINGAN_NONE"),
    "no_data": texts("TAMPIL_TIDAK_ADA_DATA"),
    "no_unit": texts("PERBANDINGAN_NO_UNIT"),
    "of": texts("PERBANDINGAN_OF"),
    "not_compared": texts("PERBANDINGAN_NOT_COMPARED"),
    "other_holder": texts("PERBANDINGAN_OTHER_HOLDER"),
    "vacant": texts("PERBANDINGAN_VACANT"),
    "title": texts("PERBANDINGAN_TITLE"),
    "differ": texts("PERBANDINGAN_DIFFER"),
    "item": texts("PERBANDINGAN_ITEM"),
}
"""The comparison's words per language (Indonesian first)."""


def items(lang: str = "id") -> tuple[str, ...]:
    """Row labels of :func:`readable_table` in ``lang``."""
    return ITEMS_EN if lang == "en" else ITEMS


def _w(key: str, lang: str) -> str:
    return WORDS[key][1 if lang == "en" else 0]


def _num(value: Any, lang: str, decimals: int = 0) -> str:
    """3.000 (id) or 3,000 (en)."""
    return f"{float(value):,.{decimals}f}" if lang == "en" else fmt.number(value, decimals)


def _pct(fraction: float | None, lang: str, empty: str) -> str:
    """2,5 % (id) or 2.5 % (en)."""
    if fraction is None:
        return empty
    return f"{_num(100 * fraction, lang, 1)} %" if lang == "en" else fmt.percent(fraction)


def _kind(kind: str, lang: str) -> str:
    return MOVE_TYPES_EN.get(kind, kind) if lang == "en" else fmt.move_type(kind).lower()


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


def _overdue_moved(d: PlanData) -> int | None:
    if d.ds is None:
        return None
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
    return count


def _approvals(d: PlanData, lang: str = "id") -> str:
    if d.ds is None:
        return _w("na", lang)
    from placement.io.plan_files import read_plan
    from placement.plan.explain import required_approvals

    vacancies = read_plan(d.files.path / "lowong.csv", typed=True)
    found = required_approvals(d.scenario, d.ds, d.files.plan, vacancies)
    return "; ".join(a.message(lang) for a in found) or _w("none", lang)


def _risks(d: PlanData) -> tuple[int | None, int | None, int | None]:
    """Moved people near their BUP, under an active sanction, outside their field (None: the
    data or the plan column is not there)."""
    plan = d.files.plan
    field = None
    if "kesesuaian_rumpun" in plan.columns:  # 1 = the field fits (issue 18), per placement
        fit = pd.to_numeric(_moves(plan)["kesesuaian_rumpun"], errors="coerce")
        field = int((fit < 1).sum())
    if d.ds is None:
        return None, None, field
    moved = _moved_people(d)
    date = pd.Timestamp(d.scenario.tanggal_rencana)
    bup = pd.to_datetime(moved["bup_date"], errors="coerce")
    near = int(((bup - date).dt.days <= BUP_MONTHS * 30.44).sum())
    until = pd.to_datetime(moved["discipline_until"], errors="coerce")
    active = moved["discipline"].notna() & (until.isna() | (until >= date))
    return near, int(active.sum()), field


def _weights(d: PlanData) -> str:
    return str((d.files.record.get("konfigurasi") or {}).get("bobot"))


def column(d: PlanData, same_weights: bool, lang: str = "id") -> list[str]:
    """One plan's values, in ITEMS order (``lang="en"``: English words and numbers)."""
    plan, rec = d.files.plan, d.files.record
    moves = _moves(plan)
    kinds = Counter(moves["jenis_perpindahan"].astype(str))
    in_scope = int(rec.get("jabatan_dalam_lingkup") or 0)
    filled = int(plan["jabatan_tujuan_id"].notna().sum())
    by_opd = moves_per_opd(plan, lang)
    promo = moves[moves["jenis_perpindahan"].astype(str) == "promosi"]
    box = pd.to_numeric(promo["kotak_talenta"], errors="coerce")
    placed = plan[plan["jabatan_tujuan_id"].notna()]
    jpm = pd.to_numeric(placed["jpm"], errors="coerce").dropna()
    na = _w("na", lang)

    def count(n: int | None) -> str:
        return na if n is None else _num(n, lang)

    near, sanction, field = _risks(d)
    value = rec.get("objektif")
    objective = _w("not_compared", lang)  # different weights: not comparable numbers
    if same_weights:
        objective = "" if fmt.missing(value) else _num(value, lang, 4)
    return [
        f"{_num(filled, lang)} {_w('of', lang)} {_num(in_scope, lang)}"
        + (f" ({_pct(filled / in_scope, lang, '')})" if in_scope else ""),
        ", ".join(f"{_num(kinds[k], lang)} {_kind(k, lang)}" for k in MOVE_ORDER if kinds[k])
        or _w("none", lang),
        ", ".join(f"{o} ({_num(n, lang)})" for o, n in by_opd.most_common(3)) or "-",
        count(_overdue_moved(d)),
        _num(int((box == 9).sum()), lang),
        _num(int(box.isin([7, 8]).sum()), lang),
        _pct(float(jpm.mean()) if len(jpm) else None, lang, _w("no_data", lang)),
        _approvals(d, lang),
        count(near),
        count(sanction),
        count(field),
        objective,
    ]


def moves_per_opd(plan: pd.DataFrame, lang: str = "id") -> Counter[str]:
    """Moves per OPD of destination (of origin when the plan has no destination column)."""
    moves = _moves(plan)
    opd_col = "opd_tujuan" if "opd_tujuan" in plan.columns else "opd_asal"
    return Counter(fmt.text(o) or _w("no_unit", lang) for o in moves[opd_col])


def opd_table(plans: Sequence[PlanFiles], lang: str = "id") -> pd.DataFrame:
    """Moves per OPD, one column per plan (every OPD with a move in some plan), most first."""
    counts = {
        n: moves_per_opd(p.plan, lang) for n, p in zip(unique_names(plans), plans, strict=True)
    }
    opds = sorted(
        {o for c in counts.values() for o in c},
        key=lambda o: (-sum(c[o] for c in counts.values()), o),
    )
    frame = pd.DataFrame({"opd": opds})
    for name, c in counts.items():
        frame[name] = [c[o] for o in opds]
    return frame


def readable_table(
    plans: Sequence[PlanFiles], data: Sequence[PlanData] | None = None, lang: str = "id"
) -> pd.DataFrame:
    """One row per ITEMS entry, one column per plan (named like ``placement compare``)."""
    data = list(data) if data is not None else with_data(plans)
    same = len({_weights(d) for d in data}) == 1
    frame = pd.DataFrame({_w("item", lang): list(items(lang))})
    for name, d in zip(unique_names(plans), data, strict=True):
        frame[name] = column(d, same, lang)
    return frame


def _post_name(plan: pd.DataFrame, jid: str) -> str:
    rows = plan[plan["jabatan_tujuan_id"].astype(str) == jid]
    if len(rows) and "jabatan_tujuan" in plan.columns:
        r = rows.iloc[0]
        return f"{fmt.text(r['jabatan_tujuan'])} ({fmt.text(r.get('opd_tujuan'))})"
    return jid


def _holder(plan: pd.DataFrame, jid: str, lang: str = "id") -> str:
    rows = plan[plan["jabatan_tujuan_id"].astype(str) == jid]
    if not len(rows):
        return _w("vacant", lang)
    r = rows.iloc[0]
    return fmt.text(r.get("nama")) or fmt.text(r["nip"])


def difference_lines(
    a: PlanFiles, b: PlanFiles, detail: bool = False, lang: str = "id"
) -> list[str]:
    """Posts whose holder differs between plan A and plan B, by name; the holders' names only
    with ``detail``."""
    pa = a.plan[a.plan["jabatan_tujuan_id"].notna()].set_index("jabatan_tujuan_id")["nip"]
    pb = b.plan[b.plan["jabatan_tujuan_id"].notna()].set_index("jabatan_tujuan_id")["nip"]
    posts = sorted(
        str(j) for j in set(pa.index) | set(pb.index) if str(pa.get(j, "")) != str(pb.get(j, ""))
    )
    lines = []
    for jid in posts:
        name = _post_name(b.plan, jid) if jid in set(pb.index) else _post_name(a.plan, jid)
        if detail:
            lines.append(f"{name}: {_holder(a.plan, jid, lang)} → {_holder(b.plan, jid, lang)}")
        else:
            lines.append(f"{name}: {_w('other_holder', lang)}")
    return lines


def readable_text(plans: Sequence[PlanFiles], detail: bool = False, lang: str = "id") -> str:
    """The comparison as plain text: the table, then the differences against the first plan."""
    table = readable_table(plans, lang=lang)
    labels = items(lang)
    width = max(len(i) for i in labels)
    out = [_w("title", lang)]
    for name in table.columns[1:]:
        out.append(f"\n{name}")
        for item, value in zip(labels, table[name], strict=True):
            out.append(f"  {item:<{width}}  {value}")
    for p in plans[1:]:
        lines = difference_lines(plans[0], p, detail, lang)
        out.append(f"\n{_w('differ', lang)}, {plans[0].name} → {p.name}: {_num(len(lines), lang)}")
        out += [f"  - {line}" for line in lines]
    return "\n".join(out)


def write_comparison_xlsx(
    sheets: dict[str, pd.DataFrame], path: Path, text_columns: dict[str, list[str]] | None = None
) -> Path:
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
    "ITEMS_EN",
    "NOT_AVAILABLE",
    "PlanData",
    "column",
    "difference_lines",
    "items",
    "moves_per_opd",
    "opd_table",
    "readable_table",
    "readable_text",
    "with_data",
    "write_comparison_xlsx",
]
