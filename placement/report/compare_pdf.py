"""The comparison of plans for the Sekda as PDF (``placement compare --format pdf``), in the
usulan package's style: kop on every page, page numbers, the shipped DejaVu font.

Sections: the plain-words table per scenario (:func:`placement.plan.compare_readable.readable_table`),
moves per OPD, and per plan the posts whose holder differs from the first plan. Objective values
appear only when every plan has the same weights (the table says so otherwise).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from placement.config import Skenario
from placement.io.writers import atomic_path
from placement.report.usulan import Group, Row, letterhead

TEXTS: dict[str, tuple[str, str]] = {
    "title": (
        "Perbandingan Skenario Rencana Penempatan untuk Pimpinan",
        "Comparison of Placement Plan Scenarios for the Leadership",
    ),
    "summary": ("Ringkasan per skenario", "Summary per scenario"),
    "intro": (
        "Skenario yang dibandingkan: {names}. Setiap kolom satu skenario; data yang tidak "
        "tercatat ditulis 'tidak tersedia'. Nilai objektif hanya dibandingkan bila bobot "
        "semua skenario sama.",
        "Scenarios compared: {names}. One column per scenario; data not recorded is marked "
        "'not available'. Objective values are compared only when every scenario has the "
        "same weights.",
    ),
    "opd": ("Perpindahan per OPD", "Moves per OPD"),
    "opd_head": ("OPD", "OPD"),
    "differ": ("Jabatan dengan pemegang berbeda", "Posts with another holder"),
    "against": ("{b} dibandingkan dengan {a}: {n} jabatan", "{b} against {a}: {n} posts"),
    "none": ("Tidak ada.", "None."),
    "footer": (
        "{inst} — perbandingan skenario, tanggal rencana {date}",
        "{inst} — scenario comparison, plan date {date}",
    ),
}
"""The document's own words, Indonesian first."""


def _t(key: str, lang: str, **values: object) -> str:
    return TEXTS[key][1 if lang == "en" else 0].format(**values)


def render_comparison_pdf(
    table: pd.DataFrame,
    opd: pd.DataFrame,
    differences: list[tuple[str, list[str]]],
    sc: Skenario,
    path: Path,
    lang: str = "id",
) -> Path:
    """Write the comparison to ``path`` (atomic): ``table`` from ``readable_table`` (first column
    the item, one column per plan), ``opd`` from ``opd_table``, ``differences`` one (heading,
    lines) per plan after the first; ``sc`` (the first plan's scenario) gives the kop."""
    from placement.report.usulan_pdf import _Doc

    head = letterhead(sc, _t("title", lang))
    head.footer = _t("footer", lang, inst=head.instansi, date=head.plan_date)
    names = [str(c) for c in table.columns[1:]]
    pdf = _Doc(head)
    pdf.add_page(orientation="L" if len(names) > 2 else "P")
    pdf.section(_t("title", lang).upper(), new_page=False)
    pdf.para(_t("intro", lang, names=", ".join(names)), 9, gap=3)
    pdf.heading(_t("summary", lang))
    full = pdf.w - pdf.l_margin - pdf.r_margin
    first = 62.0
    widths = (first, *([(full - first) / len(names)] * len(names)))
    rows = [
        Row(i, [str(v) for v in r], "", "") for i, r in enumerate(table.itertuples(index=False))
    ]
    pdf.grid((str(table.columns[0]).capitalize(), *names), widths, [Group("", rows)], size=8)
    pdf.set_y(pdf.get_y() + 4)
    pdf.heading(_t("opd", lang))
    widths = (first, *([(full - first) / len(names)] * len(names)))
    rows = [Row(i, [str(v) for v in r], "", "") for i, r in enumerate(opd.itertuples(index=False))]
    pdf.grid((_t("opd_head", lang), *names), widths, [Group("", rows)], size=8)
    pdf.set_y(pdf.get_y() + 4)
    for heading, lines in differences:
        pdf.heading(heading)
        for line in lines or [_t("none", lang)]:
            pdf.hanging("•", line, 8.5, indent=4)
    pdf.number_pages()
    with atomic_path(path) as tmp:
        pdf.output(str(tmp))
    return path


def difference_heading(a: str, b: str, n: int, lang: str = "id") -> str:
    """``B dibandingkan dengan A: N jabatan``, under the section title."""
    return f"{_t('differ', lang)} — {_t('against', lang, a=a, b=b, n=n)}"


__all__ = ["TEXTS", "difference_heading", "render_comparison_pdf"]
