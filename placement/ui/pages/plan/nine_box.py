"""The region's talent map (9-box) on the Rencana page."""

from __future__ import annotations

from typing import Any

import pandas as pd
from nicegui import ui

from placement.ui.i18n import tr


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
