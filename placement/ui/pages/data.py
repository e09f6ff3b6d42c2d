"""Data: upload the templates or pick the synthetic region; every validation problem in a table."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from nicegui import events, run, ui

from placement.domain.errors import PlacementError, Severity, issue_records
from placement.ui import i18n
from placement.ui.format import format_number
from placement.ui.i18n import t, tr
from placement.ui.layout import issue_table, page_frame
from placement.ui.offload import DATA_LIMITS, parse_apart
from placement.ui.pages.data_import import import_card
from placement.ui.state import workspace
from placement.ui.workspace import (
    IMPORT_FOLDER,
    MAX_UPLOAD_BYTES,
    SYNTHETIC_FOLDER,
    UPLOAD_FOLDER,
    DataCheck,
    Workspace,
    check_data,
)


def data_name(path: Path) -> str:
    """The data's name for the planner, never a work-folder path: "wilayah sintetis kabupaten",
    the uploaded file names, or the folder / file name given with ``--data``."""
    folder = path if path.is_dir() else path.parent
    if folder.name.startswith(SYNTHETIC_FOLDER):
        preset = folder.name.removeprefix(SYNTHETIC_FOLDER).rsplit("-", 1)[0]
        return tr(f"wilayah sintetis {preset}", f"synthetic region {preset}")
    if folder.name.startswith(IMPORT_FOLDER):
        return tr("data impor SIASN", "data imported from SIASN")
    if folder.name.startswith(UPLOAD_FOLDER):
        files = [path.name] if path.is_file() else sorted(p.name for p in folder.iterdir())
        return tr("file unggahan: ", "uploaded files: ") + ", ".join(files)
    return path.name


@ui.page("/data")
def data_page() -> None:
    ws = workspace()
    with page_frame("/data"):
        status = ui.column().classes("w-full gap-2")

        def show(check: DataCheck | None) -> None:
            status.clear()
            with status:
                _status(check)

        def refused(exc: PlacementError) -> None:
            status.clear()
            with status:
                issue_table(issue_records(exc.issues, i18n.lang()), testid="masalah-data")

        tab = ui.context.client.id  # pending uploads belong to this browser tab only
        ui.context.client.on_delete(lambda: ws.pending.pop(tab, None))

        async def synthetic(preset: str) -> None:
            note = ui.notification(t("data.working"), spinner=True, timeout=None)
            try:
                show(await run.io_bound(ws.use_synthetic, preset))
            except PlacementError as exc:
                refused(exc)
            finally:
                note.dismiss()

        _Uploads(ws, tab, show, refused).card()
        _preset_card(synthetic)
        import_card(ws, show)
        show(ws.check)


def _status(check: DataCheck | None) -> None:
    """The data in use: its name, valid or not (with counts) and its problems."""
    if check is None:
        ui.label(t("no_data")).props("data-testid=data-status")
        return
    ui.label(t("data.current", name=data_name(check.path))).classes("text-grey-8").props(
        "data-testid=data-nama"
    )
    errors, warnings = check.count(Severity.ERROR), check.count(Severity.WARNING)
    if check.ok:
        text = t(
            "data.valid",
            people=format_number(check.people),
            posts=format_number(check.posts),
            warnings=format_number(warnings),
        )
        ui.label(text).classes("text-positive").props("data-testid=data-status")
    else:
        text = t(
            "data.invalid",
            errors=format_number(errors),
            warnings=format_number(warnings),
        )
        ui.label(text).classes("text-negative").props("data-testid=data-status")
    if check.issues:
        issue_table(issue_records(check.issues, i18n.lang()), testid="masalah-data")


class _Uploads:
    """The upload card: this browser tab's files, checked apart from the server when used."""

    def __init__(
        self,
        ws: Workspace,
        tab: str,
        show: Callable[[DataCheck | None], None],
        refused: Callable[[PlacementError], None],
    ) -> None:
        self.ws, self.tab, self.show, self.refused = ws, tab, show, refused

    def card(self) -> None:
        with ui.card().classes("w-full"):
            ui.label(t("data.upload")).classes("font-medium")
            self.uploader = (
                ui.upload(
                    label=tr(
                        "Pilih file (tombol +) atau tarik ke sini",
                        "Choose files (+ button) or drop them here",
                    ),
                    on_upload=self.uploaded,
                    multiple=True,
                    auto_upload=True,
                    max_file_size=MAX_UPLOAD_BYTES,
                    on_rejected=_rejected,
                )
                .props('accept=".xlsx,.csv" data-testid=unggah')
                .classes("w-full")
            )
            self.pending = ui.label("").props("data-testid=unggahan")
            with ui.row():
                ui.button(t("data.use_upload"), on_click=self.use_uploads).props(
                    "data-testid=pakai-unggahan"
                )
                ui.button(t("data.templates")).props(
                    "outline href=/unduh/templat.xlsx tag=a data-testid=templat"
                )

    async def use_uploads(self) -> None:
        """Write this tab's uploads and check them apart from the server (time and memory
        limits, the server answers meanwhile); a refused file leaves nothing behind."""
        note = ui.notification(t("data.working"), spinner=True, timeout=None)
        try:
            path = self.ws.write_uploads(self.tab)
            try:
                check = await parse_apart(check_data, path, limits=DATA_LIMITS, file=path.name)
            except PlacementError:
                self.ws.remove_folder(path if path.is_dir() else path.parent)
                raise
            self.show(self.ws.adopt(check))
        except PlacementError as exc:
            self.refused(exc)
        finally:
            note.dismiss()
            self.pending.set_text("")
            self.uploader.reset()

    async def uploaded(self, e: events.UploadEventArguments) -> None:
        content = await e.file.read()
        try:
            self.ws.add_upload(e.file.name, content, self.tab)
        except PlacementError as exc:
            ui.notify(
                t("data.rejected", reason=exc.issues[0].message(i18n.lang())),
                type="negative",
                multi_line=True,
            )
            return
        self.pending.set_text(
            t("data.uploaded", names=", ".join(sorted(self.ws.pending[self.tab])))
        )


def _rejected() -> None:
    reason = tr(
        f"hanya .xlsx atau .csv, paling besar {MAX_UPLOAD_BYTES // 2**20} MB",
        f"only .xlsx or .csv, at most {MAX_UPLOAD_BYTES // 2**20} MB",
    )
    ui.notify(t("data.rejected", reason=reason), type="negative")


def _preset_card(synthetic: Callable[[str], Awaitable[None]]) -> None:
    """Synthetic data to try the workspace: a preset and "use it"."""
    with ui.card().classes("w-full"), ui.row().classes("items-center"):
        ui.label(t("data.preset"))
        preset = ui.toggle(
            {
                "tiny": tr("kecil (30 pegawai)", "tiny (30 employees)"),
                "kabupaten": tr("kabupaten (±3.000 pegawai)", "regency (±3,000 employees)"),
            },
            value="tiny",
        ).props("no-caps data-testid=preset")
        ui.button(t("data.synthetic"), on_click=lambda: synthetic(str(preset.value))).props(
            "data-testid=pakai-sintetis"
        )
