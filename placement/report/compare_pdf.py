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
from placement.domain.messages import text
from placement.io.writers import atomic_path
from placement.report.usulan import Group, Row, letterhead


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

    head = letterhead(sc, text("PERBANDINGAN_PDF_TITLE", lang))
    head.footer = text("PERBANDINGAN_PDF_FOOTER", lang, inst=head.instansi, date=head.plan_date)
    names = [str(c) for c in table.columns[1:]]
    pdf = _Doc(head)
    pdf.add_page(orientation="L" if len(names) > 2 else "P")
    pdf.section(text("PERBANDINGAN_PDF_TITLE", lang).upper(), new_page=False)
    pdf.para(text("PERBANDINGAN_PDF_INTRO", lang, names=", ".join(names)), 9, gap=3)
    pdf.heading(text("PERBANDINGAN_PDF_SUMMARY", lang))
    full = pdf.w - pdf.l_margin - pdf.r_margin
    first = 62.0
    widths = (first, *([(full - first) / len(names)] * len(names)))
    rows = [
        Row(i, [str(v) for v in r], "", "") for i, r in enumerate(table.itertuples(index=False))
    ]
    pdf.grid((str(table.columns[0]).capitalize(), *names), widths, [Group("", rows)], size=8)
    pdf.set_y(pdf.get_y() + 4)
    pdf.heading(text("PERBANDINGAN_PDF_OPD", lang))
    widths = (first, *([(full - first) / len(names)] * len(names)))
    rows = [Row(i, [str(v) for v in r], "", "") for i, r in enumerate(opd.itertuples(index=False))]
    pdf.grid((text("PERBANDINGAN_PDF_OPD_HEAD", lang), *names), widths, [Group("", rows)], size=8)
    pdf.set_y(pdf.get_y() + 4)
    for heading, lines in differences:
        pdf.heading(heading)
        for line in lines or [text("PERBANDINGAN_PDF_NONE", lang)]:
            pdf.hanging("•", line, 8.5, indent=4)
    pdf.number_pages()
    with atomic_path(path) as tmp:
        pdf.output(str(tmp))
    return path


def difference_heading(a: str, b: str, n: int, lang: str = "id") -> str:
    """``B dibandingkan dengan A: N jabatan``, under the section title."""
    return f"{text('PERBANDINGAN_DIFFER', lang)} — {text('PERBANDINGAN_PDF_AGAINST', lang, a=a, b=b, n=n)}"


__all__ = ["difference_heading", "render_comparison_pdf"]
