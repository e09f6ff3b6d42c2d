"""A move's explanation on one printable page (/rencana/cetak)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.domain.messages import NOWHERE, failure
from placement.store.runs import RunStore
from placement.ui.format import format_datetime
from placement.ui.i18n import tr
from placement.ui.pages.plan.common import error_text
from placement.ui.pages.plan.explanation import explained, explanation
from placement.ui.people import mask_nip
from placement.ui.plan_cache import solved
from placement.ui.runs_view import listed_runs, run_options
from placement.ui.state import workspace

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
            found = await threads.io_bound(explained, ds, result, nip)
            assert found is not None
        except (PlacementError, ValueError) as exc:
            message = (
                error_text(exc)
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
        explanation(ds, result, e, alts, detail, printable=True)
