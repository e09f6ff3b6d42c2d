"""Rencana: one run's plan — summary, sortable plan table, a move's explanation (rules with legal
basis, score terms, alternatives, why-not), vacancy chains as a graph, the region's 9-box grid
and the downloads (rencana.xlsx, dossier PDF). Everything is computed by the library
(placement.plan.*); this module is the route, the summary and the downloads."""

from __future__ import annotations

from pathlib import Path

from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.compare import PlanFiles, read_plan_dir
from placement.plan.review import MOVE_KINDS, PlanSummary, plan_summary
from placement.report.dossier import write_dossier
from placement.store.runs import RunStore
from placement.ui.format import format_number
from placement.ui.i18n import kind_label, t, tr
from placement.ui.layout import page_frame
from placement.ui.pages.plan.chains import chain_graph
from placement.ui.pages.plan.common import error_text
from placement.ui.pages.plan.explanation import open_explanation
from placement.ui.pages.plan.nine_box import nine_box_card
from placement.ui.pages.plan.table import plan_table
from placement.ui.plan_cache import solved
from placement.ui.runs_view import listed_runs, run_options, status_label
from placement.ui.state import workspace


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
        detail = _run_choice(options, run_id)
        with RunStore(ws.store) as store:
            folder = Path(str(store.show(run_id)["folder"]))
        try:
            files = read_plan_dir(folder)
        except PlacementError as exc:
            ui.label(error_text(exc)).classes("text-negative").props("data-testid=rencana-galat")
            return
        _summary(plan_summary(files))
        _downloads(run_id, folder)
        _plan_card(files, run_id, ws.root, folder, detail)
        chain_graph(files, bool(detail.value))
        nine_box_card(folder, files)


def _run_choice(options: dict[int, str], run_id: int) -> ui.switch:
    """The run shown (choosing another opens its page) and the details switch."""
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
    return detail


def _plan_card(files: PlanFiles, run_id: int, root: Path, folder: Path, detail: ui.switch) -> None:
    """The plan table, what its columns mean, and the explanation dialog a row opens."""
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
        plan_table(
            files,
            run_id,
            root,
            detail,
            lambda e: open_explanation(dialog, folder, run_id, e.args, detail.value),
        )


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
            note.set_text(error_text(exc))
            note.classes("text-negative")
            return
        finally:
            make.enable()
        note.set_text(tr("Dosir PDF siap diunduh.", "The dossier PDF is ready."))
        link.set_visibility(True)

    make.on_click(build)
