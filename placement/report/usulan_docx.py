"""The usulan package as Word (docxtpl): ``templates/usulan.docx`` holds the layout, the kop and
the styles, so a region replaces it with its own letterhead and wording without touching code.

The template is plain Word with Jinja tags (docxtpl): ``{{ kop }}`` in the page header,
``{%p for t in summary %}`` paragraph loops, ``{%tr for r in g.rows %}`` table-row loops and the
variables listed in :func:`context`. ``python -m placement.report.usulan_docx`` rebuilds the
shipped template with python-docx (kept in the repository as a .docx file; the layout is built
in :mod:`placement.report.usulan_template`).
"""

from __future__ import annotations

import io
import re
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from placement.io.writers import atomic_path
from placement.report.usulan import DAFTAR_HEAD, SECTIONS, Usulan
from placement.report.usulan_template import build_template

TEMPLATE = "usulan.docx"


def template_path() -> Path:
    """The shipped Word template (package data ``placement/report/templates/usulan.docx``)."""
    return Path(str(files("placement.report").joinpath("templates", TEMPLATE)))


def context(u: Usulan, tpl: Any) -> dict[str, Any]:
    """The template's variables: everything of ``u`` as plain values, charts as images."""
    from docx.shared import Mm
    from docxtpl import InlineImage, Listing  # type: ignore[import-untyped]

    def block(b: Any) -> dict[str, Any]:
        return {
            "title": b.title,
            "subtitle": b.subtitle,
            "sections": [{"title": t, "lines": lines} for t, lines in b.sections],
        }

    charts = [
        {"title": t, "image": InlineImage(tpl, io.BytesIO(png), width=Mm(78))}
        for t, png in u.charts
    ]
    logo = (
        InlineImage(tpl, str(u.logo), height=Mm(18))
        if u.logo is not None and u.logo.is_file()
        else ""
    )
    return {
        "kop": Listing("\n".join(u.kop)),
        "logo": logo,
        "title": u.title,
        "instansi": u.instansi,
        "ppk": u.ppk,
        "ppk_upper": u.ppk.upper(),
        "tempat": u.tempat,
        "plan_date": u.plan_date,
        "scenario": u.scenario,
        "sections": SECTIONS,
        "head": DAFTAR_HEAD,
        "summary": u.summary,
        "approvals": u.approvals,
        "unfilled": u.unfilled,
        "charts": charts,
        "n_rows": len(u.rows),
        "groups": [{"title": g.title, "rows": [r.cells for r in g.rows]} for g in u.groups],
        "nota": u.nota,
        "team": [vars(s) for s in u.team],
        "menimbang": [f"{'abcdefghij'[i]}. {t}" for i, t in enumerate(u.menimbang)],
        "mengingat": [f"{i}. {t}" for i, t in enumerate(u.mengingat, start=1)],
        "diktum": [{"label": k, "text": t} for k, t in u.diktum],
        "letters": [vars(x) for x in u.letters],
        "justifications": [block(b) for b in u.justifications],
        "chains": [block(b) for b in u.chains],
        "shortlists": [block(b) for b in u.shortlists],
        "provenance": [{"label": k, "value": v} for k, v in u.provenance],
    }


_SPECIAL_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
"""A ``<w:t>`` whose text holds one of the characters docxtpl's ``resolve_listing`` rewrites
(tab, bell, newline, form feed: tabs, paragraph, line and page breaks)."""


def _template(path: Path) -> Any:
    """A DocxTemplate whose ``resolve_listing`` skips parts without those characters: it runs
    three nested regular expressions over every paragraph of the rendered part (a third of the
    time of a kabupaten package's Word file) and gives the part back unchanged when no text
    has them, so the document is the same."""
    from docxtpl import DocxTemplate

    class _Template(DocxTemplate):  # type: ignore[misc]
        def resolve_listing(self, xml: str) -> str:
            if _SPECIAL_TEXT.search(xml) is None:
                return xml
            return str(super().resolve_listing(xml))

    return _Template(str(path))


def render_usulan_docx(u: Usulan, path: Path, template: Path | None = None) -> Path:
    """Write the package ``u`` as .docx to ``path`` (atomic) from ``template`` (default: the
    shipped one)."""
    tpl = _template(template or template_path())
    tpl.render(context(u, tpl), autoescape=True)
    with atomic_path(path) as tmp:
        tpl.save(str(tmp))
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else template_path()
    print(f"ditulis / written: {build_template(target)}")


__all__ = ["TEMPLATE", "build_template", "context", "render_usulan_docx", "template_path"]
