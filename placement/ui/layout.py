"""The frame every page shares: header with navigation and language switch, local-only footer,
and small helpers for tables of records and issue lists."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd
from nicegui import ui

from placement.ui import i18n
from placement.ui.format import format_number
from placement.ui.i18n import t, tr
from placement.ui.state import workspace

PAGES: tuple[tuple[str, str], ...] = (
    ("/data", "nav.data"),
    ("/aturan", "nav.rules"),
    ("/jalankan", "nav.run"),
    ("/rencana", "nav.plan"),
    ("/bandingkan", "nav.compare"),
    ("/suksesi", "nav.succession"),
    ("/riwayat", "nav.history"),
)


def _switch_language() -> None:
    i18n.set_lang("en" if i18n.lang() == "id" else "id")
    ui.navigate.reload()


def action_failed(exc: Exception) -> None:
    """An action on the page failed unexpectedly: say so; the workspace keeps its data."""
    ui.notify(
        t("unexpected", error=type(exc).__name__),
        type="negative",
        multi_line=True,
        timeout=0,
        close_button="OK",
    )


def page_failed(exc: Exception) -> None:
    """Shown instead of "500 Server error" when a page cannot be built: what happened, and the
    way to every page (the workspace, held by the server process, is unchanged)."""
    ui.page_title("placement")
    with ui.column().classes("w-full max-w-screen-md mx-auto p-4 gap-4"):
        ui.label(t("unexpected", error=type(exc).__name__)).classes("text-negative").props(
            "data-testid=galat-halaman"
        )
        with ui.row().classes("gap-2"):
            for target, key in PAGES:
                ui.button(t(key), on_click=lambda p=target: ui.navigate.to(p)).props("outline")


@contextmanager
def page_frame(path: str) -> Iterator[None]:
    """Header (navigation, active page marked), the page body, footer. An action of the page
    that fails unexpectedly shows :func:`action_failed`."""
    title = t(next(key for p, key in PAGES if p == path))
    ui.page_title(f"{title} · placement")
    ui.on_exception(action_failed)
    ui.add_css(".q-uploader__subtitle { display: none; }")  # "0.0B / 0.00%": bytes, not words
    with ui.header().classes("items-center bg-teal-800 gap-1 py-2"):
        ui.label("placement").classes("text-lg font-bold mr-4")
        for target, key in PAGES:
            button = ui.button(t(key), on_click=lambda p=target: ui.navigate.to(p)).props(
                f"flat no-caps color=white data-testid=nav-{target.strip('/')}"
            )
            if target == path:
                button.classes("bg-teal-600")
        ui.space()
        ui.button(t("lang.switch"), on_click=_switch_language).props(
            "flat no-caps color=white data-testid=lang"
        )
    with ui.column().classes("w-full max-w-screen-xl mx-auto p-4 gap-4"):
        ui.label(title).classes("text-2xl font-semibold")
        yield
    with ui.footer().classes("bg-grey-2 text-grey-8 text-xs py-1 px-4"):
        ui.label(t("footer.local", host=workspace().host))


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-safe dicts (NaN → empty, numbers kept)."""
    clean = frame.astype(object).where(frame.notna(), "")
    return [{str(k): _plain(v) for k, v in row.items()} for row in clean.to_dict("records")]


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


def frame_table(
    frame: pd.DataFrame,
    *,
    row_key: str | None = None,
    rows_per_page: int = 15,
    testid: str = "",
    search: bool = True,
    hidden: Sequence[str] = (),
    quoted: Sequence[str] = (),
) -> ui.table:
    """A sortable table of ``frame`` (every column sortable); a search box above unless
    ``search`` is False (e.g. the tables of a dialog share one box). Columns in ``hidden`` are
    kept in the rows (for keys and test ids) but not shown; cells of columns in ``quoted`` are
    quoted source text (legal citations, rule parameters as the YAML names them), marked with
    the class ``kutipan``."""
    locale = "en-US" if i18n.lang() == "en" else "id-ID"
    numbers = f"v => (v === '' || v === null) ? '' : Number(v).toLocaleString('{locale}')"
    columns = [
        {
            "name": str(c),
            "label": header(str(c)),
            "field": str(c),
            "sortable": True,
            "align": "left",
            **(
                {":format": numbers}
                if pd.api.types.is_numeric_dtype(frame[c])
                and not pd.api.types.is_bool_dtype(frame[c])
                else {}
            ),
            **({"classes": "kutipan"} if c in quoted else {}),
        }
        for c in frame.columns
        if c not in hidden
    ]
    data = records(frame)
    key = row_key or "_baris"
    if row_key is None:
        for i, row in enumerate(data):
            row["_baris"] = i
    table = ui.table(
        columns=columns, rows=data, row_key=key, pagination={"rowsPerPage": rows_per_page}
    ).classes("w-full")
    table.props(f"dense flat bordered wrap-cells data-testid={testid or 'tabel'}")
    rows_label, none_label = (
        tr("Baris per halaman:", "Rows per page:"),
        tr("Tidak ada baris", "No rows"),
    )
    of = tr("dari", "of")
    table.props(f'rows-per-page-label="{rows_label}" no-data-label="{none_label}"')
    table.props(f":pagination-label=\"(a, b, n) => a + '–' + b + ' {of} ' + n\"")
    if search:
        with table.add_slot("top-right"):
            ui.input(placeholder=tr("Cari", "Search")).bind_value(table, "filter").props(
                f"dense clearable data-testid={testid or 'tabel'}-cari"
            )
    return table


def header(column: str) -> str:
    """A column name as a header in words: "kelompok_suksesi" → "Kelompok suksesi" (the pages
    name their columns in words; this catches a library frame shown as it comes)."""
    if "_" not in column:
        return column
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


SEVERITY = {
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
}


def severity_label(severity: object) -> str:
    """ "galat" / "peringatan" (en "error" / "warning")."""
    pair = SEVERITY.get(str(severity).lower())
    return tr(*pair) if pair else str(severity)


def _no_work_paths(message: str) -> str:
    """``message`` with the work folder's paths (internal, e.g. an upload's folder) as words."""
    root = workspace().root
    roots = sorted({str(root), str(root.resolve())}, key=len, reverse=True)
    pattern = "|".join(re.escape(r) + r"[^\s;,)]*" for r in roots)
    return re.sub(pattern, tr("folder kerja", "the work folder"), message)


GROUPED_FROM = 4  # a problem code seen this often is one row with its count
PLACES = 5  # places named in a grouped row


def _issue_row(d: dict[str, Any], count: int = 1) -> dict[str, Any]:
    return {
        t("severity"): severity_label(d.get("severity", "")),
        tr("Jumlah", "Count"): count,
        t("file"): d.get("file", ""),
        t("row"): d.get("row") if d.get("row") is not None else "",
        t("column"): d.get("column") or "",
        t("code"): d.get("code", ""),
        t("message"): _no_work_paths(str(d.get("message", ""))),
    }


def _place(d: dict[str, Any]) -> str:
    """Where one problem is: "pegawai.csv baris 12", a column or a file."""
    row, file = d.get("row"), str(d.get("file") or "")
    if row is not None and row != "":
        return f"{file} {tr('baris', 'row')} {row}".strip()
    return str(d.get("column") or file or "-")


def grouped_issues(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The problems' table rows, one row per problem, except that a code (of one severity) seen
    :data:`GROUPED_FROM` times or more is one row: its count, the first message, and the first
    :data:`PLACES` places ("… dan 2.996 lainnya"). A SIASN import warns once per person."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for d in items:
        groups.setdefault((str(d.get("severity", "")), str(d.get("code", ""))), []).append(d)
    rows = []
    for found in groups.values():
        if len(found) < GROUPED_FROM:
            rows += [_issue_row(d) for d in found]
            continue
        first = _issue_row(found[0], len(found))
        places = ", ".join(_place(d) for d in found[:PLACES])
        more, n = format_number(len(found) - PLACES), format_number(len(found))
        first[t("row")] = ""
        example = first[t("message")]
        first[t("message")] = tr(
            f"{n} kali, mis. {places}" + (f" … dan {more} lainnya" if len(found) > PLACES else ""),
            f"{n} times, e.g. {places}" + (f" … and {more} more" if len(found) > PLACES else ""),
        ) + tr(f". Yang pertama: {example}", f". The first: {example}")
        rows.append(first)
    return rows


def issue_table(items: Sequence[dict[str, Any]], testid: str = "masalah") -> ui.table:
    """Problems (``issue_records``): severity, count, file, row, column, code and the message
    with its fix, in the page's language; a code repeated many times is one row
    (:func:`grouped_issues`), every problem one by one under "Semua masalah" below."""
    rows = grouped_issues(items)
    table = frame_table(pd.DataFrame(rows), testid=testid, rows_per_page=20, quoted=[t("column")])
    if len(rows) < len(items):
        with (
            ui.expansion(
                tr(
                    f"Semua {format_number(len(items))} masalah satu per satu",
                    f"All {format_number(len(items))} problems one by one",
                )
            )
            .classes("w-full")
            .props(f"data-testid={testid}-semua")
        ):
            every = pd.DataFrame([_issue_row(d) for d in items]).drop(columns=tr("Jumlah", "Count"))
            frame_table(every, testid=f"{testid}-rinci", rows_per_page=20, quoted=[t("column")])
    return table
