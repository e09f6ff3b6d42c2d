"""A small, fast xlsx writer for plain tables (what :func:`placement.io.writers.write_xlsx` needs).

openpyxl builds an object per cell and costs about 25 µs a cell; writing the sheet XML directly
costs about 1 µs, which is most of the time ``placement solve`` spends on rencana.xlsx
(issue 22). The workbook holds what the tables need and nothing else: text as inline strings,
numbers, booleans, dates (``yyyy-mm-dd``, with a time ``yyyy-mm-dd h:mm:ss``), a bold header row,
the first row frozen, column widths and the Text number format (``@``) on chosen columns. The
file is deterministic (no creation time inside, fixed zip timestamps). openpyxl, pandas, Excel
and LibreOffice read it; so do this package's readers (io/xlsx_stream.py, io/xlsx.py).

Values arrive already converted (``writers.xlsx_value``): None, bool, int, float, date, datetime
or safe text.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_EPOCH = datetime(1899, 12, 30)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")

# cellXfs indices in STYLES
STYLE_BOLD = 1
STYLE_TEXT = 2
STYLE_DATE = 3
STYLE_DATETIME = 4

STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN_NS}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


class Sheet:
    """One sheet: ``title``, header texts, rows of converted values, column widths and the
    indices of Text-format columns."""

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float],
        text_columns: Iterable[int] = (),
    ) -> None:
        check_title(title)
        self.title = title
        self.headers = list(headers)
        self.rows = rows
        self.widths = list(widths)
        self.text_columns = frozenset(text_columns)


def check_title(title: str) -> None:
    """Excel's rules for a sheet name (ValueError otherwise)."""
    if not title or len(title) > 31 or _INVALID_TITLE.search(title):
        raise ValueError(f"Invalid sheet title {title!r}")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _text_cell(ref: str, text: str, style: int) -> str:
    if not text:
        return ""  # an empty text is no cell, as openpyxl writes it
    s = f' s="{style}"' if style else ""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _serial(value: date) -> float:
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - _EPOCH
        return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    return float((value - _EPOCH.date()).days)


def cell_xml(ref: str, value: Any, as_text: bool = False, style: int = 0) -> str:
    """The ``<c>`` element of one converted value ('' for None: no cell)."""
    if value is None:
        return ""
    if as_text:
        return _text_cell(ref, str(value), STYLE_TEXT)
    if value is True or value is False:
        return f'<c r="{ref}"{_s(style)} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{_s(style)}><v>{value}</v></c>'
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return f'<c r="{ref}"{_s(style)}><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return f'<c r="{ref}" s="{STYLE_DATE}"><v>{_number(_serial(value))}</v></c>'
        return f'<c r="{ref}" s="{STYLE_DATETIME}"><v>{_number(_serial(value))}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{STYLE_DATE}"><v>{_number(_serial(value))}</v></c>'
    return _text_cell(ref, str(value), style)


def _s(style: int) -> str:
    return f' s="{style}"' if style else ""


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def sheet_xml(sheet: Sheet) -> str:
    letters = [column_letter(i) for i in range(len(sheet.headers))]
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">',
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>",
        '<sheetFormatPr defaultRowHeight="15"/>',
    ]
    if letters:
        cols = []
        for i, width in enumerate(sheet.widths):
            style = f' style="{STYLE_TEXT}"' if i in sheet.text_columns else ""
            cols.append(
                f'<col min="{i + 1}" max="{i + 1}" width="{width!r}" customWidth="1"{style}/>'
            )
        parts.append("<cols>" + "".join(cols) + "</cols>")
    parts.append("<sheetData>")
    if letters:
        header = "".join(
            cell_xml(f"{c}1", h, style=STYLE_BOLD)
            for c, h in zip(letters, sheet.headers, strict=True)
        )
        parts.append(f'<row r="1">{header}</row>')
    text = sheet.text_columns
    number = 1
    for number, row in enumerate(sheet.rows, start=2):
        cells = "".join(
            cell_xml(f"{letter}{number}", value, i in text)
            for i, (letter, value) in enumerate(zip(letters, row, strict=True))
        )
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    if letters:
        parts.insert(2, f'<dimension ref="A1:{letters[-1]}{number}"/>')
    return "".join(parts)


def write_workbook(sheets: Sequence[Sheet], path: Path) -> None:
    """Write ``sheets`` as one xlsx file at ``path`` (not atomic: the caller's job)."""
    if not sheets:
        raise ValueError("A workbook needs at least one sheet")
    seen: set[str] = set()
    for sheet in sheets:
        if sheet.title.casefold() in seen:
            raise ValueError(f"Duplicate sheet title {sheet.title!r}")
        seen.add(sheet.title.casefold())
    n = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f"{overrides}</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    entries = "".join(
        f'<sheet name="{escape(s.title)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{entries}</sheets></workbook>'
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL_NS}">{rels}'
        f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _put(zf, "[Content_Types].xml", content_types)
        _put(zf, "_rels/.rels", root_rels)
        _put(zf, "xl/workbook.xml", workbook)
        _put(zf, "xl/_rels/workbook.xml.rels", workbook_rels)
        _put(zf, "xl/styles.xml", STYLES)
        for i, sheet in enumerate(sheets, start=1):
            _put(zf, f"xl/worksheets/sheet{i}.xml", sheet_xml(sheet))


def _put(zf: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    zf.writestr(info, text.encode("utf-8"), compresslevel=6)
