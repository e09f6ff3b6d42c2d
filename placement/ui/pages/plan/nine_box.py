"""The region's talent map (9-box) on the Rencana page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.compare import PlanFiles
from placement.succession.talent_map import talent_grid_moves
from placement.ui import i18n
from placement.ui.i18n import tr
from placement.ui.pages.plan.common import error_text
from placement.ui.plan_cache import solved


def nine_box(grid: pd.DataFrame) -> None:
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


def nine_box_card(folder: Path, files: PlanFiles) -> None:
    """The card with the region's 9-box grid, loaded after the page shows (a spinner first)."""
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
                ui.label(error_text(exc)).classes("text-negative").props("data-testid=kotak9-galat")
            return
        grid = await threads.io_bound(talent_grid_moves, ds, files.plan, i18n.lang())
        assert grid is not None
        box_area.clear()
        with box_area:
            nine_box(grid)

    ui.timer(0.05, load_boxes, once=True)
