"""Suksesi: the talent map (9-box) of the region or one OPD, bench strength per structural post
(critical posts first) and the successors of a chosen post by readiness, for a horizon of 1–5
years. Computed by placement.succession in a thread (a few seconds on a kabupaten)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from nicegui import run, ui

from placement.config import Skenario
from placement.domain.errors import PlacementError, issue_records
from placement.succession.sheets import bench_frame, succession_report, successor_frame
from placement.succession.talent_map import (
    GRID,
    KINERJA,
    POTENSI,
    TALENT_POOL,
    person_opd,
    talent_counts,
)
from placement.ui import i18n
from placement.ui.format import format_date
from placement.ui.i18n import t, tr
from placement.ui.layout import frame_table, issue_table, page_frame
from placement.ui.state import workspace

HORIZONS = (1, 2, 3, 4, 5)
BENCH_COLUMNS = [
    "urutan",
    "jabatan_id",
    "nama_jabatan",
    "opd",
    "eselon",
    "kritis",
    "pemegang_nama",
    "lowong_mulai",
    "alasan_lowong",
    "siap_sekarang",
    "siap_horizon",
    "perlu_pengembangan",
    "status",
]
SUCCESSOR_COLUMNS = [
    "kesiapan",
    "peringkat",
    "nip",
    "nama",
    "jabatan_sekarang",
    "kotak_talenta",
    "jpm_persen",
    "tanggal_siap",
    "aturan_penghalang",
    "pengembangan",
]


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def headers(horizon: int) -> dict[str, tuple[str, str]]:
    """Column → header words (Indonesian, English) for the bench and successor tables."""
    years = tr(f"{horizon} tahun", f"{horizon} year" + ("s" if horizon > 1 else ""))
    return {
        "urutan": ("Urutan", "Order"),
        "jabatan_id": ("Kode jabatan", "Post code"),
        "nama_jabatan": ("Jabatan", "Post"),
        "opd": ("OPD", "OPD"),
        "eselon": ("Eselon", "Echelon"),
        "kritis": ("Kritis", "Critical"),
        "pemegang_nama": ("Pemegang sekarang", "Current holder"),
        "lowong_mulai": ("Lowong mulai", "Vacant from"),
        "alasan_lowong": ("Mengapa lowong", "Why vacant"),
        "siap_sekarang": ("Siap sekarang", "Ready now"),
        "siap_horizon": (f"Siap dalam {years}", f"Ready within {years}"),
        "perlu_pengembangan": ("Perlu pengembangan", "Needs development"),
        "status": ("Keadaan", "State"),
        "kesiapan": ("Kesiapan", "Readiness"),
        "peringkat": ("Peringkat", "Rank"),
        "nip": ("NIP", "NIP"),
        "nama": ("Nama", "Name"),
        "jabatan_sekarang": ("Jabatan sekarang", "Current post"),
        "kotak_talenta": ("Kotak talenta", "Talent box"),
        "jpm_persen": ("JPM (%)", "JPM (%)"),
        "tanggal_siap": ("Siap pada", "Ready on"),
        "aturan_penghalang": ("Aturan yang menghalangi", "Rules in the way"),
        "pengembangan": ("Pengembangan yang perlu", "Development needed"),
    }


def readable(frame: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """The frame with words as headers, dates as "1 Juli 2026" and yes/no in words."""
    out = frame.copy()
    for column in ("lowong_mulai", "tanggal_siap"):
        if column in out:
            out[column] = [
                format_date(v) if isinstance(v, (str, date)) and v else "" for v in out[column]
            ]
    for column in ("aturan_penghalang", "pengembangan", "alasan_lowong"):
        if column in out:
            out[column] = out[column].map(
                lambda v: ISO_DATE.sub(lambda m: format_date(m[0]), v) if isinstance(v, str) else v
            )
    if "kritis" in out:
        out["kritis"] = [tr("ya", "yes") if v is True else "" for v in out["kritis"]]
    words = headers(horizon)
    return out.rename(columns={c: tr(*words[c]) for c in out.columns if c in words})


@dataclass
class SuccessionView:
    """What the page shows for one (horizon, OPD) choice."""

    opds: list[str]
    counts: pd.DataFrame  # talent_counts of the scope: box → count
    bench: pd.DataFrame
    successors: pd.DataFrame
    posts: dict[str, str]  # jabatan_id → label, report order (critical first)


def compute(data: Path, sc: Skenario, horizon: int, opd: str | None, lang: str) -> SuccessionView:
    """Everything the page shows (library calls only; run in a thread)."""
    from placement.io.readers import load_dataset

    ds, _ = load_dataset(data)
    report = succession_report(ds, sc, horizon, opd=opd, lang=lang)
    counts = talent_counts(ds, opd, lang)
    scope = counts.columns[0]
    counts = counts[counts[scope] == counts[scope].iloc[-1 if opd else 0]]
    bench = bench_frame(report)
    opds = sorted(set(person_opd(ds)))
    return SuccessionView(opds, counts, bench, successor_frame(report), post_labels(bench))


def post_labels(bench: pd.DataFrame) -> dict[str, str]:
    """jabatan_id → "name (OPD)" in the bench's order; the code is added only where two posts
    would read the same (a planner picks posts by name, not by J-id)."""
    labels = [f"{n} ({o})" for n, o in zip(bench["nama_jabatan"], bench["opd"], strict=True)]
    repeated = Counter(labels)
    return {
        str(j): label if repeated[label] == 1 else f"{label} · {j}"
        for j, label in zip(bench["jabatan_id"], labels, strict=True)
    }


def _grid(counts: pd.DataFrame, lang: str) -> None:
    """The 9-box grid: potensi rows (high → low) × kinerja columns (below → above)."""
    en = lang == "en"
    box_col, count_col = counts.columns[1], counts.columns[4]
    per_box = {
        int(b): int(n)
        for b, n in zip(counts[box_col], counts[count_col], strict=True)
        if not pd.isna(b)
    }
    with ui.grid(columns="auto repeat(3, 9rem)").classes("gap-1 items-stretch"):
        for r, row in enumerate(GRID):
            ui.label(tr("Potensi {p}", "Potential {p}", p=POTENSI[2 - r][1 if en else 0])).classes(
                "self-center text-sm text-right pr-2"
            )
            for box in row:
                pool = box in TALENT_POOL
                with (
                    ui.column()
                    .classes(
                        "items-center justify-center gap-0 p-2 rounded "
                        + ("bg-teal-2" if pool else "bg-grey-3")
                    )
                    .props(f"data-testid=kotak-{box}")
                ):
                    ui.label(tr("Kotak {b}", "Box {b}", b=box)).classes("text-xs text-grey-8")
                    ui.label(str(per_box.get(box, 0))).classes("text-2xl font-semibold").props(
                        f"data-testid=kotak-{box}-jumlah"
                    )
        ui.label("")
        for k in range(3):
            ui.label(tr("Kinerja {k}", "Performance {k}", k=KINERJA[k][1 if en else 0])).classes(
                "text-xs text-center"
            )


@ui.page("/suksesi")
def succession_page() -> None:
    ws = workspace()
    with page_frame("/suksesi"):
        ui.label(
            tr(
                "Peta talenta (kotak 9) dan calon pengganti tiap jabatan struktural. Jabatan kritis "
                "(JPT dan wajib isi) tampil lebih dahulu.",
                "Talent map (9-box) and candidate successors for every structural post. Critical "
                "posts (JPT and must-fill) come first.",
            )
        ).classes("text-grey-8")
        if ws.data is None or ws.check is None or not ws.check.ok:
            ui.label(t("no_data")).classes("text-negative").props("data-testid=suksesi-kosong")
            return
        sc = ws.scenario
        ui.label(
            tr(
                "Tanggal rencana {d} (ubah di halaman Aturan & Skenario)",
                "Plan date {d} (change it on the Rules & scenario page)",
                d=format_date(sc.tanggal_rencana),
            )
        ).classes("text-sm").props("data-testid=suksesi-tanggal")
        horizon, opd, region = _choices()
        body = ui.column().classes("w-full gap-4")
        data = ws.data

        async def refresh(_: object = None) -> None:
            view = await _computed(body, data, ws.scenario, int(horizon.value), opd.value or None)
            if view is None:
                return
            options = {"": region, **{o: o for o in view.opds}}
            if opd.options != options:
                opd.set_options(options, value=opd.value if opd.value in options else "")
            years = int(horizon.value)
            body.clear()
            with body:
                _talent_card(view, opd.value or region)
                if _bench_card(view, years):
                    _successors_card(view, years)

        horizon.on_value_change(refresh)
        opd.on_value_change(refresh)
        ui.timer(0.1, refresh, once=True)


def _choices() -> tuple[ui.select, ui.select, str]:
    """The horizon and OPD choices, and the label of "the whole region"."""
    with ui.row().classes("items-end gap-4"):
        horizon = (
            ui.select(
                {h: tr(f"{h} tahun", f"{h} year" + ("s" if h > 1 else "")) for h in HORIZONS},
                value=2,
                label=tr("Horizon perencanaan", "Planning horizon"),
            )
            .props("dense outlined data-testid=suksesi-horizon")
            .classes("w-48")
        )
        region = tr("Seluruh daerah", "Whole region")
        opd = (
            ui.select({"": region}, value="", label="OPD")
            .props("dense outlined data-testid=suksesi-opd")
            .classes("w-80")
        )
    return horizon, opd, region


async def _computed(
    body: ui.column, data: Path, sc: Skenario, years: int, opd: str | None
) -> SuccessionView | None:
    """The succession view, computed apart from the page (a spinner meanwhile); ``None`` after
    showing the problems that stop it."""
    body.clear()
    with body, ui.row().classes("items-center"):
        ui.spinner(size="lg")
        ui.label(tr("Menghitung suksesi…", "Computing succession…"))
    try:
        view: SuccessionView | None = await run.io_bound(compute, data, sc, years, opd, i18n.lang())
    except PlacementError as exc:
        body.clear()
        with body:
            issue_table(issue_records(exc.issues, i18n.lang()), testid="masalah-suksesi")
        return None
    return view


def _talent_card(view: SuccessionView, scope: str) -> None:
    """The 9-box counts of the chosen scope, with the details per box."""
    lang = i18n.lang()
    with ui.card().classes("w-full"):
        ui.label(tr("Peta talenta: {s}", "Talent map: {s}", s=scope)).classes(
            "text-lg font-medium"
        ).props("data-testid=talenta-judul")
        ui.label(
            tr(
                "Jumlah pegawai per kotak talenta (PermenPAN-RB 3/2020). Kotak 7–9 "
                "(hijau) adalah kelompok rencana suksesi.",
                "Employees per talent box (PermenPAN-RB 3/2020). Boxes 7–9 (green) are "
                "the succession pool.",
            )
        ).classes("text-sm text-grey-7")
        _grid(view.counts, lang)
        with ui.expansion(
            tr(
                "Rincian dan rekomendasi per kotak",
                "Details and recommendation per box",
            )
        ).classes("w-full"):
            frame_table(view.counts, testid="tabel-talenta", rows_per_page=10)


def _bench_card(view: SuccessionView, years: int) -> bool:
    """Bench strength per post; ``False`` when the choice has no structural post."""
    with ui.card().classes("w-full"):
        ui.label(tr("Kekuatan suksesi per jabatan", "Bench strength per post")).classes(
            "text-lg font-medium"
        )
        if view.bench.empty:
            ui.label(
                tr(
                    "Tidak ada jabatan struktural dalam pilihan ini.",
                    "No structural post in this choice.",
                )
            ).props("data-testid=suksesi-tanpa-jabatan")
            return False
        ui.label(
            tr(
                "Jumlah calon pengganti per jabatan menurut kesiapannya: siap sekarang, "
                "siap dalam jangka yang dipilih, atau masih perlu pengembangan.",
                "Candidate successors per post by readiness: ready now, ready within the "
                "chosen period, or still needing development.",
            )
        ).classes("text-sm text-grey-7")
        frame_table(
            readable(view.bench[BENCH_COLUMNS], years),
            rows_per_page=10,
            testid="tabel-kekuatan",
        )
    return True


def _successors_card(view: SuccessionView, years: int) -> None:
    """The candidate successors of one chosen post."""
    with ui.card().classes("w-full"):
        ui.label(tr("Calon pengganti", "Successors")).classes("text-lg font-medium")
        post = (
            ui.select(
                view.posts,
                value=next(iter(view.posts)),
                label=tr("Jabatan", "Post"),
                with_input=True,
            )
            .props("dense outlined data-testid=suksesi-jabatan")
            .classes("w-full max-w-2xl")
        )
        table_box = ui.column().classes("w-full")

        def successors_of(_: object = None) -> None:
            table_box.clear()
            rows = view.successors[view.successors["jabatan_id"] == post.value]
            with table_box:
                if rows.empty:
                    ui.label(
                        tr(
                            "Belum ada calon pengganti untuk jabatan ini.",
                            "No successor for this post yet.",
                        )
                    ).classes("text-negative").props("data-testid=penerus-kosong")
                    return
                frame_table(
                    readable(rows[SUCCESSOR_COLUMNS], years),
                    rows_per_page=15,
                    testid="tabel-penerus",
                )

        post.on_value_change(successors_of)
        successors_of()
