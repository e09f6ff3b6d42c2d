"""Data → "Impor dari SIASN": upload the SIASN export, the peta jabatan and side files, run the
import library apart from the server, settle ambiguous links and unknown labels, use the data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from nicegui import events, ui

from placement.domain.errors import PlacementError, issue_records
from placement.io.siasn.labels import COLUMN_NAMES
from placement.io.siasn.link import FUZZY_THRESHOLD
from placement.ui import i18n
from placement.ui.format import format_number
from placement.ui.i18n import t, tr
from placement.ui.layout import frame_table, issue_table
from placement.ui.offload import DATA_LIMITS, parse_apart
from placement.ui.siasn_import import NO_POST, ImportSummary, run_import, stored_name, suggestions
from placement.ui.workspace import IMPORT_FOLDER, MAX_UPLOAD_BYTES, DataCheck, Workspace
from placement.ui.workspace import upload_problem as _problem

REQUIRED = {
    "siasn": ("Ekspor SIASN (Export Data ASN)", "SIASN export (Export Data ASN)"),
    "jabatan": ("Peta jabatan", "Peta jabatan (post map)"),
}
OPTIONAL = {
    "standar": ("Standar kompetensi", "Competency standards"),
    "kompetensi": ("Hasil asesmen kompetensi", "Competency assessments"),
    "talenta": ("Pemetaan talenta", "Talent mapping"),
    "kinerja": ("e-Kinerja", "e-Kinerja (performance)"),
    "hukdis": ("Hukuman disiplin", "Disciplinary sanctions"),
    "riwayat": ("Riwayat jabatan", "Post history"),
    "jobfit": ("Job fit JPT", "JPT job fit"),
}
SOURCES = {**REQUIRED, **OPTIONAL}
METHODS = {
    "nip": ("NIP pemegang", "holder's NIP"),
    "id": ("id SIASN", "SIASN id"),
    "exact": ("nama sama", "same name"),
    "fuzzy": ("nama mirip", "similar name"),
    "planner": ("keputusan Anda", "your decision"),
    "tidak_tertaut": ("belum tertaut", "not linked"),
}
PROBLEMS = {
    "TAUTAN_AMBIGU": ("lebih dari satu jabatan cocok", "more than one post matches"),
    "JABATAN_TIDAK_DI_PETA": ("jabatan tidak ada di peta jabatan", "post not in the peta jabatan"),
    "DUA_PEMEGANG": ("dua pemegang satu jabatan", "two holders of one post"),
}


def _words(pair: tuple[str, str]) -> str:
    return tr(*pair)


def import_card(ws: Workspace, show: Callable[[DataCheck | None], None]) -> None:
    """The import card of the Data page (its files and decisions belong to this browser tab);
    ``show`` shows the data in use."""
    importer = _Import(ws, show)
    ui.context.client.on_delete(importer.forget)
    importer.card()


class _Import:
    """One browser tab's import: its folders, the planner's decisions and the card's parts."""

    def __init__(self, ws: Workspace, show: Callable[[DataCheck | None], None]) -> None:
        self.ws, self.show = ws, show
        self.folders: dict[str, Path] = {}
        self.running: list[bool] = []  # one import at a time per tab
        self.decisions: dict[str, str] = {}
        self.labels: dict[tuple[str, str], str] = {}

    def folder(self, kind: str) -> Path:
        if kind not in self.folders:
            name = IMPORT_FOLDER.rstrip("-") if kind == "out" else "impor"
            self.folders[kind] = self.ws.new_folder(name)
        return self.folders[kind]

    def forget(self) -> None:
        for kind, path in self.folders.items():
            if kind == "in" or self.ws.data != path:
                self.ws.remove_folder(path)

    def card(self) -> None:
        """The card: the uploaders, the files received, "Impor" and the result area."""
        with ui.card().classes("w-full"):
            ui.label(tr("Impor dari SIASN", "Import from SIASN")).classes("font-medium")
            limit = MAX_UPLOAD_BYTES // 2**20
            ui.label(
                tr(
                    f"Berkas .xlsx atau .csv, masing-masing paling besar {limit} MB.",
                    f".xlsx or .csv files, at most {limit} MB each.",
                )
            ).classes("text-grey-8")
            with ui.row().classes("w-full"):
                for role, pair in REQUIRED.items():
                    _uploader(role, pair, self.uploaded)
            with (
                ui.expansion(
                    tr("Berkas pendukung (boleh tidak ada)", "Side files (optional)")
                ).classes("w-full"),
                ui.row().classes("w-full"),
            ):
                for role, pair in OPTIONAL.items():
                    _uploader(role, pair, self.uploaded)
            self.files = ui.label("").props("data-testid=impor-berkas")
            ui.button(tr("Impor", "Import"), on_click=self.start).props(
                "data-testid=impor-jalankan"
            )
            self.result = ui.column().classes("w-full gap-2").props("data-testid=impor-hasil")

    async def uploaded(self, role: str, e: events.UploadEventArguments) -> None:
        content = await e.file.read()
        problem = _problem(e.file.name, content, any_csv=True)
        if problem is not None:
            ui.notify(t("data.rejected", reason=problem), type="negative", multi_line=True)
            return
        inputs = self.folder("in")
        for old in inputs.glob(f"{role}.*"):
            old.unlink()
        (inputs / stored_name(role, e.file.name)).write_bytes(content)
        have = [_words(pair) for r, pair in SOURCES.items() if any(inputs.glob(f"{r}.*"))]
        self.files.set_text(t("data.uploaded", names=", ".join(have)))

    async def start(self) -> None:
        if self.running:
            return
        self.running.append(True)
        note = ui.notification(t("data.working"), spinner=True, timeout=None)
        try:
            out = self.folder("out")
            summary = await parse_apart(
                run_import,
                self.folder("in"),
                out,
                self.ws.scenario.tanggal_rencana,
                dict(self.decisions),
                dict(self.labels),
                limits=DATA_LIMITS,
                file="impor SIASN",
            )
            self.results(summary)
            if summary.check is not None:
                self.show(self.ws.adopt(summary.check))
                self.done(summary.check)
        except PlacementError as exc:
            self.result.clear()
            with self.result:
                issue_table(issue_records(exc.issues, i18n.lang()), testid="impor-masalah")
        finally:
            note.dismiss()
            self.running.clear()

    def results(self, s: ImportSummary) -> None:
        self.result.clear()
        with self.result:
            counts = [
                f"{_words(SOURCES.get(k, (k, k)))}: {format_number(n)} {tr('baris', 'rows')}"
                for k, n in s.counts.items()
            ]
            methods = [
                f"{_words(METHODS[m])} {format_number(n)}" for m, n in s.methods.items() if n
            ]
            ui.label("; ".join(counts)).props("data-testid=impor-ringkasan")
            ui.label(
                tr("Tautan pemegang jabatan: ", "Post holder links: ") + ", ".join(methods)
            ).props("data-testid=impor-metode")
            if s.pending or s.unknown:
                self.decide(s)
            if s.links:  # the links before the data's own problems (often one per person)
                _linked_table(s)
            if s.issues:
                ui.label(tr("Masalah dalam data impor", "Problems in the imported data")).classes(
                    "font-medium"
                )
                issue_table(issue_records(s.issues, i18n.lang()), testid="impor-masalah")

    def decide(self, s: ImportSummary) -> None:
        """The pending links and unknown labels, each with its choice, and "import again"."""
        ui.label(tr("Perlu keputusan Anda", "Needs your decision")).classes("font-medium")
        for i, row in enumerate(s.pending):
            self.pending_row(i, row)
        for i, (kolom, label, choices) in enumerate(s.unknown):
            with ui.row().classes("items-center w-full"):
                column = COLUMN_NAMES.get(kolom, kolom)
                ui.label(
                    tr(
                        f"Label '{label[:40]}' di kolom {column} tidak dikenal",
                        f"Unknown label '{label[:40]}' in column {column}",
                    )
                )
                ui.select(
                    choices,
                    value=self.labels.get((kolom, label)),
                    label=tr("Nilai kita", "Our value"),
                    on_change=lambda e, k=(kolom, label): self.mapped(k, e.value),
                ).classes("min-w-[12rem]").props(f"data-testid=impor-label-{i}")
        ui.button(
            tr("Pakai keputusan dan impor lagi", "Apply the decisions and import again"),
            on_click=self.start,
        ).props("data-testid=impor-ulang")

    def pending_row(self, i: int, row: dict[str, str]) -> None:
        """One person whose post link needs the planner: a suggested post or a typed code."""
        with ui.row().classes("items-center w-full").props(f"data-testid=impor-keputusan-{i}"):
            ui.label(
                f"{row['nama']} — {row['jabatan_siasn']} ({row['opd']}): "
                f"{_words(PROBLEMS.get(row['masalah'], (row['masalah'],) * 2))}"
            )
            options = {
                **suggestions(row),
                NO_POST: tr("tidak memegang jabatan", "holds no post"),
            }
            nip = row["nip"]
            chosen = self.decisions.get(nip)
            ui.select(
                options,
                value=chosen if chosen in options else None,
                label=tr("Pilih jabatan", "Choose the post"),
                on_change=lambda e, n=nip: self.typed(n, str(e.value or "")),
            ).classes("min-w-[22rem]").props(f"data-testid=impor-pilih-{i}")
            ui.input(
                tr("atau kode jabatan", "or post code"),
                on_change=lambda e, n=nip: self.typed(n, str(e.value or "")),
            ).props(f"data-testid=impor-isi-{i}")

    def mapped(self, key: tuple[str, str], value: object) -> None:
        """The planner's value for an unknown label (cleared when empty)."""
        if value:
            self.labels[key] = str(value)
        else:
            self.labels.pop(key, None)

    def typed(self, nip: str, value: str) -> None:
        """The planner's post for ``nip`` (chosen or typed; cleared when empty)."""
        if value.strip():
            self.decisions[nip] = value.strip()[:40]
        else:
            self.decisions.pop(nip, None)

    def done(self, check: DataCheck) -> None:
        with self.result:
            if not check.ok:
                return
            ui.label(
                tr("Data impor sekarang dipakai.", "The imported data is now in use.")
            ).classes("text-positive").props("data-testid=impor-selesai")
            ui.button(
                tr("Lanjut ke Aturan", "On to Rules"), on_click=lambda: ui.navigate.to("/aturan")
            ).props("data-testid=impor-lanjut")


def _linked_table(s: ImportSummary) -> None:
    """How each post holder was linked, with the similarity score, in a closed expansion."""
    frame = pd.DataFrame(
        [
            {
                tr("Nama", "Name"): link["nama"],
                tr("Jabatan", "Post"): link["nama_jabatan"],
                tr("Unit", "Unit"): link["opd"],
                tr("Cara tertaut", "Linked by"): _words(METHODS[str(link["metode"])]),
                tr("Skor kemiripan", "Similarity score"): ""
                if link["skor"] is None
                else format_number(float(str(link["skor"])), 1),
            }
            for link in s.links
        ]
    )
    with (
        ui.expansion(tr("Tabel tautan", "Link table"))
        .classes("w-full")
        .props("data-testid=impor-tabel-tautan")
    ):
        ui.label(
            tr(
                "Skor kemiripan: seberapa mirip nama jabatan di SIASN dengan nama di peta "
                f"jabatan, 0–100 (100 = sama persis). Tautan 'nama mirip' diterima mulai "
                f"{format_number(FUZZY_THRESHOLD)} bila tidak ada jabatan lain yang sama "
                "dekatnya; selain itu Anda yang memutuskan.",
                "Similarity score: how close the post name in SIASN is to the name in the "
                f"peta jabatan, 0–100 (100 = identical). A 'similar name' link is accepted "
                f"from {format_number(FUZZY_THRESHOLD)} when no other post is as close; "
                "otherwise you decide.",
            )
        ).classes("text-sm text-grey-8").props("data-testid=impor-skor-arti")
        frame_table(frame, testid="impor-tautan", rows_per_page=10)


def _uploader(role: str, pair: tuple[str, str], handler: Callable[..., object]) -> None:
    ui.upload(
        label=_words(pair),
        auto_upload=True,
        max_file_size=MAX_UPLOAD_BYTES,
        on_upload=lambda e, r=role: handler(r, e),
    ).props(f'accept=".xlsx,.csv" data-testid=impor-unggah-{role}').classes("w-80")
