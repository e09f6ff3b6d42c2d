"""Riwayat: the runs recorded in the run store, a run's details (KPIs, input hashes, versions),
its plan and downloads, approval (name and reason; the run is read-only afterwards) with the
verification code, and the integrity check (RunStore.verify)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.compare import KPIS
from placement.store.runs import RunCheck, RunStore
from placement.ui import i18n
from placement.ui.format import format_datetime, format_number
from placement.ui.i18n import t, tr
from placement.ui.layout import frame_table, page_frame
from placement.ui.pages.compare import kpi_text, objective_note
from placement.ui.runs_view import (
    is_approved,
    listed_runs,
    run_options,
    stale_runs,
    status_label,
    store_options,
)
from placement.ui.state import workspace

DOWNLOADS = ("rencana.xlsx", "rencana.csv", "hasil.json")


def _runs() -> pd.DataFrame:
    with RunStore(workspace().store) as store:
        return listed_runs(store)


def _run_table(runs: pd.DataFrame) -> pd.DataFrame:
    """The runs with planner-facing headers, newest first (times in the workspace's zone)."""
    frame = pd.DataFrame(
        {
            "#": runs["id"],
            tr("Nama run", "Run name"): runs["nama_tampil"],
            tr("Dibuat", "Made"): runs["dibuat"].map(format_datetime),
            tr("Dari", "From"): runs["perintah"].map(command_label),
            "Status": runs["status"].map(status_label),
            tr("Disetujui oleh", "Approved by"): runs["disetujui_oleh"],
            tr("Disetujui pada", "Approved at"): [
                format_datetime(v) if is_approved(v) else "" for v in runs["disetujui_pada"]
            ],
        }
    )
    return frame.iloc[::-1].reset_index(drop=True)


def command_label(command: object) -> str:
    """Where a run was made: this workspace, or a CLI command."""
    if command == "ui":
        return tr("ruang kerja", "workspace")
    return tr(f"perintah {command}", f"command {command}")


@ui.page("/riwayat")
def history_page(run: int | None = None) -> None:
    with page_frame("/riwayat"):
        ui.label(
            tr(
                "Semua run yang tercatat. Pilih satu untuk melihat rinciannya, membuka rencananya, "
                "menyetujuinya, atau memeriksa keutuhannya.",
                "Every recorded run. Pick one to see its details, open its plan, approve it, or "
                "check its integrity.",
            )
        ).classes("text-grey-8")
        runs = _runs()
        if runs.empty:
            ui.label(t("no_runs")).classes("text-grey-7").props("data-testid=riwayat-kosong")
            return
        frame_table(_run_table(runs), row_key="#", rows_per_page=10, testid="tabel-run")
        options = run_options(runs)
        chosen = run if run in options else next(iter(options))
        select = (
            ui.select(options, value=chosen, label=tr("Pilih run", "Pick a run"))
            .props("outlined data-testid=riwayat-pilih-run")
            .classes("w-full max-w-xl")
        )
        notice = ui.label("").classes("text-negative").props("data-testid=riwayat-pemberitahuan")

        def current(run_id: int) -> bool:
            """False, with a notice and the page shown afresh, when the run changed in the
            store since the page showed it (e.g. approved with ``placement runs approve``)."""
            problem = stale_runs(select.options, workspace().store, [run_id])  # type: ignore[arg-type]
            if problem is None:
                return True
            notice.set_text(problem)
            ui.notify(problem, type="warning", multi_line=True)
            fresh = store_options(workspace().store)
            select.set_options(fresh, value=run_id if run_id in fresh else next(iter(fresh)))
            details.refresh()
            return False

        @ui.refreshable
        def details() -> None:
            if select.value is not None:
                _details(int(select.value), details.refresh, current)

        select.on_value_change(details.refresh)
        details()


def _rename(run_id: int, current: Callable[[int], bool]) -> None:
    """Rename the run (a label only; allowed on approved runs too): the box holds the name given
    so far, or shows the default name it falls back to when left empty."""
    with RunStore(workspace().store) as store:
        given = store.labels().set_index("id")["nama"].get(run_id)
        shown = store.names(lang=i18n.lang())[run_id]
    with ui.row().classes("items-end gap-2"):
        name = (
            ui.input(tr("Nama run", "Run name"), value=given or "", placeholder=shown)
            .props("outlined dense data-testid=run-nama-baru")
            .classes("w-96")
        )
        button = ui.button(tr("Ganti nama", "Rename")).props("outline data-testid=run-ganti-nama")

    def renamed() -> None:
        if not current(run_id):
            return
        try:
            with RunStore(workspace().store) as store:
                store.rename(run_id, name.value or "")
        except PlacementError as exc:
            ui.notify(exc.issues[0].message(i18n.lang()), type="negative")
            return
        ui.navigate.to(f"/riwayat?run={run_id}")

    button.on_click(renamed)


def _details(run_id: int, refresh: Any, current: Callable[[int], bool]) -> None:
    """A run's cards: what it is, its integrity check, its approval (until approved) and its
    KPIs, inputs and versions."""
    ws = workspace()
    try:
        with RunStore(ws.store) as store:
            info = store.show(run_id)
    except PlacementError as exc:
        ui.label(exc.issues[0].message(i18n.lang())).classes("text-negative")
        return
    approved = info["disetujui_pada"] is not None
    _run_card(run_id, info, approved, current)
    _integrity_card(ws.store, run_id)
    if not approved:
        _approval_card(ws.store, run_id, current)
    _kpis_inputs_versions(info)


def _run_card(
    run_id: int, info: dict[str, Any], approved: bool, current: Callable[[int], bool]
) -> None:
    """The run: approved or not, what it came from, its name, the approval and the downloads."""
    with ui.card().classes("w-full"):
        with ui.row().classes("items-center gap-3"):
            ui.label(tr("Run #{id}", "Run #{id}", id=run_id)).classes("text-lg font-medium")
            if approved:
                ui.badge(
                    tr(
                        "Disetujui oleh {who} pada {when}",
                        "Approved by {who} at {when}",
                        who=info["disetujui_oleh"],
                        when=format_datetime(info["disetujui_pada"]),
                    ),
                    color="positive",
                ).props("data-testid=run-disetujui").classes("text-sm p-2")
            else:
                ui.badge(tr("Belum disetujui", "Not approved"), color="grey-6").props(
                    "data-testid=run-belum-disetujui"
                ).classes("text-sm p-2")
        ui.label(
            tr(
                "Dicatat {when} · dari {cmd} · skenario '{sc}' · {st} · {n} baris rencana",
                "Recorded {when} · from {cmd} · scenario '{sc}' · {st} · {n} plan rows",
                when=format_datetime(info["dibuat"]),
                cmd=command_label(info["perintah"]),
                sc=info["skenario"] or "-",
                st=status_label(info["status"]),
                n=format_number(info["jumlah_baris_rencana"]),
            )
        ).props("data-testid=run-ringkasan")
        _rename(run_id, current)
        if approved:
            _approval_note(info)
        with ui.row().classes("gap-2"):
            ui.button(
                tr("Buka rencana", "Open the plan"),
                on_click=lambda: ui.navigate.to(f"/rencana?run={run_id}"),
            ).props("data-testid=buka-rencana-run")
            for name in DOWNLOADS:
                ui.button(f"{t('download')} {name}").props(
                    f"outline no-caps href=/unduh/run/{run_id}/{name} tag=a "
                    f"data-testid=unduh-{name.replace('.', '-')}"
                )


def _approval_note(info: dict[str, Any]) -> None:
    """The approval's reason and verification code; an approved run is read-only."""
    ui.label(tr("Alasan: {why}", "Reason: {why}", why=info["alasan_persetujuan"]))
    ui.label(
        tr(
            "Kode verifikasi: {code}",
            "Verification code: {code}",
            code=info["hash_persetujuan"],
        )
    ).classes("font-mono text-sm").props("data-testid=kode-verifikasi")
    ui.label(
        tr(
            "Run yang disetujui tidak dapat diubah atau dihapus.",
            "An approved run can no longer be changed or deleted.",
        )
    ).classes("text-sm text-grey-7")


def _integrity_card(store_path: Path, run_id: int) -> None:
    """Recompute the run's hashes and compare its plan folder, on request."""
    with ui.card().classes("w-full"):
        ui.label(tr("Pemeriksaan keutuhan", "Integrity check")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Menghitung ulang hash rencana dan persetujuan, dan membandingkan folder rencana.",
                "Recomputes the plan and approval hashes and compares the plan folder.",
            )
        ).classes("text-sm text-grey-7")
        outcome = ui.column().classes("gap-0").props("data-testid=hasil-keutuhan")

        def verify() -> None:
            outcome.clear()
            try:
                with RunStore(store_path) as store:
                    check = store.verify(run_id)
            except PlacementError as exc:  # store damaged, locked, or its key missing
                with outcome:
                    ui.label(tr("TIDAK DAPAT DIPERIKSA:", "CANNOT BE CHECKED:")).classes(
                        "text-negative font-bold"
                    )
                    for found in exc.issues:
                        ui.label(f"• {found.message(i18n.lang())}").classes("text-negative")
                return
            with outcome:
                _integrity_result(check)

        ui.button(tr("Periksa keutuhan", "Check integrity"), on_click=verify).props(
            "outline data-testid=periksa-keutuhan"
        )


def _integrity_result(check: RunCheck) -> None:
    """The check's verdict (intact or each problem) and its code."""
    folder = {
        "cocok": tr("cocok", "matches"),
        "berbeda": tr("berbeda", "differs"),
        "tidak ada": tr("tidak ada", "missing"),
    }.get(check.folder, check.folder)
    if check.ok:
        ui.label(
            tr(
                "Utuh: tidak ada perubahan sejak dicatat. Folder rencana: {f}.",
                "Intact: nothing changed since it was recorded. Plan folder: {f}.",
                f=folder,
            )
        ).classes("text-positive")
    else:
        ui.label(tr("TIDAK UTUH:", "NOT INTACT:")).classes("text-negative font-bold")
        for problem in check.problems:
            ui.label(f"• {problem}").classes("text-negative")
    ui.label(tr("Kode: {c}", "Code: {c}", c=check.code or "-")).classes("font-mono text-xs")


def _approval_card(store_path: Path, run_id: int, current: Callable[[int], bool]) -> None:
    """Approve the run: name and reason required; the run is read-only afterwards."""
    with ui.card().classes("w-full"):
        ui.label(tr("Setujui run ini", "Approve this run")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Setelah disetujui, run dan rencananya terkunci (tidak dapat diubah). Nama dan "
                "alasan wajib diisi.",
                "Once approved, the run and its plan are locked (cannot change). Name and reason "
                "are required.",
            )
        ).classes("text-sm text-grey-7")
        with ui.row().classes("items-end gap-3 w-full"):
            who = (
                ui.input(tr("Nama penyetuju", "Approved by"))
                .props("outlined dense data-testid=setujui-nama")
                .classes("w-64")
            )
            why = (
                ui.input(tr("Alasan / nomor nota dinas", "Reason / memo number"))
                .props("outlined dense data-testid=setujui-alasan")
                .classes("w-96")
            )
            button = ui.button(tr("Setujui", "Approve")).props("color=positive data-testid=setujui")
        message = ui.label("").classes("text-negative").props("data-testid=setujui-pesan")

        def approve() -> None:
            if not current(run_id):
                return
            try:
                with RunStore(store_path) as store:
                    store.approve(run_id, who.value or "", why.value or "")
            except PlacementError as exc:
                message.set_text(exc.issues[0].message(i18n.lang()))
                return
            ui.navigate.to(f"/riwayat?run={run_id}")  # the list and the choices too

        button.on_click(approve)


def _kpis_inputs_versions(info: dict[str, Any]) -> None:
    """The run's KPIs, input files with their fingerprints and the versions used."""
    with ui.expansion(
        tr("KPI, masukan dan versi", "KPIs, inputs and versions"), value=True
    ).classes("w-full"):
        kpi = pd.DataFrame(
            {
                tr("Ukuran", "Measure"): [tr(*KPIS[k]) if k in KPIS else k for k in info["kpi"]],
                tr("Nilai", "Value"): [kpi_text(k, v) for k, v in info["kpi"].items()],
            }
        )
        with ui.row().classes("w-full items-start gap-4 no-wrap"):
            with ui.column().classes("w-1/3"):
                frame_table(kpi, rows_per_page=25, testid="tabel-kpi")
                objective_note()
            with ui.column().classes("w-2/3"):
                inputs = pd.DataFrame(info["masukan"]).rename(
                    columns={
                        "path": tr("File masukan", "Input file"),
                        "sha256": tr("Sidik isi (SHA-256)", "Content fingerprint (SHA-256)"),
                    }
                )
                if inputs.empty:
                    ui.label(tr("(tidak ada catatan masukan)", "(no inputs recorded)"))
                else:
                    frame_table(inputs, rows_per_page=10, testid="tabel-masukan")
                versions = ", ".join(f"{k} {v}" for k, v in info["versi"].items())
                ui.label(tr("Versi: {v}", "Versions: {v}", v=versions)).classes(
                    "text-xs text-grey-7"
                ).props("data-testid=run-versi")
