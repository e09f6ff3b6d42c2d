"""Bandingkan: two or more runs side by side — first in plain words for the Sekda (posts filled,
moves, approvals, risks, posts with another holder by name), then KPIs (the objective only when
the runs share their weights), each run's gates, a frontier plot (objective
against the number of moves) and the per-post (and, with 'rinci', per-person) differences against
the first run chosen. Numbers from placement.plan.compare / placement.plan.review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.compare import KPIS, PlanFiles, kpi_table, plan_kpis, read_plan_dir
from placement.plan.compare_readable import difference_lines, readable_table
from placement.plan.review import differences, gate_results, moves_total
from placement.store.runs import RunStore
from placement.ui import i18n
from placement.ui.format import format_number, format_percent, zone
from placement.ui.i18n import tr
from placement.ui.layout import frame_table, page_frame
from placement.ui.runs_view import listed_runs, run_options, stale_runs, store_options
from placement.ui.state import workspace

PERCENT = {
    "porsi_terisi",
    "jpm_rata",
    "jpm_min",
    "porsi_kotak7",
    "porsi_berubah_opd_maks",
    "porsi_perempuan_promosi",
}


def kpi_text(kpi: str, value: Any) -> str:
    """A KPI for the page: shares and JPM as percentages with one decimal."""
    if value is None or (isinstance(value, float) and value != value):
        return "-"
    if kpi in PERCENT:
        return format_percent(float(value))
    if kpi == "objektif":
        return format_number(float(value), 4)
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2)
    return format_number(value) if isinstance(value, int) else str(value)


def _parse_ids(text: str | None, known: dict[int, str]) -> list[int]:
    ids = [int(x) for x in (text or "").split(",") if x.strip().isdigit()]
    return [i for i in dict.fromkeys(ids) if i in known]


@ui.page("/bandingkan")
def compare_page(runs: str | None = None) -> None:
    ws = workspace()
    with page_frame("/bandingkan"):
        with RunStore(ws.store) as store:
            listed = listed_runs(store)
        options = run_options(listed) if not listed.empty else {}
        if len(options) < 2:
            ui.label(
                tr(
                    "Belum ada dua run untuk dibandingkan. Jalankan paling sedikit dua skenario "
                    "di halaman Jalankan (mis. dengan bobot atau batas yang berbeda).",
                    "There are not two runs to compare yet. Run at least two scenarios on the "
                    "Run page (e.g. with different weights or caps).",
                )
            ).props("data-testid=banding-kosong")
            return
        chosen = _parse_ids(runs, options) or sorted(options)[-2:]
        with ui.row().classes("items-center w-full"):
            select = (
                ui.select(
                    options,
                    value=chosen,
                    multiple=True,
                    label=tr(
                        "Run yang dibandingkan (yang pertama = dasar)",
                        "Runs compared (the first is the base)",
                    ),
                )
                .classes("min-w-[32rem]")
                .props("use-chips data-testid=banding-pilih")
            )
            ui.space()
            detail = ui.switch(
                tr("rinci: tampilkan NIP pegawai", "detail: show employees' NIPs")
            ).props("data-testid=banding-rinci")
        area = ui.column().classes("w-full gap-4")

        def show() -> None:
            ids = [int(v) for v in (select.value or [])]
            area.clear()
            problem = stale_runs(select.options, ws.store, ids)  # type: ignore[arg-type]
            if problem is not None:  # e.g. approved from the CLI meanwhile: refuse, relabel
                fresh = store_options(ws.store)
                refusing[:] = [True]
                select.set_options(fresh, value=[i for i in ids if i in fresh])
                refusing[:] = []
                with area:
                    ui.label(problem).classes("text-negative").props("data-testid=banding-basi")
                return
            with area:
                if len(ids) < 2:
                    ui.label(
                        tr("Pilih paling sedikit dua run.", "Choose at least two runs.")
                    ).props("data-testid=banding-kurang")
                    return
                try:
                    with RunStore(ws.store) as store:
                        plans = [read_plan_dir(Path(str(store.show(i)["folder"]))) for i in ids]
                        names = store.names(zone(), i18n.lang())
                except PlacementError as exc:
                    ui.label(exc.issues[0].message(i18n.lang())).classes("text-negative")
                    return
                labels = [f"#{i} {names.get(i, '-')}" for i in ids]  # run names tell them apart
                _comparison(labels, plans, bool(detail.value))

        refusing: list[bool] = []
        select.on_value_change(lambda _: None if refusing else show())
        detail.on_value_change(lambda _: show())
        show()


def _readable(labels: list[str], plans: list[PlanFiles]) -> None:
    """The comparison in plain words for the Sekda (placement.plan.compare_readable), with the
    posts whose holder differs from the base run, holders by name (the planner's view)."""
    with ui.card().classes("w-full"):
        ui.label(tr("Ringkasan untuk pimpinan", "Summary for the leadership")).classes(
            "text-lg font-medium"
        )
        ui.label(
            tr(
                "Per run dengan kata-kata; data yang tidak tercatat ditulis 'tidak tersedia'. "
                "Nilai objektif hanya ditampilkan bila bobot semua run sama.",
                "Per run in words; data not recorded is marked 'not available'. "
                "Objective values only when every run has the same weights.",
            )
        ).classes("text-sm text-grey-8")
        table = readable_table(plans, lang=i18n.lang())
        table.columns = [tr("Butir", "Item"), *labels]
        # post, OPD and people's names are the data's own words: marked as quoted (class kutipan)
        frame_table(
            table, testid="banding-ringkas", rows_per_page=len(table), quoted=list(table.columns)
        )
        objective_note()
        for label, p in zip(labels[1:], plans[1:], strict=True):
            lines = difference_lines(plans[0], p, detail=True, lang=i18n.lang())
            ui.label(
                tr(
                    f"Jabatan dengan pemegang berbeda, {labels[0]} → {label}: {len(lines)}",
                    f"Posts with another holder, {labels[0]} → {label}: {len(lines)}",
                )
            ).classes("font-medium")
            with ui.column().classes("gap-0").props("data-testid=banding-nama"):
                for line in lines[:50]:
                    ui.label(line).classes("text-sm kutipan")
                if len(lines) > 50:
                    ui.label(
                        tr(
                            f"… dan {len(lines) - 50} lainnya (unduh xlsx: 'placement compare "
                            "--format xlsx')",
                            f"… and {len(lines) - 50} more",
                        )
                    ).classes("text-sm text-grey-7")


def objective_note() -> None:
    """What the objective of a KPI table means, in words (under the table)."""
    ui.label(
        tr(
            "Objektif = skor total rencana: jumlah skor setiap penempatan (kecocokan kompetensi, "
            "kotak talenta, pendidikan; masing-masing 0–1 per pegawai, dikali bobotnya) dikurangi "
            "biaya perpindahan. Makin tinggi makin baik; hanya sebanding antar run dengan bobot "
            "yang sama ('-' bila bobotnya berbeda).",
            "Objective = the plan's total score: the sum of every placement's score (competency "
            "fit, talent box, education; each 0–1 per person, times its weight) less the move "
            "costs. Higher is better; only comparable between runs with the same weights ('-' "
            "when the weights differ).",
        )
    ).classes("text-sm text-grey-8").props("data-testid=arti-objektif")


def _comparison(labels: list[str], plans: list[PlanFiles], detail: bool) -> None:
    """The cards comparing the runs: KPIs side by side, acceptance gates, the frontier, the posts
    with another holder and the people placed differently."""
    kpis = [plan_kpis(p) for p in plans]
    comparable = len({str(p.record.get("konfigurasi", {}).get("bobot")) for p in plans}) == 1
    if not comparable:  # objective values of different weights are not comparable numbers
        kpis = [{**k, "objektif": None} for k in kpis]
    _readable(labels, plans)
    _kpi_card(labels, plans, kpis)
    _gates_card(labels, plans)
    _frontier_card(labels, kpis, comparable)
    posts, people = differences(plans, labels)
    _posts_card(labels, posts, _post_names(plans), detail)
    _people_card(people, detail)


def _kpi_card(labels: list[str], plans: list[PlanFiles], kpis: list[dict[str, Any]]) -> None:
    """One column of KPIs per run, the first run the base."""
    with ui.card().classes("w-full"):
        ui.label(tr("Indikator (KPI) berdampingan", "Indicators (KPIs) side by side")).classes(
            "text-lg font-medium"
        )
        ui.label(
            tr(
                f"Satu kolom per run; {labels[0]} adalah dasar perbandingan. Porsi dan JPM "
                "dalam persen.",
                f"One column per run; {labels[0]} is the base. Shares and JPM in percent.",
            )
        ).classes("text-sm text-grey-8")
        table = kpi_table(plans[:1], i18n.lang())  # the KPI names; two runs may share a folder
        shown = pd.DataFrame(
            {
                "KPI": table.iloc[:, 1],
                **{
                    label: [kpi_text(k, values[k]) for k in table["kpi"]]
                    for label, values in zip(labels, kpis, strict=True)
                },
            }
        )
        frame_table(shown, testid="banding-kpi", rows_per_page=len(KPIS))


def _gates_card(labels: list[str], plans: list[PlanFiles]) -> None:
    """Each run's acceptance gates (KPI bounds of its scenario): value, bound, pass or fail."""
    with ui.card().classes("w-full"):
        ui.label(tr("Gerbang penerimaan", "Acceptance gates")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Batas KPI yang ditetapkan di skenario tiap run ('gerbang'); run yang gagal "
                "sebaiknya tidak disetujui.",
                "KPI bounds set in each run's scenario "
                "('gerbang'); a run that fails should not be approved.",
            )
        ).classes("text-sm text-grey-8")
        rows = [
            {
                "Run": label,
                "KPI": tr(*KPIS.get(g.kpi, (g.kpi, g.kpi))),
                tr("Nilai", "Value"): kpi_text(g.kpi, g.value),
                tr("Batas", "Bound"): " ".join(
                    ([f"≥ {kpi_text(g.kpi, g.min)}"] if g.min is not None else [])
                    + ([f"≤ {kpi_text(g.kpi, g.maks)}"] if g.maks is not None else [])
                ),
                tr("Hasil", "Result"): tr("lulus", "pass") if g.ok else tr("GAGAL", "FAIL"),
            }
            for label, p in zip(labels, plans, strict=True)
            for g in gate_results(p)
        ]
        if rows:
            frame_table(pd.DataFrame(rows), testid="banding-gerbang")
        else:
            ui.label(
                tr(
                    "Skenario run yang dipilih tidak menetapkan gerbang.",
                    "The chosen runs' scenarios set no gates.",
                )
            ).props("data-testid=banding-gerbang")


def _frontier_card(labels: list[str], kpis: list[dict[str, Any]], comparable: bool) -> None:
    """Objective against moves, one point per run (only when the weights are the same)."""
    with ui.card().classes("w-full"):
        ui.label(
            tr(
                "Frontier: objektif terhadap jumlah perpindahan",
                "Frontier: objective against the number of moves",
            )
        ).classes("text-lg font-medium")
        ui.label(
            tr(
                "Satu titik per run. Ke kanan = lebih banyak pegawai pindah (lebih banyak SK, "
                "lebih banyak gangguan); ke atas = skor rencana lebih tinggi.",
                "One point per run. Right = more people move (more decrees, more disruption); "
                "up = higher plan score.",
            )
        ).classes("text-sm text-grey-8")
        if not comparable:
            ui.label(
                tr(
                    "Bobot run berbeda: nilai objektifnya tidak sebanding dan tidak digambar.",
                    "The runs' weights differ: their objectives are not comparable and are "
                    "not plotted.",
                )
            ).props("data-testid=banding-frontier")
        else:
            _frontier(labels, kpis)


def _post_names(plans: list[PlanFiles]) -> dict[str, str]:
    """Post id → post name, from every plan's target posts."""
    post_names: dict[str, str] = {}
    for p in plans:
        post_names.update(
            {
                str(i): str(n)
                for i, n in zip(p.plan["jabatan_tujuan_id"], p.plan["jabatan_tujuan"], strict=True)
                if isinstance(i, str)
            }
        )
    return post_names


def _posts_card(
    labels: list[str], posts: pd.DataFrame, post_names: dict[str, str], detail: bool
) -> None:
    """The posts with another holder than in the base run (holders' names only with ``detail``)."""
    with ui.card().classes("w-full"):
        ui.label(
            tr(
                f"Jabatan dengan pemegang berbeda dari {labels[0]}: {len(posts)}",
                f"Posts with a different holder than in {labels[0]}: {len(posts)}",
            )
        ).classes("text-lg font-medium").props("data-testid=banding-jabatan-jumlah")
        ui.label(
            tr(
                "Skor = kecocokan pemegang dengan jabatan; selisih = run lain dikurangi dasar.",
                "Score = how well the holder fits the post; difference = other run minus the base.",
            )
        ).classes("text-sm text-grey-8")
        if len(posts):
            frame = pd.DataFrame(
                {
                    tr("Jabatan", "Post"): [
                        f"{j} {post_names.get(str(j), '')}".strip() for j in posts["jabatan_id"]
                    ],
                    tr("Dibanding", "Compared with"): posts["rencana_b"],
                    **(
                        {
                            tr(f"Pemegang {labels[0]}", f"Holder {labels[0]}"): posts["pemegang_a"],
                            tr("Pemegang run lain", "Holder other run"): posts["pemegang_b"],
                        }
                        if detail
                        else {}
                    ),
                    tr(f"Skor {labels[0]}", f"Score {labels[0]}"): posts["skor_a"].round(4),
                    tr("Skor run lain", "Score other run"): posts["skor_b"].round(4),
                    tr("Selisih", "Difference"): posts["selisih_skor"].round(4),
                }
            )
            frame_table(frame, testid="banding-jabatan")
        else:
            ui.label(
                tr("Semua jabatan punya pemegang yang sama.", "Every post has the same holder.")
            ).props("data-testid=banding-jabatan")


def _people_card(people: pd.DataFrame, detail: bool) -> None:
    """How many people are placed differently; the list with NIPs only with ``detail``."""
    with ui.card().classes("w-full"):
        ui.label(
            tr(
                f"Pegawai dengan penempatan berbeda: {len(people)}",
                f"People placed differently: {len(people)}",
            )
        ).classes("text-lg font-medium").props("data-testid=banding-pegawai-jumlah")
        if len(people) and detail:
            frame = people.rename(columns={"rencana_b": tr("dibanding", "compared_with")})
            frame_table(frame, testid="banding-pegawai")
        elif len(people):
            ui.label(
                tr(
                    "Daftar per pegawai dengan NIP: nyalakan 'rinci' (data pribadi, UU PDP).",
                    "Per-person list with NIPs: turn on 'detail' (personal data).",
                )
            ).classes("text-sm text-grey-8")


def _frontier(labels: list[str], kpis: list[dict[str, Any]]) -> None:
    """Objective against the number of moves, one point per run (runs with equal weights)."""
    locale = "en-US" if i18n.lang() == "en" else "id-ID"  # axis numbers as the page writes them
    points = [
        {"value": [moves_total(k), k["objektif"]], "name": label}
        for label, k in zip(labels, kpis, strict=True)
    ]
    ui.echart(
        {
            "tooltip": {
                ":formatter": f"p => p.name + ': ' + p.value[0] + ' {tr('perpindahan', 'moves')}"
                f", ' + p.value[1].toLocaleString('{locale}', {{maximumFractionDigits: 4}})"
            },
            "xAxis": {
                "type": "value",
                "name": tr("perpindahan", "moves"),
                "minInterval": 1,
                "nameLocation": "middle",
                "nameGap": 28,
            },
            "yAxis": {
                "type": "value",
                "name": tr("objektif", "objective"),
                "scale": True,
                "axisLabel": {
                    ":formatter": f"v => v.toLocaleString('{locale}', {{maximumFractionDigits: 4}})"
                },
            },
            "series": [
                {
                    "type": "scatter",
                    "symbolSize": 16,
                    "data": points,
                    "label": {"show": True, "formatter": "{b}", "position": "right"},
                }
            ],
        }
    ).classes("w-full h-72").props("data-testid=banding-frontier")
    ui.label(
        "; ".join(
            f"{p['name']}: {p['value'][0]} {tr('perpindahan', 'moves')}, "
            f"{tr('objektif', 'objective')} {kpi_text('objektif', p['value'][1])}"
            for p in points
        )
    ).classes("text-xs text-grey-7").props("data-testid=banding-frontier-titik")
