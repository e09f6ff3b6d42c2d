"""The plan table of the Rencana page: rows (moves first), filters by OPD, kind and text, and
"Unduh tabel ini"."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import ui

from placement.io.writers import write_xlsx
from placement.plan.compare import PlanFiles
from placement.ui.format import format_number
from placement.ui.i18n import KIND_LABELS, kind_label, tr
from placement.ui.layout import frame_table, records
from placement.ui.people import mask_nip, text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


HIDDEN = ("_nip", "_opd", "_jenis")  # row keys and filter fields, not shown


def _plan_frame(files: PlanFiles, detail: bool) -> pd.DataFrame:
    """The plan rows for the table: moves first, then stays; posts by name, NIPs masked unless
    ``detail``; hidden key and filter fields (``_nip``, ``_opd`` "asal|tujuan", ``_jenis``)."""
    plan = files.plan.copy()
    plan["_tetap"] = plan["jenis_perpindahan"].astype(str) == "tetap"
    plan = plan.sort_values(["_tetap", "opd_tujuan", "jabatan_tujuan"], na_position="last")
    jpm = pd.to_numeric(plan["jpm"], errors="coerce")
    outside = [
        tr(f"{text(u)} (jabatan di luar lingkup rencana)", f"{text(u)} (post outside the plan)")
        for u in plan["opd_asal"]
    ]
    origin = [text(n) if text(n) else o for n, o in zip(plan["jabatan_asal"], outside, strict=True)]
    return pd.DataFrame(
        {
            tr("Nama", "Name"): plan["nama"],
            "NIP": [mask_nip(n, detail) for n in plan["nip"]],
            tr("Jenis", "Kind"): plan["jenis_perpindahan"].astype(str).map(kind_label),
            tr("Jabatan asal", "From post"): origin,
            tr("Jabatan tujuan", "To post"): plan["jabatan_tujuan"]
            .map(text)
            .replace("", tr("(tanpa jabatan)", "(no post)")),
            tr("OPD tujuan", "To OPD"): plan["opd_tujuan"].map(text),
            tr("Kotak talenta", "Talent box"): pd.to_numeric(
                plan["kotak_talenta"], errors="coerce"
            ),
            "JPM (%)": (100 * jpm).round(1),
            tr("Skor", "Score"): pd.to_numeric(plan["skor"], errors="coerce").round(3),
            "_nip": plan["nip"].astype(str),
            "_opd": plan["opd_asal"].map(text) + "|" + plan["opd_tujuan"].map(text),
            "_jenis": plan["jenis_perpindahan"].astype(str),
        }
    ).reset_index(drop=True)


def filter_plan(frame: pd.DataFrame, opd: str, kind: str, query: str) -> pd.DataFrame:
    """The rows of :func:`_plan_frame` moving out of or into OPD ``opd``, of move kind ``kind``
    and containing ``query`` (any shown column, case-insensitive); empty = any."""
    keep = pd.Series(True, index=frame.index)
    if opd:
        keep &= frame["_opd"].map(lambda both: opd in both.split("|"))
    if kind:
        keep &= frame["_jenis"] == kind
    words = query.strip().lower()
    if words:
        shown = frame.drop(columns=list(HIDDEN)).astype(str).apply(lambda c: c.str.lower())
        keep &= shown.apply(lambda c: c.str.contains(words, regex=False)).any(axis=1)
    return frame[keep]


def table_xlsx(frame: pd.DataFrame, folder: Path) -> bytes:
    """The shown columns of ``frame`` as an xlsx workbook (formula-safe, NIP kept as text)."""
    shown = frame.drop(columns=[c for c in HIDDEN if c in frame])
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = write_xlsx(
            {tr("Rencana", "Plan"): shown},
            Path(tmp) / "tabel.xlsx",
            text_columns={tr("Rencana", "Plan"): ["NIP"]},
        )
        return path.read_bytes()


ROW_TEMPLATE = r"""
<q-tr :props="props" class="cursor-pointer" :data-testid="'rencana-baris-' + props.row._nip"
      @click="$parent.$emit('baris', props.row)">
  <q-td v-for="col in props.cols" :key="col.name" :props="props">{{ col.value }}</q-td>
</q-tr>
"""


def plan_table(files: PlanFiles, run_id: int, root: Path, detail: Any, open_row: Any) -> None:
    """The plan table with filters by OPD, move kind and text, and "Unduh tabel ini"."""
    plan = files.plan
    opds = sorted({text(o) for c in ("opd_asal", "opd_tujuan") for o in plan[c]} - {""})
    kinds = [k for k in KIND_LABELS if k in set(plan["jenis_perpindahan"].astype(str))]
    opd, kind, query, count, download = _filters(opds, kinds)
    full = _plan_frame(files, bool(detail.value))
    table = frame_table(full, row_key="_nip", testid="rencana-tabel", search=False, hidden=HIDDEN)
    table.add_slot("body", ROW_TEMPLATE)
    table.on("baris", open_row)
    view: dict[str, pd.DataFrame] = {"rows": full}

    def refresh(_: object = None) -> None:
        frame = _plan_frame(files, bool(detail.value))
        view["rows"] = filter_plan(frame, opd.value or "", kind.value or "", query.value or "")
        table.rows = records(view["rows"])
        table.update()
        count.set_text(
            tr(
                "{n} dari {m} baris",
                "{n} of {m} rows",
                n=format_number(len(view["rows"])),
                m=format_number(len(frame)),
            )
        )

    def download_view() -> None:
        ui.download.content(table_xlsx(view["rows"], root), f"run{run_id}-tabel-rencana.xlsx", XLSX)

    for field in (opd, kind, query, detail):
        field.on_value_change(refresh)
    download.on_click(download_view)
    refresh()


def _filters(
    opds: list[str], kinds: list[str]
) -> tuple[ui.select, ui.select, ui.input, ui.label, ui.button]:
    """The filters (OPD, move kind, text), the row count and "Unduh tabel ini"."""
    with ui.row().classes("items-end gap-3 w-full"):
        opd = (
            ui.select(
                {"": tr("Semua OPD", "Every OPD"), **{o: o for o in opds}},
                value="",
                label=tr("OPD (asal atau tujuan)", "OPD (from or to)"),
                with_input=True,
            )
            .props("dense outlined data-testid=saring-opd")
            .classes("w-80")
        )
        kind = (
            ui.select(
                {"": tr("Semua jenis", "Every kind"), **{k: kind_label(k) for k in kinds}},
                value="",
                label=tr("Jenis perpindahan", "Move kind"),
            )
            .props("dense outlined data-testid=saring-jenis")
            .classes("w-64")
        )
        query = (
            ui.input(tr("Cari nama, jabatan…", "Search name, post…"))
            .props("dense outlined clearable data-testid=saring-cari")
            .classes("w-64")
        )
        ui.space()
        count = ui.label("").classes("text-sm text-grey-8").props("data-testid=saring-jumlah")
        download = ui.button(tr("Unduh tabel ini", "Download this table"), icon="download").props(
            "outline no-caps data-testid=unduh-tabel"
        )
    return opd, kind, query, count, download
