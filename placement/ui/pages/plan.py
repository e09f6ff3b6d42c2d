"""Rencana: one run's plan — summary, sortable plan table, a move's explanation (rules with legal
basis, score terms, alternatives, why-not), vacancy chains as a graph, the region's 9-box grid
and the downloads (rencana.xlsx, dossier PDF). Everything is computed by the library
(placement.plan.*); this page only lays it out."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.domain.messages import NOWHERE, failure
from placement.io.writers import write_xlsx
from placement.plan.compare import PlanFiles, read_plan_dir
from placement.plan.explain import (
    TIE_RULES,
    Alternative,
    MoveExplanation,
    alternatives,
    explain_move,
    why_not,
)
from placement.plan.review import MOVE_KINDS, PlanSummary, plan_summary
from placement.report.dossier import write_dossier
from placement.store.runs import RunStore
from placement.succession.talent_map import talent_grid_moves
from placement.ui import i18n
from placement.ui.format import format_datetime, format_number
from placement.ui.i18n import KIND_LABELS, kind_label, t, tr
from placement.ui.layout import frame_table, page_frame, records
from placement.ui.people import current_post, mask_nip, post_name, text
from placement.ui.plan_cache import Solved, cached, solved
from placement.ui.runs_view import listed_runs, run_options, status_label
from placement.ui.state import workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _error(exc: PlacementError) -> str:
    return exc.issues[0].message(i18n.lang())


def _summary(s: PlanSummary) -> None:
    card = ui.card().classes("w-full").props("data-testid=rencana-ringkasan")
    with card, ui.row().classes("gap-8 items-start"):
        _number(
            tr("Hasil", "Result"),
            status_label(s.status),
            tr("menurut aturan dan bobot skenario", "under the scenario's rules and weights"),
        )
        _number(
            tr("Jabatan terisi", "Posts filled"),
            f"{format_number(s.filled)} / {format_number(s.posts_in_scope)}",
            tr("jabatan dalam lingkup yang punya pemegang", "in-scope posts with a holder"),
            "ringkasan-terisi",
        )
        _number(
            tr("Jabatan lowong", "Posts vacant"),
            format_number(s.vacant),
            tr("tetap kosong setelah rencana", "still empty after the plan"),
            "ringkasan-lowong",
        )
        moves = ", ".join(
            f"{kind_label(k)} {format_number(s.moves[k])}" for k in MOVE_KINDS if s.moves[k]
        )
        _number(
            tr("Perpindahan", "Moves"),
            format_number(s.moved),
            "; ".join(
                p for p in (moves, f"{kind_label('tetap')} {format_number(s.moves['tetap'])}") if p
            ),
            "ringkasan-pindah",
        )
        with ui.expansion(tr("rincian skor", "score details")).classes("text-sm max-w-80"):
            ui.label(
                tr(
                    "Skor total rencana {v}: jumlah skor setiap penempatan (kecocokan kompetensi, "
                    "kotak talenta, pendidikan; masing-masing 0–1 per pegawai) dikurangi biaya "
                    "perpindahan. Hanya berguna untuk membandingkan run dengan bobot yang sama; "
                    "makin tinggi makin baik.",
                    "Total plan score {v}: the sum of every placement's score (competency fit, "
                    "talent box, education; each 0–1 per person) less the move costs. Only useful "
                    "to compare runs with the same weights; higher is better.",
                    v=format_number(s.objective, 2),
                )
            ).classes("text-grey-8").props("data-testid=ringkasan-skor")


def _number(title: str, value: str, note: str, testid: str = "") -> None:
    with ui.column().classes("gap-0"):
        ui.label(title).classes("text-xs text-grey-7 uppercase")
        label = ui.label(value).classes("text-xl font-semibold")
        if testid:
            label.props(f"data-testid={testid}")
        ui.label(note).classes("text-xs text-grey-7 max-w-60")


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


def _plan_table(files: PlanFiles, run_id: int, root: Path, detail: Any, open_row: Any) -> None:
    """The plan table with filters by OPD, move kind and text, and "Unduh tabel ini"."""
    plan = files.plan
    opds = sorted({text(o) for c in ("opd_asal", "opd_tujuan") for o in plan[c]} - {""})
    kinds = [k for k in KIND_LABELS if k in set(plan["jenis_perpindahan"].astype(str))]
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


GRAPH_CHAINS = 12  # the longest chains drawn; the table lists them all


def _chain_graph(files: PlanFiles, detail: bool) -> None:
    """Vacancy chains: a drawing (one row per chain, posts left to right, names under each
    post, so nothing overlaps) and the chain table, posts and people by name."""
    chains = files.chains
    plan = files.plan
    names: dict[str, str] = {}
    for ids, labels in (
        ("jabatan_asal_id", "jabatan_asal"),
        ("jabatan_tujuan_id", "jabatan_tujuan"),
    ):
        names.update(
            {
                str(i): text(n)
                for i, n in zip(plan[ids], plan[labels], strict=True)
                if isinstance(i, str) and i
            }
        )
    people = dict(zip(plan["nip"].astype(str), plan["nama"].map(text), strict=True))
    kinds = dict(zip(plan["nip"].astype(str), plan["jenis_perpindahan"].astype(str), strict=True))
    s = plan_summary(files)
    with ui.card().classes("w-full"):
        ui.label(tr("Rantai lowongan", "Vacancy chains")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Setiap panah: pegawai pindah dari jabatan di kiri ke jabatan di kanan, "
                "sehingga jabatan di kiri lowong dan diisi langkah berikutnya. Siklus = "
                "rotasi melingkar.",
                "Each arrow: a person moves from the post on the left to the post on the "
                "right, leaving the left one to be filled by the next step. A cycle is a "
                "circular rotation.",
            )
        ).classes("text-sm text-grey-8")
        ui.label(
            tr(
                "{c} rantai, {y} siklus, terpanjang {n} langkah",
                "{c} chains, {y} cycles, longest {n} steps",
                c=format_number(s.chains),
                y=format_number(s.cycles),
                n=format_number(s.longest_chain),
            )
        ).props("data-testid=rantai-ringkasan").classes("font-medium")
        if chains.empty:
            ui.label(
                tr("Tidak ada perpindahan, jadi tidak ada rantai.", "No moves, so no chains.")
            ).props("data-testid=rantai-kosong")
            return
        nodes, links, drawn = _chain_layout(chains, names, people, kinds)
        rows, steps = len(drawn), max(int(n["x"]) for n in nodes) // 190
        ui.echart(
            {
                "tooltip": {"formatter": "{c}"},
                "grid": {"containLabel": True},
                "series": [
                    {
                        "type": "graph",
                        "layout": "none",
                        "roam": True,
                        "left": 90,
                        "top": 20,
                        "width": 190 * max(steps, 1),
                        "height": max(110 * (rows - 1), 1),
                        "label": {
                            "show": True,
                            "position": "bottom",
                            "width": 150,
                            "overflow": "break",
                            "fontSize": 11,
                            "lineHeight": 13,
                        },
                        "edgeSymbol": ["none", "arrow"],
                        "edgeSymbolSize": 10,
                        "edgeLabel": {"show": True, "fontSize": 10},
                        "lineStyle": {"width": 2, "color": "#475569", "curveness": 0.0},
                        "data": nodes,
                        "links": links,
                    }
                ],
            }
        ).classes("w-full").style(f"height: {80 + 110 * rows}px").props("data-testid=rantai-graf")
        posts = {
            p
            for c in ("jabatan_asal_id", "jabatan_tujuan_id")
            for p in chains[c]
            if isinstance(p, str) and p
        }
        shown = (
            tr("", "")
            if rows == chains["rantai_id"].nunique()
            else tr(
                f"; digambar {rows} rantai terpanjang, semuanya ada di tabel",
                f"; the {rows} longest chains are drawn, the table lists them all",
            )
        )
        ui.label(
            tr(
                f"Grafik: {len(posts)} jabatan (hijau), {len(chains)} panah (perpindahan); "
                f"abu-abu = dari luar{shown}",
                f"Graph: {len(posts)} posts (green), {len(chains)} arrows (moves); grey = "
                f"from outside{shown}",
            )
        ).classes("text-xs text-grey-7").props("data-testid=rantai-graf-info")
        table = pd.DataFrame(
            {
                tr("Rantai", "Chain"): chains["rantai_id"],
                tr("Jenis", "Kind"): chains["jenis"].map(
                    lambda k: tr("siklus", "cycle") if k == "siklus" else tr("rantai", "chain")
                ),
                tr("Langkah", "Step"): chains["urutan"],
                tr("Pegawai", "Person"): [people.get(str(n), "") for n in chains["nip"]],
                "NIP": [mask_nip(n, detail) for n in chains["nip"]],
                tr("Dari jabatan", "From post"): [
                    names.get(p, p)
                    if isinstance(p, str) and p
                    else tr("(dari luar)", "(from outside)")
                    for p in chains["jabatan_asal_id"]
                ],
                tr("Ke jabatan", "To post"): [
                    names.get(p, p) if isinstance(p, str) and p else "-"
                    for p in chains["jabatan_tujuan_id"]
                ],
                tr("Perpindahan", "Move"): [
                    kind_label(kinds.get(str(n), "")) for n in chains["nip"]
                ],
            }
        )
        frame_table(table, testid="rantai-tabel", rows_per_page=10)


def _chain_layout(
    chains: pd.DataFrame, names: dict[str, str], people: dict[str, str], kinds: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Nodes at fixed places (chain = row, step = column) and the arrows, for the longest
    :data:`GRAPH_CHAINS` chains: no two labels share a place."""
    sizes = chains.groupby("rantai_id").size().sort_values(ascending=False, kind="stable")
    drawn = [str(c) for c in sizes.index[:GRAPH_CHAINS]]
    nodes: dict[str, dict[str, Any]] = {}
    links = []

    def node(post: Any, key: str, row: int, col: int) -> str:
        if isinstance(post, str) and post:
            if post not in nodes:
                label = names.get(post, post)
                nodes[post] = {
                    "name": post,
                    "value": label,
                    "label": {"formatter": label},
                    "x": 190 * col,
                    "y": 110 * row,
                    "symbolSize": 18,
                    "itemStyle": {"color": "#0f766e"},
                }
            return post
        label = tr("dari luar lingkup", "from outside") if col == 0 else tr("keluar", "leaves")
        nodes[key] = {
            "name": key,
            "value": label,
            "label": {"formatter": label},
            "x": 190 * col,
            "y": 110 * row,
            "symbolSize": 12,
            "itemStyle": {"color": "#9ca3af"},
        }
        return key

    for row, chain in enumerate(drawn):
        steps = chains[chains["rantai_id"].astype(str) == chain].sort_values("urutan")
        for col, r in enumerate(steps.itertuples(index=False)):
            src = node(r.jabatan_asal_id, f"luar-{chain}", row, col)
            dst = node(r.jabatan_tujuan_id, f"lepas-{chain}", row, col + 1)
            who = people.get(str(r.nip), "")
            move = kind_label(kinds.get(str(r.nip), ""))
            links.append(
                {
                    "source": src,
                    "target": dst,
                    "value": f"{move}: {who}" if who else move,
                    "label": {"formatter": move},
                }
            )
    return list(nodes.values()), links, drawn


def _nine_box(grid: pd.DataFrame) -> None:
    with ui.column().classes("gap-1").props("data-testid=kotak9"):
        ui.label(
            tr(
                "Jumlah pegawai seluruh daerah per kotak talenta (PermenPAN-RB 3/2020); "
                "'pindah' = berapa dari mereka berpindah dalam rencana ini.",
                "Employees of the whole region per talent box (PermenPAN-RB 3/2020); "
                "'move' = how many of them move in this plan.",
            )
        ).classes("text-sm text-grey-8")
        with ui.grid(columns="auto repeat(3, 11rem)").classes("gap-1 items-stretch"):
            for r in range(3):
                cells = grid[grid["baris"] == r].sort_values("kolom")
                ui.label(tr("potensi ", "potential ") + str(cells["potensi"].iloc[0])).classes(
                    "text-xs text-grey-8 self-center text-right pr-2"
                )
                for c in cells.itertuples(index=False):
                    box: Any = c.kotak
                    pool = int(box) >= 7
                    with (
                        ui.card()
                        .tight()
                        .classes("p-2 " + ("bg-teal-1" if pool else "bg-grey-1"))
                        .props(f"data-testid=kotak-{c.kotak}")
                    ):
                        ui.label(tr(f"Kotak {c.kotak}", f"Box {c.kotak}")).classes(
                            "text-xs text-grey-8"
                        )
                        ui.label(tr(f"{c.jumlah} pegawai", f"{c.jumlah} employees")).classes(
                            "text-lg font-semibold"
                        ).props(f"data-testid=kotak-{c.kotak}-jumlah")
                        ui.label(tr(f"{c.pindah} pindah", f"{c.pindah} move")).classes(
                            "text-sm " + ("text-teal-9 font-medium" if c.pindah else "text-grey-7")
                        ).props(f"data-testid=kotak-{c.kotak}-pindah")
            ui.label("")
            for k in grid[grid["baris"] == 0].sort_values("kolom")["kinerja"]:
                ui.label(tr("kinerja ", "performance ") + str(k)).classes(
                    "text-xs text-grey-8 text-center"
                )


@ui.page("/rencana")
async def plan_page(run: str | None = None) -> None:
    ws = workspace()
    with page_frame("/rencana"):
        with RunStore(ws.store) as store:
            runs = listed_runs(store)
        if runs.empty:
            ui.label(t("no_runs")).props("data-testid=rencana-kosong")
            ui.button(
                tr("Buka halaman Jalankan", "Open the Run page"),
                on_click=lambda: ui.navigate.to("/jalankan"),
            ).props("outline")
            return
        options = run_options(runs)
        run_id = int(run) if run and run.isdigit() and int(run) in options else next(iter(options))
        with ui.row().classes("items-center w-full"):
            ui.select(
                options,
                value=run_id,
                label=tr("Run yang ditampilkan", "Run shown"),
                on_change=lambda e: ui.navigate.to(f"/rencana?run={e.value}"),
            ).classes("min-w-96").props("data-testid=rencana-run")
            ui.space()
            detail = (
                ui.switch(
                    tr(
                        "tampilkan rincian: NIP lengkap dan nama pegawai lain",
                        "show details: full NIPs and names of other people",
                    )
                )
                .props("data-testid=rinci")
                .tooltip(
                    tr(
                        "Bawaan: NIP disamarkan dan pegawai lain dalam penjelasan disebut dengan "
                        "jabatannya saja (UU PDP)",
                        "By default NIPs are masked and other people in explanations are named "
                        "by their post only",
                    )
                )
            )
        with RunStore(ws.store) as store:
            folder = Path(str(store.show(run_id)["folder"]))
        try:
            files = read_plan_dir(folder)
        except PlacementError as exc:
            ui.label(_error(exc)).classes("text-negative").props("data-testid=rencana-galat")
            return
        _summary(plan_summary(files))
        _downloads(run_id, folder)
        with ui.card().classes("w-full"):
            ui.label(tr("Rencana penempatan", "Placement plan")).classes("text-lg font-medium")
            ui.label(
                tr(
                    "Perpindahan di atas, yang tetap di bawah. Klik sebuah baris untuk melihat "
                    "alasannya, kandidat lain, dan 'mengapa tidak'. JPM = kecocokan kompetensi "
                    "pegawai dengan standar jabatan (job person match). Skor = nilai penempatan "
                    "ini bagi rencana: kecocokan kompetensi, kotak talenta dan pendidikan dikali "
                    "bobotnya, dikurangi biaya pindah; makin tinggi makin baik (rinciannya di "
                    "penjelasan baris).",
                    "Moves first, stays below. Click a row to see why, the other candidates "
                    "and 'why not'. JPM = how well the person's competencies meet the post's "
                    "standard (job person match). Score = what this placement is worth to the "
                    "plan: competency fit, talent box and education times their weights, less "
                    "the move cost; higher is better (its parts in the row's explanation).",
                )
            ).classes("text-sm text-grey-8").props("data-testid=rencana-arti")
            dialog = ui.dialog().props("data-testid=penjelasan-dialog")
            _plan_table(
                files,
                run_id,
                ws.root,
                detail,
                lambda e: _explain(dialog, folder, run_id, e.args, detail.value),
            )
        _chain_graph(files, bool(detail.value))
        with ui.card().classes("w-full"):
            ui.label(
                tr("Peta talenta (kotak 9) seluruh daerah", "Talent map (9-box) of the region")
            ).classes("text-lg font-medium")
            box_area = ui.column()
            with box_area:
                ui.spinner(size="lg").props("data-testid=kotak9-memuat")

        async def load_boxes() -> None:
            try:
                ds, _, _ = await solved(folder)
            except PlacementError as exc:
                box_area.clear()
                with box_area:
                    ui.label(_error(exc)).classes("text-negative").props("data-testid=kotak9-galat")
                return
            grid = await threads.io_bound(talent_grid_moves, ds, files.plan, i18n.lang())
            assert grid is not None
            box_area.clear()
            with box_area:
                _nine_box(grid)

        ui.timer(0.05, load_boxes, once=True)


def _downloads(run_id: int, folder: Path) -> None:
    with ui.row().classes("items-center gap-2"):
        ui.button(
            tr("Unduh seluruh rencana (xlsx)", "Download the whole plan (xlsx)"), icon="download"
        ).props(
            f"outline no-caps tag=a href=/unduh/run/{run_id}/rencana.xlsx data-testid=unduh-rencana"
        )
        make = ui.button(tr("Buat dosir PDF", "Make the dossier PDF"), icon="description").props(
            "no-caps data-testid=buat-dosir"
        )
        link = ui.button(tr("Unduh dosir.pdf", "Download dosir.pdf"), icon="download").props(
            f"outline no-caps tag=a href=/unduh/run/{run_id}/dosir.pdf data-testid=unduh-dosir"
        )
        link.set_visibility((folder / "dosir.pdf").is_file())
        note = ui.label("").classes("text-sm").props("data-testid=dosir-status")
        ui.label(
            tr(
                "Dosir = justifikasi setiap perpindahan bagi Tim Penilai Kinerja dan PPK.",
                "Dossier = the justification of every move, for the assessment team and the PPK.",
            )
        ).classes("text-xs text-grey-7")

    async def build() -> None:
        make.disable()
        note.set_text(
            tr(
                "Menyusun dosir… (menyusun ulang rencana, lalu menulis PDF)",
                "Writing the dossier… (re-solving the plan, then writing the PDF)",
            )
        )
        try:
            ds, result, record = await solved(folder)
            await threads.io_bound(
                write_dossier, ds, result, folder / "dosir.pdf", "pdf", record, 3
            )
        except PlacementError as exc:
            note.set_text(_error(exc))
            note.classes("text-negative")
            return
        finally:
            make.enable()
        note.set_text(tr("Dosir PDF siap diunduh.", "The dossier PDF is ready."))
        link.set_visibility(True)

    make.on_click(build)


async def _explain(dialog: ui.dialog, folder: Path, run_id: int, row: Any, detail: bool) -> None:
    """Open the explanation of the clicked plan row: the move, the next-best candidates and the
    why-not form first, then the rules and score terms; one search box for the whole dialog."""
    nip = str(row.get("_nip", "")) if isinstance(row, dict) else ""
    dialog.clear()
    with dialog, ui.card().classes("w-full max-w-5xl").props("data-testid=penjelasan"):
        with ui.row().classes("w-full items-center"):
            title = ui.label(tr("Penjelasan", "Explanation")).classes("text-lg font-semibold")
            ui.space()
            search = ui.input(placeholder=tr("Cari di penjelasan", "Search the explanation")).props(
                "dense clearable data-testid=penjelasan-cari"
            )
            ui.button(tr("Cetak", "Print"), icon="print").props(
                f"flat no-caps tag=a target=_blank href=/rencana/cetak?run={run_id}&nip={nip}"
                f"&rinci={int(detail)} data-testid=penjelasan-cetak"
            )
            ui.button(icon="close", on_click=dialog.close).props(
                "flat round data-testid=penjelasan-tutup"
            )
        body = ui.column().classes("w-full gap-2")
        with body:
            if cached(folder) is None:
                ui.label(
                    tr(
                        "Memuat data dan menyusun ulang rencana…",
                        "Loading the data and re-solving the plan…",
                    )
                ).classes("text-grey-8")
            ui.spinner(size="lg")
    dialog.open()
    try:
        ds, result, _ = await solved(folder)
        found = await threads.io_bound(_explained, ds, result, nip)
        assert found is not None
        e, alts = found
    except PlacementError as exc:
        body.clear()
        with body:
            ui.label(_error(exc)).classes("text-negative").props("data-testid=penjelasan-galat")
        return
    title.set_text(f"{e.nama} (NIP {mask_nip(e.nip, detail)})")
    body.clear()
    with body:
        tables = _explanation(
            ds,
            result,
            e,
            alts,
            detail,
            then=lambda: _why_not_form(ds, result, e.jabatan_tujuan_id or "", detail),
        )
    for table in tables:
        search.bind_value_to(table, "filter")


def _explained(ds: Any, result: Any, nip: str) -> tuple[MoveExplanation, list[Alternative]]:
    """The move's explanation and up to three next-best candidates for its post."""
    e = explain_move(ds, result.scenario, result, nip)
    alts = alternatives(ds, result, e.jabatan_tujuan_id, 3) if e.jabatan_tujuan_id else []
    return e, alts


def _explanation(
    ds: Any,
    result: Any,
    e: MoveExplanation,
    alts: list[Alternative],
    detail: bool,
    printable: bool = False,
    then: Callable[[], None] | None = None,
) -> list[ui.table]:
    """The parts of a move's explanation (dialog and print view), ``then`` (the why-not form)
    right after the next-best candidates, above the rules and score parts; its tables."""
    en = i18n.lang() == "en"
    tables = []
    target = post_name(ds, e.jabatan_tujuan_id)
    origin = post_name(ds, e.jabatan_asal_id) if e.jabatan_asal_id else current_post(ds, e.nip)
    ui.label(f"{kind_label(e.move_type)}: {origin} → {target}").classes("font-medium").props(
        "data-testid=penjelasan-pindah"
    )
    if not e.jabatan_asal_id:
        ui.label(
            tr(
                "Jabatan sekarang di luar jabatan yang direncanakan: {p}",
                "Current post is outside the planned posts: {p}",
                p=origin or "-",
            )
        ).classes("text-sm text-grey-8").props("data-testid=penjelasan-asal")
    facts = []
    if e.jpm is not None and e.jpm.jpm == e.jpm.jpm:
        category = e.jpm.category_en if en else e.jpm.category_id
        facts.append(f"JPM {format_number(100 * e.jpm.jpm, 1)} % ({category})")
    if e.talent_box is not None:
        rec = e.box_recommendation_en if en else e.box_recommendation_id
        facts.append(
            tr(f"kotak talenta {e.talent_box}: {rec}", f"talent box {e.talent_box}: {rec}")
        )
    if e.total is not None:
        facts.append(tr("skor penempatan {v}", "placement score {v}", v=format_number(e.total, 3)))
    ui.label(" · ".join(facts)).classes("text-sm")
    if not e.chain.empty:
        ui.label(
            tr("Rantai lowongan: ", "Vacancy chain: ") + "; ".join(_chain_text(ds, e, detail))
        ).props("data-testid=penjelasan-rantai").classes("text-sm")
    ui.label(
        tr(
            "Kandidat berikutnya untuk jabatan ini (dan mengapa tidak dipilih)",
            "Next-best candidates for this post (and why they were not chosen)",
        )
    ).classes("font-medium mt-2")
    if alts:
        frame = pd.DataFrame(
            {
                tr("Peringkat", "Rank"): [a.rank for a in alts],
                tr("Nama", "Name"): [a.nama for a in alts],
                "NIP": [mask_nip(a.nip, detail) for a in alts],
                tr("Sekarang", "Now"): [current_post(ds, a.nip) for a in alts],
                tr("Jenis", "Kind"): [kind_label(a.move_type) for a in alts],
                tr("Skor", "Score"): [format_number(a.total, 3) for a in alts],
                tr("Selisih dari terpilih", "Difference to chosen"): [
                    _signed(a.difference) for a in alts
                ],
                tr("Mengapa tidak dipilih", "Why not chosen"): [
                    _why_lost(ds, result, a) for a in alts
                ],
            }
        )
        tables.append(
            frame_table(
                frame,
                testid="penjelasan-alternatif",
                search=False,
                rows_per_page=0 if printable else 10,
            )
        )
    else:
        ui.label(
            tr("Tidak ada kandidat lain yang memenuhi syarat.", "No other eligible candidate.")
        ).props("data-testid=penjelasan-alternatif")
    if then is not None:
        then()
    ui.label(tr("Aturan yang diperiksa", "Rules checked")).classes("font-medium mt-2")
    if e.checks:
        rules = pd.DataFrame(
            {
                tr("Aturan", "Rule"): [c.rule_id for c in e.checks],
                tr("Hasil", "Result"): [
                    tr("lulus", "pass") if c.passed else tr("GAGAL", "FAIL") for c in e.checks
                ],
                tr("Keterangan", "Detail"): [
                    c.message_en if en else c.message_id for c in e.checks
                ],
                tr("Dasar hukum", "Legal basis"): [c.legal_basis for c in e.checks],
            }
        )
        tables.append(
            frame_table(
                rules,
                testid="penjelasan-aturan",
                search=False,
                rows_per_page=0 if printable else 20,
            )
        )
    else:
        ui.label(
            tr(
                "Tidak ditempatkan: tidak ada aturan jabatan yang diperiksa.",
                "Not placed: no post rules to check.",
            )
        ).props("data-testid=penjelasan-aturan")
    if e.terms:
        ui.label(
            tr(
                "Unsur skor (nilai × bobot = sumbangan ke skor; biaya dikurangkan)",
                "Score parts (value × weight = contribution to the score; costs are subtracted)",
            )
        ).classes("font-medium mt-2")
        terms = pd.DataFrame(
            {
                tr("Unsur", "Part"): [x.label_en if en else x.label_id for x in e.terms],
                tr("Nilai", "Value"): [
                    "-" if x.value is None else format_number(x.value, 3) for x in e.terms
                ],
                tr("Bobot", "Weight"): [_weight(x.weight) for x in e.terms],
                tr("Sumbangan", "Contribution"): [_signed(x.contribution) for x in e.terms],
            }
        )
        tables.append(
            frame_table(
                terms, testid="penjelasan-skor", search=False, rows_per_page=0 if printable else 20
            )
        )
    return tables


def _signed(value: float) -> str:
    """ "+0,125" / "−0,050" (three decimals, id-ID)."""
    return ("+" if value >= 0 else "−") + format_number(abs(value), 3)


def _weight(weight: float) -> str:
    """A weight in words: "× 0,5"; −1 marks a cost ("biaya: dikurangkan")."""
    if weight == -1:
        return tr("biaya: dikurangkan", "cost: subtracted")
    return "× " + format_number(weight, 2)


def _chain_text(ds: Any, e: MoveExplanation, detail: bool) -> list[str]:
    """The chain's steps by post name ("Kepala Seksi A (Dinas X) → Camat B (Kecamatan B)"),
    the explained person and (with ``detail``) the others by name."""
    people = dict(zip(ds.pegawai["nip"].astype(str), ds.pegawai["name"], strict=True))
    out = []
    for r in e.chain.to_dict(orient="records"):
        who = people.get(str(r["nip"]), "") if detail or r["nip"] == e.nip else ""
        src = (
            post_name(ds, r["jabatan_asal_id"])
            if r["jabatan_asal_id"]
            else tr("dari luar", "from outside")
        )
        dst = post_name(ds, r["jabatan_tujuan_id"]) if r["jabatan_tujuan_id"] else "-"
        out.append((f"{who}: " if who else "") + f"{src} → {dst}")
    return out


def _why_lost(ds: Any, result: Any, a: Alternative) -> str:
    """One line on why a next-best candidate is not the holder."""
    en = i18n.lang() == "en"
    if a.tie and a.tie_rule:
        return (
            tr("skor seri; diputus oleh ", "tied score; decided by ")
            + TIE_RULES[a.tie_rule][1 if en else 0]
        )
    rows = result.plan[result.plan["nip"] == a.nip]
    elsewhere = (
        str(rows["jabatan_tujuan_id"].iloc[0])
        if len(rows) and isinstance(rows["jabatan_tujuan_id"].iloc[0], str)
        else None
    )
    if a.difference > 0 and elsewhere:
        where = post_name(ds, elsewhere)
        return tr(
            f"skor di sini lebih tinggi, tetapi rencana secara keseluruhan lebih baik dengan "
            f"dia di {where}",
            f"scores higher here, but the plan as a whole is better with them in {where}",
        )
    if a.difference > 0:
        return tr(
            "skor di sini lebih tinggi, tetapi memindahkannya membuat rencana keseluruhan "
            "lebih buruk",
            "scores higher here, but moving them makes the whole plan worse",
        )
    return tr("skor lebih rendah ({d})", "lower score ({d})", d=_signed(a.difference))


def change_text(
    ds: Any, changes: list[dict[str, str | None]], asked: str, detail: bool
) -> list[str]:
    """Placements a forced pair changes, by post name: the asked person first; the others by
    the post the plan gives them ("pegawai yang direncanakan ke X → bila dipaksa: Y"), by name
    only with ``detail`` (UU PDP)."""
    lines = []
    people = dict(zip(ds.pegawai["nip"].astype(str), ds.pegawai["name"], strict=True))
    for ch in sorted(changes, key=lambda ch: ch["nip"] != asked):
        planned, forced = post_name(ds, ch["di_rencana"]), post_name(ds, ch["bila_dipaksa"])
        if ch["nip"] == asked or detail:
            who = f"{people.get(str(ch['nip']), '')} (NIP {mask_nip(ch['nip'], detail)})"
            lines.append(
                tr(
                    f"{who}: di rencana {planned} → bila dipaksa {forced}",
                    f"{who}: in the plan {planned} → if forced {forced}",
                )
            )
        elif ch["di_rencana"]:
            lines.append(
                tr(
                    f"pegawai yang direncanakan ke {planned} → bila dipaksa {forced}",
                    f"the person the plan puts in {planned} → if forced {forced}",
                )
            )
        else:
            lines.append(
                tr(
                    f"seorang pegawai tanpa jabatan di rencana → bila dipaksa {forced}",
                    f"a person without a post in the plan → if forced {forced}",
                )
            )
    others = sum(1 for ch in changes if ch["nip"] != asked)
    if others and not detail:
        lines.append(
            tr(
                f"({others} pegawai lain; nama dan NIP: nyalakan 'tampilkan rincian')",
                f"({others} other people; names and NIPs: turn on 'show details')",
            )
        )
    return lines


def person_options(ds: Any, detail: bool) -> dict[str, str]:
    """NIP → "Name — current post · NIP" (masked unless ``detail``), sorted by name: what the
    why-not form lists (the planner types part of a name, a post or the NIP)."""
    named = sorted(zip(ds.pegawai["name"].map(text), ds.pegawai["nip"].map(text), strict=True))
    return {
        nip: f"{name} — {current_post(ds, nip) or '-'} · {mask_nip(nip, detail)}"
        for name, nip in named
    }


def post_options(ds: Any) -> dict[str, str]:
    """jabatan_id → "Post name (unit)", sorted by unit then name."""
    ids = ds.jabatan["jabatan_id"].map(text)
    return dict(sorted(((j, post_name(ds, j)) for j in ids), key=lambda kv: kv[1]))


def _searchable(options: dict[str, str], label: str, value: str | None, testid: str) -> ui.select:
    """A select that filters its options by what is typed; a value not listed (a full NIP or
    a post code typed and confirmed with Enter) is kept as typed."""
    return (
        ui.select(
            options,
            value=value if value in options else None,
            label=label,
            with_input=True,
            new_value_mode="add-unique",
        )
        .classes("min-w-[24rem]")
        .props(f"clearable dense options-dense data-testid={testid}")
    )


def _why_not_form(ds: Any, result: Any, jabatan: str, detail: bool) -> None:
    with ui.card().classes("w-full bg-grey-1"):
        ui.label(
            tr(
                "Mengapa tidak? Tanyakan satu pegawai untuk satu jabatan",
                "Why not? Ask about one employee for one post",
            )
        ).classes("font-medium")
        ui.label(
            tr(
                "Ketik sebagian nama, jabatan atau unit lalu pilih; NIP lengkap atau kode "
                "jabatan juga boleh (akhiri dengan Enter).",
                "Type part of a name, post or unit and choose; a full NIP or a post code also "
                "works (end it with Enter).",
            )
        ).classes("text-xs text-grey-7")
        with ui.row().classes("items-end"):
            nip = _searchable(
                person_options(ds, detail), tr("Pegawai", "Employee"), None, "whynot-nip"
            )
            post = _searchable(post_options(ds), tr("Jabatan", "Post"), jabatan, "whynot-jabatan")
            ask = ui.button(tr("Tanyakan", "Ask")).props("data-testid=whynot-tanya")
        answer = ui.column().classes("w-full gap-1").props("data-testid=whynot-hasil")

        async def asked() -> None:
            who, where = str(nip.value or "").strip(), str(post.value or "").strip()
            answer.clear()
            if who not in ds.person_index or where not in ds.post_index:
                with answer:
                    ui.label(
                        tr(
                            "NIP atau kode jabatan tidak ada di data.",
                            "The NIP or post code is not in the data.",
                        )
                    ).classes("text-negative")
                return
            with answer:
                ui.spinner()
            ask.disable()
            try:
                wn = await threads.io_bound(why_not, ds, result.scenario, result, who, where)
                assert wn is not None
            except PlacementError as exc:
                answer.clear()
                with answer:
                    ui.label(_error(exc)).classes("text-negative")
                return
            finally:
                ask.enable()
            answer.clear()
            en = i18n.lang() == "en"
            with answer:
                person = ds.pegawai["name"].iloc[ds.person_index[who]]
                ui.label(f"{person} → {post_name(ds, where)}").classes("text-sm text-grey-8")
                ui.label(_why_not_headline(ds, wn, person)).classes("font-medium")
                for c in wn.failed:
                    ui.label(f"✗ {c.message_en if en else c.message_id} [{c.legal_basis}]").classes(
                        "text-negative text-sm"
                    )
                lines = change_text(ds, wn.changes, wn.nip, detail)
                if lines:
                    ui.label(
                        tr(
                            "Penempatan yang berubah (di rencana → bila dipaksa):",
                            "Placements that change (in the plan → if forced):",
                        )
                    ).classes("text-sm")
                for line in lines:
                    ui.label(line).classes("text-sm")

        ask.on_click(asked)


def _why_not_headline(ds: Any, wn: Any, person: str) -> str:
    """The why-not answer in a planner's words: the count of rules not met (listed below it),
    else the library's sentence with the person and the post by name (no NIP, no post code)."""
    if wn.code == "TIDAK_MEMENUHI_SYARAT" and wn.failed:
        return tr(
            "Tidak memenuhi syarat: {k} aturan tidak terpenuhi.",
            "Not eligible: {k} rules not met.",
            k=format_number(len(wn.failed)),
        )
    message = str(wn.message(i18n.lang()))
    return message.replace(wn.nip, person).replace(wn.jabatan_id, post_name(ds, wn.jabatan_id))


PRINT_CSS = """
<style>
@media print { .no-print { display: none !important; } body { font-size: 11pt; } }
.q-table__bottom { display: none; }
</style>
"""


@ui.page("/rencana/cetak")
async def print_page(run: str = "", nip: str = "", rinci: str = "0") -> None:
    """A move's explanation on one printable page (no navigation; the browser prints it)."""
    ws = workspace()
    ui.add_head_html(PRINT_CSS)
    ui.page_title(tr("Penjelasan perpindahan", "Explanation of a move"))
    with ui.column().classes("w-full max-w-4xl mx-auto p-4 gap-2").props("data-testid=cetak"):
        try:
            with RunStore(ws.store) as store:
                folder = Path(str(store.show(int(run))["folder"]))
                label = run_options(listed_runs(store)).get(int(run), f"#{run}")
            ds, result, _ = await solved(folder)
            if nip not in ds.person_index:
                raise failure("NIP_TIDAK_ADA", NOWHERE, "UI_NIP_TIDAK_ADA")
            found = await threads.io_bound(_explained, ds, result, nip)
            assert found is not None
        except (PlacementError, ValueError) as exc:
            message = (
                _error(exc)
                if isinstance(exc, PlacementError)
                else tr("Run tidak ada", "No such run")
            )
            ui.label(message).classes("text-negative").props("data-testid=cetak-galat")
            return
        e, alts = found
        detail = rinci == "1"
        with ui.row().classes("w-full items-center"):
            ui.label(f"{e.nama} (NIP {mask_nip(e.nip, detail)})").classes("text-xl font-semibold")
            ui.space()
            ui.button(
                tr("Cetak", "Print"),
                icon="print",
                on_click=lambda: ui.run_javascript("window.print()"),
            ).classes("no-print").props("no-caps data-testid=cetak-tombol")
        ui.label(
            tr(
                "Penjelasan perpindahan · run {r} · dicetak {w}",
                "Explanation of a move · run {r} · printed {w}",
                r=label,
                w=format_datetime(datetime.now(UTC)),
            )
        ).classes("text-sm text-grey-8")
        _explanation(ds, result, e, alts, detail, printable=True)


__all__ = ["Solved", "kind_label", "plan_page", "print_page"]
