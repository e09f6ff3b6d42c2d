"""A move's explanation (dialog and print view): the move, the next-best candidates and why
they lost, the rules checked with their legal basis and the score parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.explain import (
    TIE_RULES,
    Alternative,
    MoveExplanation,
    alternatives,
    explain_move,
)
from placement.ui import i18n
from placement.ui.format import format_number
from placement.ui.i18n import kind_label, tr
from placement.ui.layout import frame_table
from placement.ui.pages.plan.common import error_text, signed
from placement.ui.pages.plan.why_not import why_not_form
from placement.ui.people import current_post, mask_nip, post_name
from placement.ui.plan_cache import cached, solved


async def open_explanation(
    dialog: ui.dialog, folder: Path, run_id: int, row: Any, detail: bool
) -> None:
    """Open the explanation of the clicked plan row: the move, the next-best candidates and the
    why-not form first, then the rules and score terms; one search box for the whole dialog."""
    nip = str(row.get("_nip", "")) if isinstance(row, dict) else ""
    dialog.clear()
    with dialog, ui.card().classes("w-full max-w-5xl").props("data-testid=penjelasan"):
        title, search = _dialog_header(dialog, run_id, nip, detail)
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
        found = await threads.io_bound(explained, ds, result, nip)
        assert found is not None
        e, alts = found
    except PlacementError as exc:
        body.clear()
        with body:
            ui.label(error_text(exc)).classes("text-negative").props("data-testid=penjelasan-galat")
        return
    title.set_text(f"{e.nama} (NIP {mask_nip(e.nip, detail)})")
    body.clear()
    with body:
        tables = explanation(
            ds,
            result,
            e,
            alts,
            detail,
            then=lambda: why_not_form(ds, result, e.jabatan_tujuan_id or "", detail),
        )
    for table in tables:
        search.bind_value_to(table, "filter")


def _dialog_header(
    dialog: ui.dialog, run_id: int, nip: str, detail: bool
) -> tuple[ui.label, ui.input]:
    """The dialog's title, its search box, "Cetak" (the print view) and close."""
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
    return title, search


def explained(ds: Any, result: Any, nip: str) -> tuple[MoveExplanation, list[Alternative]]:
    """The move's explanation and up to three next-best candidates for its post."""
    e = explain_move(ds, result.scenario, result, nip)
    alts = alternatives(ds, result, e.jabatan_tujuan_id, 3) if e.jabatan_tujuan_id else []
    return e, alts


def explanation(
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
    _move(ds, e, detail)
    tables = [_alternatives(ds, result, alts, detail, printable)]
    if then is not None:
        then()
    tables.append(_rules(e, printable))
    tables.append(_score_parts(e, printable))
    return [table for table in tables if table is not None]


def _move(ds: Any, e: MoveExplanation, detail: bool) -> None:
    """The move (from → to), its facts (JPM, talent box, score) and its vacancy chain."""
    en = i18n.lang() == "en"
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


def _alternatives(
    ds: Any, result: Any, alts: list[Alternative], detail: bool, printable: bool
) -> ui.table | None:
    """The next-best candidates for the post and why each lost."""
    ui.label(
        tr(
            "Kandidat berikutnya untuk jabatan ini (dan mengapa tidak dipilih)",
            "Next-best candidates for this post (and why they were not chosen)",
        )
    ).classes("font-medium mt-2")
    if not alts:
        ui.label(
            tr("Tidak ada kandidat lain yang memenuhi syarat.", "No other eligible candidate.")
        ).props("data-testid=penjelasan-alternatif")
        return None
    frame = pd.DataFrame(
        {
            tr("Peringkat", "Rank"): [a.rank for a in alts],
            tr("Nama", "Name"): [a.nama for a in alts],
            "NIP": [mask_nip(a.nip, detail) for a in alts],
            tr("Sekarang", "Now"): [current_post(ds, a.nip) for a in alts],
            tr("Jenis", "Kind"): [kind_label(a.move_type) for a in alts],
            tr("Skor", "Score"): [format_number(a.total, 3) for a in alts],
            tr("Selisih dari terpilih", "Difference to chosen"): [
                signed(a.difference) for a in alts
            ],
            tr("Mengapa tidak dipilih", "Why not chosen"): [_why_lost(ds, result, a) for a in alts],
        }
    )
    return frame_table(
        frame, testid="penjelasan-alternatif", search=False, rows_per_page=0 if printable else 10
    )


def _rules(e: MoveExplanation, printable: bool) -> ui.table | None:
    """The rules checked for the placement, with their result and legal basis."""
    en = i18n.lang() == "en"
    ui.label(tr("Aturan yang diperiksa", "Rules checked")).classes("font-medium mt-2")
    if not e.checks:
        ui.label(
            tr(
                "Tidak ditempatkan: tidak ada aturan jabatan yang diperiksa.",
                "Not placed: no post rules to check.",
            )
        ).props("data-testid=penjelasan-aturan")
        return None
    rules = pd.DataFrame(
        {
            tr("Aturan", "Rule"): [c.rule_id for c in e.checks],
            tr("Hasil", "Result"): [
                tr("lulus", "pass") if c.passed else tr("GAGAL", "FAIL") for c in e.checks
            ],
            tr("Keterangan", "Detail"): [c.message_en if en else c.message_id for c in e.checks],
            tr("Dasar hukum", "Legal basis"): [c.legal_basis for c in e.checks],
        }
    )
    return frame_table(
        rules, testid="penjelasan-aturan", search=False, rows_per_page=0 if printable else 20
    )


def _score_parts(e: MoveExplanation, printable: bool) -> ui.table | None:
    """The score's parts: value × weight = contribution (costs subtracted); none if no terms."""
    if not e.terms:
        return None
    en = i18n.lang() == "en"
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
            tr("Sumbangan", "Contribution"): [signed(x.contribution) for x in e.terms],
        }
    )
    return frame_table(
        terms, testid="penjelasan-skor", search=False, rows_per_page=0 if printable else 20
    )


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
    return tr("skor lebih rendah ({d})", "lower score ({d})", d=signed(a.difference))
