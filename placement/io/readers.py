"""Reading the input tables: csv files or one xlsx workbook, all cells as text. No rules here.

:func:`read_tables` returns string frames whose columns are the template headers (SIASN/SAPK
aliases mapped via the schema, unknown columns kept as they are), whose index is the Excel row
number (header = row 1) and whose ``attrs`` say where they came from (``file``) and which NIP
cells the workbook stored as numbers (``numeric_cells``). :func:`load_dataset` validates them
and builds the :class:`~placement.domain.model.Dataset`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import operator
import posixpath
import re
import warnings
import zipfile
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from placement.domain.errors import Issue, PlacementError, error, has_errors, shown, warning
from placement.domain.model import Dataset
from placement.domain.schema import TABLES, Table, header_key, header_map
from placement.domain.validate import clean_cell, sort_issues, validate_tables
from placement.io.writers import XLSX_NAME, format_number

Tables = dict[str, pd.DataFrame]
REQUIRED_TABLES: frozenset[str] = frozenset({"pegawai", "jabatan"})
WORKBOOK_SUFFIXES: frozenset[str] = frozenset({".xlsx", ".xlsm"})
SEPARATORS: tuple[str, ...] = (",", ";", "\t")
MAX_EXCEL_ROWS, MAX_EXCEL_COLUMNS = 1_048_576, 16_384
TITLE_ROWS_MAX = 10  # rows above the header that may hold a report title (SIASN exports)
_FIRST_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")
Grid = dict[int, list[str]]
"""Rows stored sparse: 0-based row → its cells up to its last filled one (no empty rows kept
from a sheet, no row padded to the widest)."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What reading one input may take. A file, or a part of a workbook once unzipped, over
    ``part_bytes`` and a table with more than ``cells`` cells are refused (located, in seconds)
    instead of filling the memory: a real province has well under a million cells."""

    part_bytes: int = 200 * 2**20
    cells: int = 5_000_000
    """Cells as stored (:data:`Grid`, empty ones before a row's last filled cell included), and
    the cells of the table built from them (data rows × columns)."""


DEFAULT_LIMITS = ReadLimits()


@dataclass
class SheetCells:
    """The cells of one sheet or csv file, with the positions of numeric cells per column."""

    rows: Grid
    numeric: dict[int, set[int]] = field(default_factory=dict)
    width: int | None = None
    """Columns every row spans (a sheet); None: each row is as long as it is (csv)."""


@dataclass
class _Read:
    """What reading produced so far."""

    tables: Tables = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    limits: ReadLimits = DEFAULT_LIMITS


# --- public API ---------------------------------------------------------------------------


def read_tables(
    path: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Tables, list[Issue], dict[str, str]]:
    """Read a data directory (csv files or one workbook) or a workbook file.

    Returns (string frames keyed by table name, reading issues, sha256 per file read keyed by
    its name relative to the data directory).
    """
    path = Path(path)
    result = _Read(limits=limits)
    if not path.exists():
        result.issues.append(
            error(
                str(path),
                None,
                None,
                "PATH_TIDAK_ADA",
                f"Folder atau file data '{path}' tidak ditemukan. Periksa nama dan lokasinya.",
                f"Data folder or file '{path}' not found. Check its name and location.",
            )
        )
    elif path.is_file():
        _read_file(path, result)
    else:
        _read_directory(path, result)
    return result.tables, result.issues, result.hashes


def validate_path(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS, plan_date: date | None = None
) -> tuple[Tables, list[Issue], dict[str, str]]:
    """Read and validate: (canonical frames, all issues sorted, sha256 per file). Dates are
    checked against ``plan_date`` (today when None; see validate_tables)."""
    tables, issues, hashes = read_tables(path, limits)
    frames, more = validate_tables(tables, plan_date)
    return frames, sort_issues([*issues, *more]), hashes


def load_dataset(
    path: Path,
    *,
    strict: bool = False,
    limits: ReadLimits = DEFAULT_LIMITS,
    plan_date: date | None = None,
) -> tuple[Dataset, list[Issue]]:
    """Read, validate and build the Dataset; returns it with the warnings.

    Raises PlacementError listing every issue when any is an error (with ``strict``: when
    there is any issue at all).
    """
    frames, issues, hashes = validate_path(path, limits=limits, plan_date=plan_date)
    if has_errors(issues) or (strict and issues):
        raise PlacementError(issues)
    dataset = Dataset.from_frames(
        frames["pegawai"],
        frames["jabatan"],
        frames.get("kompetensi"),
        frames.get("standar_kompetensi"),
        sources=hashes,
    )
    return dataset, issues


# --- locating files -------------------------------------------------------------------------


def _table_of(stem: str) -> Table | None:
    key = header_key(stem)
    return next((t for t in TABLES if header_key(t.name) == key), None)


def _read_file(path: Path, result: _Read) -> None:
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        _read_workbook(path, result)
        return
    result.issues.append(
        error(
            path.name,
            None,
            None,
            "FILE_TIDAK_TERBACA",
            f"'{path.name}' bukan workbook .xlsx. Berikan folder berisi pegawai.csv, "
            "jabatan.csv, kompetensi.csv dan standar_kompetensi.csv, atau satu file .xlsx.",
            f"'{path.name}' is not an .xlsx workbook. Give a folder with the csv files, or one "
            ".xlsx file.",
        )
    )


def _read_directory(path: Path, result: _Read) -> None:
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(("~$", ".")))
    csvs: dict[str, Path] = {}
    for p in files:
        table = _table_of(p.stem) if p.suffix.lower() in (".csv", ".txt") else None
        if table is not None and table.name not in csvs:
            csvs[table.name] = p
    books = [p for p in files if p.suffix.lower() in WORKBOOK_SUFFIXES]
    if csvs:
        for ignored in books:
            result.issues.append(_ignored_workbook(ignored))
        for table in TABLES:
            if table.name in csvs:
                _read_csv(csvs[table.name], table, result)
            else:
                result.issues.append(_missing(table, f"{table.name}.csv", path))
        return
    book = _choose_workbook(books, path, result)
    if book is not None:
        _read_workbook(book, result)
    elif not books:
        for table in TABLES:
            result.issues.append(_missing(table, f"{table.name}.csv", path))


def _choose_workbook(books: list[Path], path: Path, result: _Read) -> Path | None:
    if len(books) == 1:
        return books[0]
    named = [b for b in books if b.name.lower() == XLSX_NAME]
    if named:
        return named[0]
    if books:
        names = ", ".join(b.name for b in books)
        result.issues.append(
            error(
                str(path),
                None,
                None,
                "WORKBOOK_GANDA",
                f"Ada beberapa workbook ({names}) dan tidak ada {XLSX_NAME}. Sisakan satu "
                f"workbook di folder, atau beri nama {XLSX_NAME} pada workbook yang dipakai.",
                f"Several workbooks ({names}) and no {XLSX_NAME}. Keep one workbook in the "
                f"folder, or name the one to use {XLSX_NAME}.",
            )
        )
    return None


def _ignored_workbook(book: Path) -> Issue:
    return warning(
        book.name,
        None,
        None,
        "FILE_DIABAIKAN",
        f"Workbook '{book.name}' diabaikan karena folder berisi file csv. Hapus salah satu "
        "agar jelas data mana yang dipakai.",
        f"Workbook '{book.name}' is ignored because the folder has csv files. Remove one of "
        "them so it is clear which data is used.",
    )


def _missing(table: Table, label: str, where: Path | str) -> Issue:
    """Missing file or sheet: an error for pegawai/jabatan, a warning for the competency tables."""
    if table.name in REQUIRED_TABLES:
        return error(
            label,
            None,
            None,
            "FILE_TIDAK_ADA",
            f"{label} tidak ditemukan di {where}. Tambahkan tabel {table.name} "
            f"({table.meaning_id}); buat template dengan: placement template FOLDER.",
            f"{label} not found in {where}. Add the {table.name} table ({table.meaning_en}); "
            "create a template with: placement template FOLDER.",
        )
    return warning(
        label,
        None,
        None,
        "FILE_OPSIONAL_TIDAK_ADA",
        f"{label} tidak ditemukan di {where}; dianggap kosong ({table.meaning_id}). Tanpa "
        "tabel ini JPM tidak dapat dihitung dengan lengkap.",
        f"{label} not found in {where}; treated as empty ({table.meaning_en}). Without it JPM "
        "cannot be fully computed.",
    )


def _unreadable(label: str, exc: BaseException) -> Issue:
    detail = shown(f"{type(exc).__name__}: {exc}", 200)
    return error(
        label,
        None,
        None,
        "FILE_TIDAK_TERBACA",
        f"{label} tidak dapat dibaca ({detail}). Pastikan file tidak rusak atau sedang dibuka/"
        "dikunci program lain, lalu simpan ulang sebagai CSV UTF-8 atau .xlsx.",
        f"{label} cannot be read ({detail}). Make sure it is not damaged or locked by another "
        "program, then save it again as UTF-8 CSV or .xlsx.",
    )


# --- csv ----------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> str:
    """Decode csv bytes: UTF-8 (with or without BOM), UTF-16 with BOM (or without, recognised
    by its zero bytes), else cp1252 / latin-1. A UTF-8 file (with non-ASCII text) cut inside
    its last character stays UTF-8, the cut character becoming U+FFFD."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    utf16 = _utf16_without_bom(body)
    if utf16 is not None:
        return utf16
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut = exc.end == len(body) and exc.reason == "unexpected end of data"
        if cut and not body[: exc.start].isascii():  # UTF-8 text before the cut: not cp1252
            return body.decode("utf-8", errors="replace")
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        return body.decode("latin-1")


def _utf16_without_bom(body: bytes) -> str | None:
    """Text of UTF-16 bytes saved without a BOM: ASCII text then has a zero byte in every
    other place (odd places little-endian, even places big-endian). None when it is not."""
    head = body[:4096]
    half = len(head) // 2
    if half < 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    encoding = (
        "utf-16-le" if odd > half * 0.6 > even else "utf-16-be" if even > half * 0.6 > odd else None
    )
    if encoding is None:
        return None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return None


def sniff_separator(text: str) -> str:
    """The separator of the first non-empty line: the most frequent of ',', ';' and tab."""
    match = _FIRST_LINE.search(text)  # not splitlines(): no list of every line of a big file
    first = match.group() if match else ""
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv(path: Path, table: Table, result: _Read) -> None:
    label = path.name
    try:
        _check_size(path.stat().st_size, result.limits, None)
        data = path.read_bytes()
        text = decode_bytes(data)
        cells = _csv_cells(text, result.limits)
    except ReadLimitError as exc:
        result.issues.append(_too_big(label, exc))
        return
    except (OSError, UnicodeError, csv.Error) as exc:
        result.issues.append(_unreadable(label, exc))
        return
    result.hashes[path.name] = hashlib.sha256(data).hexdigest()
    _add_table(result, table, label, cells)


def _csv_cells(text: str, limits: ReadLimits) -> SheetCells:
    """The rows of csv text. ReadLimitError, before parsing, when the text may hold more than
    ``limits.cells`` cells (separators plus line breaks bound their number)."""
    separator = sniff_separator(text)
    if text.count(separator) + text.count("\n") + text.count("\r") >= limits.cells:
        raise ReadLimitError(
            f"lebih dari {limits.cells:,} sel", f"more than {limits.cells:,} cells"
        )
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    return SheetCells(dict(enumerate(rows)))


# --- xlsx ---------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """Text of one workbook cell: dates ISO, whole numbers without '.0', booleans true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _number_text(number: int | float) -> str:
    """format_number, also for integers beyond the float range (kept as all their digits)."""
    try:
        return format_number(number)
    except OverflowError:
        return str(number)


class SheetLimitError(ValueError):
    """A row or column outside an Excel sheet (a damaged or hand-made file). Reported as is:
    openpyxl is not tried, it would fill the gap with empty rows."""


class ReadLimitError(SheetLimitError):
    """An input beyond :class:`ReadLimits`: refused before it fills the memory."""

    def __init__(self, msg_id: str, msg_en: str, row: int | None = None) -> None:
        super().__init__(msg_id)
        self.msg_id, self.msg_en, self.row = msg_id, msg_en, row

    @classmethod
    def cells(cls, limit: int, row: int) -> ReadLimitError:
        return cls(f"lebih dari {limit:,} sel (sampai baris {row})",
                   f"more than {limit:,} cells (up to row {row})", row)  # fmt: skip


def _check_size(size: int, limits: ReadLimits, part: str | None) -> None:
    """ReadLimitError when a file (``part`` None) or a workbook part is over the byte cap."""
    if size <= limits.part_bytes:
        return
    mb, cap = f"{size / 2**20:,.0f} MB", f"{limits.part_bytes / 2**20:,.0f} MB"
    what_id, what_en = (
        ("file", "the file")
        if part is None
        else (f"bagian {shown(part, 60)}", f"part {shown(part, 60)}")
    )
    raise ReadLimitError(f"{what_id} berukuran {mb} (batas {cap})", f"{what_en} is {mb} (limit {cap})")  # fmt: skip


def _check_parts(data: bytes, limits: ReadLimits) -> None:
    """Refuse a workbook with a part that unzips beyond the cap, from the sizes the zip
    declares (zipfile never inflates a part past its declared size): nothing is inflated."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for info in book.infolist():
            _check_size(info.file_size, limits, info.filename)


def _too_big(label: str, exc: ReadLimitError) -> Issue:
    return error(
        label,
        exc.row,
        None,
        "FILE_TERLALU_BESAR",
        f"{label} ditolak: {exc.msg_id}. Data kepegawaian sebesar ini tidak wajar; periksa "
        "apakah file benar (bukan file rusak atau sel terisi jauh di luar tabel).",
        f"{label} refused: {exc.msg_en}. Personnel data this large is not plausible; check the "
        "file (not damaged, no cells filled far outside the table).",
    )


@contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    """Silence openpyxl's notes about unsupported workbook features (styles, extensions)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        yield


def _read_workbook(path: Path, result: _Read) -> None:
    """Read the table sheets: fast streaming reader first, openpyxl when it cannot cope."""
    try:
        _check_size(path.stat().st_size, result.limits, None)
        data = path.read_bytes()
    except ReadLimitError as exc:
        result.issues.append(_too_big(path.name, exc))
        return
    except OSError as exc:
        result.issues.append(_unreadable(path.name, exc))
        return
    sheets: dict[str, SheetCells | Exception] | None
    try:
        _check_parts(data, result.limits)
        sheets = _fast_sheets(data, result.limits)
    except ReadLimitError as exc:
        result.issues.append(_too_big(path.name, exc))
        return
    except Exception:  # anything unusual: let openpyxl read it (and report what is wrong)
        sheets = _openpyxl_sheets(data, path.name, result)
    if sheets is None:
        return
    result.hashes[path.name] = hashlib.sha256(data).hexdigest()
    by_key: dict[str, SheetCells | Exception] = {}
    for title, rows in sheets.items():
        by_key.setdefault(header_key(title), rows)
    for table in TABLES:
        label = f"{path.name}:{table.name}"
        found = by_key.get(header_key(table.name))
        if found is None:
            result.issues.append(_missing(table, label, path.name))
        elif isinstance(found, ReadLimitError):
            result.issues.append(_too_big(label, found))
        elif isinstance(found, Exception):
            result.issues.append(_unreadable(label, found))
        else:
            _add_table(result, table, label, found)


def _wanted(title: str) -> bool:
    return any(header_key(title) == header_key(t.name) for t in TABLES)


def _fast_sheets(
    data: bytes, limits: ReadLimits = DEFAULT_LIMITS
) -> dict[str, SheetCells | Exception]:
    book = _FastWorkbook(data, limits.cells)
    sheets: dict[str, SheetCells | Exception] = {}
    for title in book.titles:
        if _wanted(title):
            try:
                sheets[title] = book.read(title)
            except SheetLimitError as exc:
                sheets[title] = exc
    return sheets


def _openpyxl_sheets(
    data: bytes, name: str, result: _Read
) -> dict[str, SheetCells | Exception] | None:
    try:
        with _quiet_openpyxl():
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        result.issues.append(_unreadable(name, exc))
        return None
    sheets: dict[str, SheetCells | Exception] = {}
    try:
        for ws in book.worksheets:
            if _wanted(ws.title):
                try:
                    with _quiet_openpyxl():
                        sheets[ws.title] = _sheet_rows(ws, result.limits.cells)
                except Exception as exc:  # a damaged sheet inside a readable workbook
                    sheets[ws.title] = exc
    finally:
        book.close()
    return sheets


def _sheet_rows(ws: Any, max_cells: int) -> SheetCells:
    """The cells of a sheet as text, and per column index the row positions of numeric cells.
    openpyxl fills gaps with empty cells, so every cell it yields counts against ``max_cells``."""
    rows: Grid = {}
    numeric: dict[int, set[int]] = {}
    width = seen = 0
    for i, values in enumerate(ws.iter_rows(values_only=True)):
        if i >= MAX_EXCEL_ROWS:
            raise SheetLimitError(_beyond_rows(i + 1))
        seen += len(values)
        if seen > max_cells:
            raise ReadLimitError.cells(max_cells, i + 1)
        width = max(width, len(values))
        for j, value in enumerate(values):
            if isinstance(value, int | float) and not isinstance(value, bool):
                numeric.setdefault(j, set()).add(i)
        rows[i] = [cell_text(v) for v in values]
    return SheetCells(rows, numeric, width)


# --- fast xlsx reading ------------------------------------------------------------------------


def _local(tag: str) -> str:
    """Tag or attribute name without namespace or prefix."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _attr(attrs: dict[str, str], name: str, default: str = "") -> str:
    for key, value in attrs.items():
        if _local(key) == name:
            return value
    return default


class _FastWorkbook:
    """A values-only xlsx reader streaming the sheet XML with expat (three to four times faster
    than openpyxl on large sheets). It gives the same texts as :func:`_sheet_rows`; it raises
    on anything unusual and the caller then uses openpyxl."""

    def __init__(self, data: bytes, max_cells: int = DEFAULT_LIMITS.cells) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.max_cells = max_cells
        root_rels = self._rels("")
        workbook = next(t for k, t in root_rels.values() if k == "officeDocument")
        tree = ElementTree.fromstring(self.zip.read(workbook))
        rels = self._rels(workbook)
        self.sheets: dict[str, str] = {}
        self.date1904 = False
        for el in tree.iter():
            name = _local(el.tag)
            if name == "workbookPr":
                self.date1904 = _attr(dict(el.attrib), "date1904").lower() in ("1", "true")
            elif name == "sheet":
                attrs = dict(el.attrib)
                self.sheets[_attr(attrs, "name")] = rels[_attr(attrs, "id")][1]
        parts = {kind: target for kind, target in rels.values()}
        self.shared = self._shared_strings(parts.get("sharedStrings"))
        self.date_styles = self._date_styles(parts.get("styles"))

    @property
    def titles(self) -> list[str]:
        return list(self.sheets)

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (kind, part path) of a part ('' = the package)."""
        folder, name = posixpath.split(part)
        rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
        tree = ElementTree.fromstring(self.zip.read(rels_path))
        out: dict[str, tuple[str, str]] = {}
        for el in tree.iter():
            if _local(el.tag) != "Relationship":
                continue
            target = el.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out[el.get("Id", "")] = (el.get("Type", "").rsplit("/", 1)[-1], path)
        return out

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None:
            return []
        collector = _TextCollector(self.max_cells)
        with self.zip.open(part) as stream:
            collector.parse(stream)
        return collector.items

    def _date_styles(self, part: str | None) -> frozenset[int]:
        """Indices of cell formats that show numbers as dates."""
        if part is None:
            return frozenset()
        tree = ElementTree.fromstring(self.zip.read(part))
        custom: dict[int, str] = {}
        formats: list[int] = []
        for el in tree.iter():
            name = _local(el.tag)
            if name == "numFmt":
                custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
            elif name == "cellXfs":
                formats = [int(xf.get("numFmtId", "0")) for xf in el if _local(xf.tag) == "xf"]
        return frozenset(
            i
            for i, fmt in enumerate(formats)
            if is_date_format(custom.get(fmt) or BUILTIN_FORMATS.get(fmt, "General"))
        )

    def read(self, title: str) -> SheetCells:
        parser = _SheetParser(self.shared, self.date_styles, self.date1904, self.max_cells)
        with self.zip.open(self.sheets[title]) as stream:
            parser.parse(stream)
        return parser.result()


_LOCAL_NAMES: dict[str, str] = {}


def _name(tag: str) -> str:
    """Cached local name of an expat tag ("x:c" → "c")."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = _local(tag)
    return name


def _expat(handler: Any, stream: IO[bytes]) -> None:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    parser.ParseFile(stream)


class _TextCollector:
    """Texts of every <si> element of the shared strings, without phonetic runs (at most
    ``max_items``: a cell refers to each)."""

    def __init__(self, max_items: int) -> None:
        self.max_items = max_items
        self.items: list[str] = []
        self._parts: list[str] = []
        self._in_text = False
        self._skip = 0

    def parse(self, stream: IO[bytes]) -> None:
        _expat(self, stream)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _name(tag)
        if name == "si":
            self._parts = []
        elif name == "rPh":
            self._skip += 1
        elif name == "t" and not self._skip:
            self._in_text = True

    def end(self, tag: str) -> None:
        name = _name(tag)
        if name == "t":
            self._in_text = False
        elif name == "rPh":
            self._skip -= 1
        elif name == "si":
            if len(self.items) >= self.max_items:
                raise ReadLimitError(f"lebih dari {self.max_items:,} teks bersama (sharedStrings)",
                                     f"more than {self.max_items:,} shared strings")  # fmt: skip
            self.items.append("".join(self._parts))

    def chars(self, text: str) -> None:
        if self._in_text:
            self._parts.append(text)


class _SheetParser:
    """Cell values of one sheet, by Excel row and column (sparse: only filled cells, at most
    ``max_cells`` of them)."""

    def __init__(
        self, shared: list[str], date_styles: frozenset[int], date1904: bool, max_cells: int
    ) -> None:
        self.shared, self.date_styles, self.max_cells = shared, date_styles, max_cells
        self.count = 0
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.rows: Grid = {}
        self.numeric: dict[int, set[int]] = {}
        self._row, self._col = -1, -1
        self._cell: dict[int, str] = {}
        self._kind, self._style = "n", 0
        self._parts: list[str] = []
        self._collect = False
        self._skip = 0

    def parse(self, stream: IO[bytes]) -> None:
        _expat(self, stream)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _name(tag)
        if name == "c":
            ref = attrs.get("r")
            self._col = _column_index(ref) if ref else self._col + 1
            if not 0 <= self._col < MAX_EXCEL_COLUMNS:
                raise SheetLimitError(
                    f"sel {shown(ref, 20)} di luar batas kolom Excel (A–XFD); file rusak"
                )
            self._kind, self._style = attrs.get("t", "n"), int(attrs.get("s", "0"))
            self._parts = []
        elif name == "v" or (name == "t" and not self._skip):
            self._collect = True
        elif name == "row":
            self._row = int(attrs["r"]) - 1 if "r" in attrs else self._row + 1
            if not 0 <= self._row < MAX_EXCEL_ROWS:
                raise SheetLimitError(_beyond_rows(self._row + 1))
            self._col, self._cell = -1, {}
        elif name == "rPh":
            self._skip += 1

    def end(self, tag: str) -> None:
        name = _name(tag)
        if name == "v" or name == "t":
            self._collect = False
        elif name == "c":
            self._store("".join(self._parts))
        elif name == "row" and self._cell:
            self._store_row(self._cell)
        elif name == "rPh":
            self._skip -= 1

    def chars(self, text: str) -> None:
        if self._collect:
            self._parts.append(text)

    def _store(self, value: str) -> None:
        kind = self._kind
        if value == "":
            return
        if kind == "s":
            text = self.shared[int(value)]
        elif kind in ("inlineStr", "str", "e"):
            text = value
        elif kind == "b":
            text = "true" if value.strip() in ("1", "true") else "false"
        elif kind == "d":
            text = cell_text(datetime.fromisoformat(value))
        else:
            text = self._number(value)
        if text:
            self._cell[self._col] = text

    def _number(self, value: str) -> str:
        number: int | float = float(value) if any(c in value for c in ".eE") else int(value)
        if self._style in self.date_styles:
            return cell_text(from_excel(number, self.epoch))
        self.numeric.setdefault(self._col, set()).add(self._row)
        return _number_text(number)

    def _store_row(self, cells: dict[int, str]) -> None:
        """Keep a row as a list up to its last cell; ReadLimitError past ``max_cells``."""
        row = [""] * (max(cells) + 1)
        self.count += len(row)
        if self.count > self.max_cells:
            raise ReadLimitError.cells(self.max_cells, self._row + 1)
        for c, text in cells.items():
            row[c] = text
        self.rows[self._row] = row

    def result(self) -> SheetCells:
        width = max((len(row) for row in self.rows.values()), default=0)
        return SheetCells(self.rows, self.numeric, width)


def _beyond_rows(row: int) -> str:
    return f"baris {row} di luar batas baris Excel (1–{MAX_EXCEL_ROWS}); file rusak"


_COLUMN_CACHE: dict[str, int] = {}


def _column_index(ref: str) -> int:
    """0-based column of a cell reference ("AB12" → 27)."""
    letters = ref.rstrip("0123456789")
    index = _COLUMN_CACHE.get(letters)
    if index is None:
        if not (letters.isascii() and letters.isalpha()):
            raise ValueError(f"bad cell reference {ref!r}")
        index = 0
        for ch in letters.upper():
            index = index * 26 + ord(ch) - 64
        index -= 1
        _COLUMN_CACHE[letters] = index
    return index


# --- rows → frame ---------------------------------------------------------------------------


@dataclass
class _Header:
    """Result of mapping a header row: kept column indices and their names."""

    keep: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    unnamed: list[int] = field(default_factory=list)


def _map_header(
    cells: list[str], table: Table, label: str, row: int, issues: list[Issue]
) -> _Header:
    """Map header cells to template headers; report duplicates and unknown columns."""
    known = header_map(table)
    out = _Header()
    for j, raw in enumerate(cells):
        name = raw.replace("\ufeff", "").strip().lstrip("'").strip()
        if not name:
            out.unnamed.append(j)
            continue
        canonical = known.get(header_key(name))
        if canonical is None:
            issues.append(_unknown_column(label, row, name, table))
            canonical = name if name not in out.names else f"{name} ({j + 1})"
        elif canonical in out.names:
            issues.append(_duplicate_column(label, row, name, canonical))
            continue
        out.keep.append(j)
        out.names.append(canonical)
    return out


def _unknown_column(label: str, row: int, name: str, table: Table) -> Issue:
    name = shown(name)
    return warning(
        label,
        row,
        name,
        "KOLOM_TIDAK_DIKENAL",
        f"Kolom '{name}' tidak dikenal di tabel {table.name}; disimpan tetapi diabaikan. "
        "Ganti judulnya sesuai template bila kolom ini dibutuhkan.",
        f"Column '{name}' is unknown in table {table.name}; kept but ignored. Rename it as in "
        "the template if it is needed.",
    )


def _duplicate_column(label: str, row: int, name: str, canonical: str) -> Issue:
    name = shown(name)
    return error(
        label,
        row,
        name,
        "KOLOM_GANDA",
        f"Kolom '{name}' berarti sama dengan kolom '{canonical}' yang sudah ada. Hapus salah "
        "satu kolom.",
        f"Column '{name}' means the same as the column '{canonical}' already present. Delete "
        "one of them.",
    )


def _add_table(result: _Read, table: Table, label: str, sheet: SheetCells) -> None:
    """Turn raw rows into a string frame (index = Excel row) and store it in ``result``."""
    grid = sheet.rows
    order = sorted(grid)
    start = next((i for i in order if any(c.strip() for c in grid[i])), None)
    if start is None:
        result.issues.append(
            error(
                label,
                None,
                None,
                "FILE_KOSONG",
                f"{label} kosong (tidak ada baris judul kolom). Salin judul kolom dari template "
                "ke baris pertama, lalu isi datanya.",
                f"{label} is empty (no header row). Copy the header from the template to the "
                "first row, then fill in the data.",
            )
        )
        return
    start = _header_row(grid, start, table)
    cells = grid[start]
    width = len(cells) if sheet.width is None else sheet.width
    header = _map_header(
        cells + [""] * (width - len(cells)), table, label, start + 1, result.issues
    )
    body = [i for i in order if i > start]
    if len(body) * len(header.keep) > result.limits.cells:
        result.issues.append(
            _too_big(label, _table_too_big(len(body), len(header.keep), result.limits))
        )
        return
    _check_long_rows(grid, body, width, label, result.issues)
    _check_unnamed(grid, body, header, label, result.issues)
    frame = _frame(grid, body, header)
    nip_headers = {c.header for c in table.columns if c.type == "nip"}
    frame.attrs = {
        "file": label,
        "excel_rows": True,
        "numeric_cells": {
            name: sorted(i + 1 for i in sheet.numeric.get(j, set()) if i > start)
            for j, name in zip(header.keep, header.names, strict=True)
            if name in nip_headers and sheet.numeric.get(j)
        },
    }
    result.tables[table.name] = frame


def _table_too_big(n_rows: int, n_columns: int, limits: ReadLimits) -> ReadLimitError:
    size_id = f"tabel {n_rows:,} baris × {n_columns:,} kolom melebihi {limits.cells:,} sel"
    size_en = f"a table of {n_rows:,} rows × {n_columns:,} columns is over {limits.cells:,} cells"
    return ReadLimitError(size_id, size_en)


def _header_row(grid: Grid, first: int, table: Table) -> int:
    """Index of the header row: the first non-empty row, unless it names no template column
    and one of the next TITLE_ROWS_MAX rows names two or more (a title above the header, often
    merged across the columns, as in SIASN/SIMPEG exports)."""
    known = header_map(table)

    def named(i: int) -> int:
        return sum(1 for cell in grid.get(i, ()) if header_key(cell) in known)

    if named(first):
        return first
    later = range(first + 1, first + 1 + TITLE_ROWS_MAX)
    return next((i for i in later if named(i) >= 2), first)


def _check_long_rows(
    grid: Grid, body: list[int], width: int, label: str, issues: list[Issue]
) -> None:
    """Rows with content beyond the last header cell (csv: a separator inside a value)."""
    for i in body:
        row = grid[i]
        if len(row) > width and any(c.strip() for c in row[width:]):
            issues.append(_too_many_cells(label, i + 1))


def _check_unnamed(
    grid: Grid, body: list[int], header: _Header, label: str, issues: list[Issue]
) -> None:
    """Content under an empty header cell: the column is ignored (warning at its first cell).
    One pass over the rows, looking only at the unnamed columns not yet seen filled."""
    pending, first = list(header.unnamed), {}
    for i in body:
        if not pending:
            break
        row = grid[i]
        filled = [j for j in pending[: bisect_left(pending, len(row))] if row[j].strip()]
        if filled:
            first.update(dict.fromkeys(filled, i))
            pending = [j for j in pending if j not in first]
    for j in header.unnamed:
        if j in first:
            issues.append(_unnamed_column(label, first[j] + 1, j))


def _too_many_cells(label: str, row: int) -> Issue:
    return error(
        label,
        row,
        None,
        "BARIS_KOLOM_LEBIH",
        "Baris ini berisi lebih banyak sel daripada judul kolom, biasanya karena ada pemisah "
        "(koma/titik koma) di dalam nilai. Beri tanda kutip pada nilai tersebut atau hapus "
        "sel berlebih.",
        "This row has more cells than the header, usually a separator (comma/semicolon) inside "
        "a value. Quote that value or delete the extra cells.",
    )


def _unnamed_column(label: str, row: int, j: int) -> Issue:
    name = f"kolom ke-{j + 1}"
    return warning(
        label,
        row,
        name,
        "KOLOM_TIDAK_DIKENAL",
        f"Ada isi di {name} yang tidak berjudul; diabaikan. Beri judul sesuai template atau "
        "hapus isinya.",
        f"Column {j + 1} has content but no header; ignored. Give it a template header or "
        "delete its content.",
    )


def _frame(grid: Grid, body: list[int], header: _Header) -> pd.DataFrame:
    """String frame of the kept columns, cleaned, without empty rows, index = Excel row."""
    if not header.names:
        return pd.DataFrame(index=pd.RangeIndex(0, name="row"))
    keep, need = header.keep, max(header.keep) + 1
    pick, one = operator.itemgetter(*keep), len(keep) == 1
    rows: list[int] = []
    values: list[tuple[str, ...]] = []
    for i in body:
        row = grid[i]
        if len(row) >= need:
            texts = (pick(row),) if one else pick(row)
        else:  # a short row: only the kept cells, never padded to the widest kept column
            texts = tuple(row[j] if j < len(row) else "" for j in keep)
        if any(texts):
            rows.append(i)
            values.append(texts)
    columns = list(zip(*values, strict=True)) if values else [()] * len(header.keep)
    frame = pd.DataFrame(
        {name: _clean(column) for name, column in zip(header.names, columns, strict=True)},
        columns=header.names,
    )
    frame.index = pd.Index(np.asarray(rows, dtype=np.int64) + 1, name="row")
    filled = (frame != "").to_numpy().any(axis=1)
    return frame.iloc[np.flatnonzero(filled)]


def _clean(values: tuple[str, ...]) -> pd.Series[str]:
    """Clean a column (see clean_cell), once per distinct value."""
    mapping = {v: clean_cell(v) for v in set(values)}
    if all(k == v for k, v in mapping.items()):
        return pd.Series(values, dtype="str")
    return pd.Series([mapping[v] for v in values], dtype="str")


__all__ = [
    "DEFAULT_LIMITS",
    "ReadLimitError",
    "ReadLimits",
    "SheetCells",
    "cell_text",
    "decode_bytes",
    "load_dataset",
    "read_tables",
    "sniff_separator",
    "validate_path",
]
