"""Validation of the input tables: every problem at once, located by file, Excel row and column.

Input: the string frames of :func:`placement.io.readers.read_tables` (template headers as
columns, index = Excel row number, ``attrs["file"]`` = where they came from). Output: canonical
frames (English field names of the schema, normalised values, typed columns) and the list of
issues. Each issue says in Bahasa Indonesia what is wrong and how to fix it (English as well).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from placement.domain import grades
from placement.domain.errors import Issue, Severity, shown
from placement.domain.nip import NipError, NipInfo, parse_nip
from placement.domain.schema import TABLES, Table, header_key

Frames = dict[str, pd.DataFrame]
Message = Callable[[str], str]

ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A validation code: severity and a one-line description (id / en) for the docs."""

    severity: Severity
    description_id: str
    description_en: str


# fmt: off
CODES: dict[str, CodeInfo] = {
    # reading (placement.io.readers)
    "PATH_TIDAK_ADA": CodeInfo(ERROR, "Folder/file data tidak ditemukan", "Data folder/file not found"),
    "FILE_TIDAK_ADA": CodeInfo(ERROR, "File/sheet pegawai atau jabatan tidak ada", "pegawai or jabatan file/sheet missing"),
    "FILE_OPSIONAL_TIDAK_ADA": CodeInfo(WARNING, "File/sheet kompetensi atau standar_kompetensi tidak ada", "kompetensi or standar_kompetensi file/sheet missing"),
    "FILE_TIDAK_TERBACA": CodeInfo(ERROR, "File tidak dapat dibaca (rusak, terkunci, format salah)", "File cannot be read"),
    "FILE_TERLALU_BESAR": CodeInfo(ERROR, "File, bagian workbook atau jumlah sel melebihi batas pembacaan", "File, workbook part or cell count over the reading limits"),
    "FILE_KOSONG": CodeInfo(ERROR, "File/sheet tanpa baris judul kolom", "File/sheet without a header row"),
    "FILE_DIABAIKAN": CodeInfo(WARNING, "Workbook diabaikan karena file csv dipakai", "Workbook ignored because csv files are used"),
    "WORKBOOK_GANDA": CodeInfo(ERROR, "Lebih dari satu file xlsx dan tidak ada data.xlsx", "Several xlsx files and no data.xlsx"),
    "KOLOM_GANDA": CodeInfo(ERROR, "Dua kolom berarti sama (mis. nip dan NIP BARU)", "Two columns map to the same template column"),
    "KOLOM_TIDAK_DIKENAL": CodeInfo(WARNING, "Kolom tambahan tidak dikenal; disimpan tetapi diabaikan", "Unknown extra column; kept but ignored"),
    "FILE_SUDAH_ADA": CodeInfo(ERROR, "Template tidak ditulis: file sudah ada (pakai --force)", "Template not written: file exists (use --force)"),
    "BARIS_KOLOM_LEBIH": CodeInfo(ERROR, "Baris berisi lebih banyak sel daripada judul kolom", "Row has more cells than the header"),
    # structure
    "KOLOM_WAJIB_TIDAK_ADA": CodeInfo(ERROR, "Kolom wajib tidak ada", "Required column missing"),
    "TABEL_TANPA_DATA": CodeInfo(ERROR, "Tabel pegawai/jabatan tanpa baris data", "pegawai/jabatan table without data rows"),
    "NILAI_WAJIB_KOSONG": CodeInfo(ERROR, "Sel wajib kosong", "Required cell empty"),
    # values
    "NIP_EXCEL_ANGKA": CodeInfo(ERROR, "NIP tersimpan sebagai angka di Excel (digit hilang)", "NIP stored as a number by Excel"),
    "NIP_BUKAN_ANGKA": CodeInfo(ERROR, "NIP berisi karakter selain angka", "NIP has non-digits"),
    "NIP_PANJANG": CodeInfo(ERROR, "NIP tidak 18 digit", "NIP is not 18 digits"),
    "NIP_TANGGAL_LAHIR": CodeInfo(ERROR, "8 digit pertama NIP bukan tanggal valid", "First 8 NIP digits are not a valid date"),
    "NIP_TMT_CPNS": CodeInfo(ERROR, "Digit 9–14 NIP bukan TMT CPNS valid", "NIP digits 9–14 are not a valid TMT CPNS"),
    "NIP_JENIS_KELAMIN": CodeInfo(ERROR, "Digit ke-15 NIP bukan 1 atau 2", "NIP digit 15 is not 1 or 2"),
    "TANGGAL_TIDAK_VALID": CodeInfo(ERROR, "Tanggal tidak dapat dibaca atau tidak mungkin", "Unreadable or impossible date"),
    "TANGGAL_MASA_DEPAN": CodeInfo(ERROR, "Tanggal lahir/TMT setelah tanggal rencana (hari ini bila belum diketahui)", "Birth/TMT date after the plan date (today when not known)"),
    "TANGGAL_TERLALU_AWAL": CodeInfo(ERROR, "TMT sebelum pegawai berusia 18 tahun", "TMT before the person turned 18"),
    "USIA_TIDAK_WAJAR": CodeInfo(ERROR, "Usia di luar 18–70 tahun pada tanggal rencana", "Age outside 18–70 at the plan date"),
    "STATUS_TIDAK_DIKENAL": CodeInfo(ERROR, "Status kepegawaian bukan PNS/PPPK", "Employment status is not PNS/PPPK"),
    "JENIS_KELAMIN_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenis kelamin bukan L/P", "Gender is not L/P"),
    "GOLONGAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Golongan ruang tidak dikenal", "Unknown golongan"),
    "JENIS_JABATAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenis jabatan tidak dikenal", "Unknown jenis jabatan"),
    "JENJANG_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenjang JF tidak dikenal", "Unknown JF jenjang"),
    "ESELON_TIDAK_DIKENAL": CodeInfo(ERROR, "Eselon tidak dikenal", "Unknown eselon"),
    "PENDIDIKAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Tingkat pendidikan tidak dikenal", "Unknown education level"),
    "PREDIKAT_KINERJA_TIDAK_DIKENAL": CodeInfo(ERROR, "Predikat kinerja (SKP) tidak dikenal", "Unknown performance rating"),
    "HUKUMAN_DISIPLIN_TIDAK_DIKENAL": CodeInfo(ERROR, "Tingkat hukuman disiplin tidak dikenal", "Unknown sanction level"),
    "JOB_FIT_TIDAK_DIKENAL": CodeInfo(ERROR, "Hasil job fit tidak dikenal", "Unknown job-fit result"),
    "KOTAK_TALENTA_TIDAK_VALID": CodeInfo(ERROR, "Kotak talenta bukan bilangan bulat 1–9", "Talent box is not an integer 1–9"),
    "PRIORITAS_TIDAK_VALID": CodeInfo(ERROR, "Prioritas bukan 1, 2 atau 3", "Priority is not 1, 2 or 3"),
    "WAJIB_ISI_TIDAK_VALID": CodeInfo(ERROR, "wajib_isi bukan ya/tidak", "must-fill is not yes/no"),
    "LEVEL_TIDAK_VALID": CodeInfo(ERROR, "Level kompetensi bukan angka 1–5", "Competency level is not a number 1–5"),
    # consistency within a table
    "NIP_GANDA": CodeInfo(ERROR, "NIP muncul lebih dari sekali", "Duplicate NIP"),
    "TANGGAL_LAHIR_TIDAK_SESUAI_NIP": CodeInfo(ERROR, "Tanggal lahir berbeda dari NIP", "Birth date differs from the NIP"),
    "TANGGAL_LAHIR_KOSONG": CodeInfo(WARNING, "Tanggal lahir kosong; diambil dari NIP", "Birth date empty; taken from the NIP"),
    "STATUS_TIDAK_SESUAI_NIP": CodeInfo(WARNING, "Status PNS/PPPK tidak sesuai bentuk NIP", "PNS/PPPK status does not match the NIP"),
    "JENIS_KELAMIN_TIDAK_SESUAI_NIP": CodeInfo(WARNING, "Jenis kelamin berbeda dari NIP", "Gender differs from the NIP"),
    "GOLONGAN_TIDAK_SESUAI_STATUS": CodeInfo(ERROR, "Golongan PPPK untuk PNS atau sebaliknya", "PPPK grade for a PNS or vice versa"),
    "JENJANG_KOSONG": CodeInfo(WARNING, "Pejabat fungsional tanpa jenjang", "Functional official without a jenjang"),
    "JABATAN_ID_GANDA": CodeInfo(ERROR, "jabatan_id muncul lebih dari sekali", "Duplicate jabatan_id"),
    "JENIS_JABATAN_BUKAN_STRUKTURAL": CodeInfo(ERROR, "Jabatan di sheet jabatan bukan jabatan struktural", "Post in the jabatan sheet is not structural"),
    "ESELON_TIDAK_SESUAI_JENIS": CodeInfo(ERROR, "Eselon tidak cocok dengan jenis jabatan", "Eselon does not match the kind of post"),
    "KOMPETENSI_GANDA": CodeInfo(ERROR, "Kompetensi yang sama dua kali untuk satu NIP", "Same competency twice for one NIP"),
    "STANDAR_GANDA": CodeInfo(ERROR, "Kompetensi yang sama dua kali untuk satu jabatan", "Same competency twice for one post"),
    # consistency across tables
    "JABATAN_ID_TIDAK_DIKENAL": CodeInfo(ERROR, "jabatan_id pegawai tidak ada di sheet jabatan", "Person's jabatan_id not in the jabatan sheet"),
    "JABATAN_DIPEGANG_GANDA": CodeInfo(ERROR, "Satu jabatan dijabat lebih dari satu pegawai", "One post held by several people"),
    "JENIS_JABATAN_TIDAK_SESUAI_JABATAN": CodeInfo(ERROR, "Jenis jabatan pegawai berbeda dari jabatan yang dijabat", "Person's kind differs from the post held"),
    "STRUKTURAL_TANPA_JABATAN": CodeInfo(WARNING, "Pejabat struktural tanpa jabatan_id", "Structural official without jabatan_id"),
    "PEMEGANG_GOLONGAN_KURANG": CodeInfo(WARNING, "Pemegang jabatan di bawah golongan minimal jabatannya", "Holder below the post's minimum grade"),
    "PEMEGANG_PENDIDIKAN_KURANG": CodeInfo(WARNING, "Pemegang jabatan di bawah pendidikan minimal jabatannya", "Holder below the post's minimum education"),
    "KOMPETENSI_NIP_TIDAK_DIKENAL": CodeInfo(ERROR, "NIP di kompetensi tidak ada di pegawai", "NIP in kompetensi not in pegawai"),
    "STANDAR_JABATAN_TIDAK_DIKENAL": CodeInfo(ERROR, "jabatan_id di standar tidak ada di jabatan", "jabatan_id in the standard not in jabatan"),
    "KOMPETENSI_TIDAK_ADA": CodeInfo(WARNING, "Pegawai tanpa nilai kompetensi (JPM tidak dapat dihitung)", "Person without competency scores (no JPM)"),
    "STANDAR_TIDAK_ADA": CodeInfo(WARNING, "Jabatan tanpa standar kompetensi (dipakai standar bawaan)", "Post without a competency standard (default used)"),
}
# fmt: on

DATE_FORMATS: tuple[str, ...] = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S")
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
MIN_YEAR, MAX_YEAR = 1900, 2100
MIN_AGE, MAX_AGE = 18, 70  # an ASN is appointed at 18 or later and retires by 65 at the latest
_TMT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tmt_golongan", "tmt_golongan"), ("tmt_jabatan", "tmt_jabatan"), ("tmt_jenjang", "tmt_jenjang"),
)  # fmt: skip
_SERIAL_RE = re.compile(r"\d{2,5}(?:\.\d+)?")
_ALLOWED_DATES = "YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY"

_GENDER: dict[str, str] = {
    "l": "L", "laki laki": "L", "lakilaki": "L", "pria": "L", "m": "L", "male": "L", "1": "L",
    "p": "P", "perempuan": "P", "wanita": "P", "f": "P", "female": "P", "2": "P",
}  # fmt: skip
_BOOL: dict[str, bool] = {"ya": True, "true": True, "1": True, "tidak": False, "false": False,
                          "0": False}  # fmt: skip
_NO_SANCTION = frozenset({"-", "tidak ada", "tidak", "nihil", "tanpa", "0"})
_DEFAULT_MIN_EDUCATION: dict[grades.JenisJabatan, str] = {
    grades.JenisJabatan.PENGAWAS: "D3",
    grades.JenisJabatan.ADMINISTRATOR: "S1",
    grades.JenisJabatan.JPT_PRATAMA: "S1",
    grades.JenisJabatan.JPT_MADYA: "S1",
}
_LABEL_TABLES: dict[str, tuple[dict[str, int], str]] = {
    "skp_1": (grades.PREDIKAT_KINERJA, "PREDIKAT_KINERJA_TIDAK_DIKENAL"),
    "skp_2": (grades.PREDIKAT_KINERJA, "PREDIKAT_KINERJA_TIDAK_DIKENAL"),
    "discipline": (grades.HUKUMAN_DISIPLIN, "HUKUMAN_DISIPLIN_TIDAK_DIKENAL"),
    "job_fit": (grades.JOB_FIT, "JOB_FIT_TIDAK_DIKENAL"),
}
_INT_RANGES: dict[str, tuple[int, int, str]] = {
    "talent_box": (1, 9, "KOTAK_TALENTA_TIDAK_VALID"),
    "priority": (1, 3, "PRIORITAS_TIDAK_VALID"),
}


# --- per-table working state ----------------------------------------------------------------


@dataclass
class _Sheet:
    """One table being validated: raw string cells (positional index), Excel rows, issues."""

    table: Table
    raw: pd.DataFrame
    file: str
    rows: np.ndarray[Any, np.dtype[np.int64]]
    numeric: dict[str, set[int]]
    issues: list[Issue]
    cleaned: bool = False  # cells already cleaned by read_tables
    out: dict[str, pd.Series[Any]] = field(default_factory=dict)
    nip_parsed: dict[str, NipInfo] = field(default_factory=dict)
    nip_ok: pd.Series[bool] | None = None
    nip_cache: dict[str, NipInfo | NipError] = field(default_factory=dict)
    _cells: dict[str, pd.Series[Any]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.raw)

    def has(self, header: str) -> bool:
        return header in self.raw.columns

    def cells(self, header: str) -> pd.Series[Any]:
        """Cleaned text of a column as objects ('' where empty or the column is absent)."""
        cached = self._cells.get(header)
        if cached is None:
            cached = self._load(header)
            self._cells[header] = cached
        return cached

    def _load(self, header: str) -> pd.Series[Any]:
        if not self.has(header):
            return pd.Series([""] * self.n, dtype=object)
        col = pd.Series(self.raw[header].to_numpy(dtype=object), dtype=object)
        col = col.where(col.notna(), "")
        if self.cleaned:
            return col
        return _map_unique(col, clean_cell, keep_empty=True)

    def add(self, pos: int | None, header: str | None, code: str, msg_id: str, msg_en: str) -> None:
        """Record one issue at a positional row (None = whole table)."""
        row = None if pos is None else int(self.rows[pos])
        self.issues.append(
            Issue(self.file, row, header, code, CODES[code].severity, msg_id, msg_en)
        )

    def report(
        self,
        mask: pd.Series[bool] | np.ndarray[Any, np.dtype[np.bool_]],
        header: str,
        code: str,
        msg_id: Message,
        msg_en: Message,
    ) -> None:
        """One issue per row where ``mask`` holds; messages get the cell text."""
        values = self.cells(header).to_numpy()
        for pos in np.flatnonzero(np.asarray(mask, dtype=bool)):
            value = shown(values[pos])
            self.add(int(pos), header, code, msg_id(value), msg_en(value))


def clean_cell(value: object) -> str:
    """Cell text as the readers clean it: stripped, one leading apostrophe off, 'null' = ''."""
    text = str(value).strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return "" if text.lower() == "null" else text


def _map_unique(
    text: pd.Series[Any], func: Callable[[str], Any], *, keep_empty: bool = False
) -> pd.Series[Any]:
    """Apply ``func`` once per distinct non-empty value; empty cells give None ('' with
    ``keep_empty``)."""
    mapping = {v: func(v) for v in pd.unique(text.to_numpy(dtype=object)) if v != ""}
    mapped = text.map(mapping).astype(object)
    return mapped.where(text != "", "" if keep_empty else None)


def _sheet(
    table: Table, raw: pd.DataFrame, issues: list[Issue], nip_cache: dict[str, Any]
) -> _Sheet:
    """Working state for one raw table (index reset to positions, Excel rows kept aside)."""
    from_reader = bool(raw.attrs.get("excel_rows"))
    if from_reader:
        rows = np.asarray(raw.index, dtype=np.int64)
    else:
        rows = np.arange(len(raw), dtype=np.int64) + 2
    numeric = {str(k): set(v) for k, v in raw.attrs.get("numeric_cells", {}).items()}
    file = str(raw.attrs.get("file", f"{table.name}.csv"))
    frame = raw.reset_index(drop=True)
    return _Sheet(
        table, frame, file, rows, numeric, issues, cleaned=from_reader, nip_cache=nip_cache
    )


# --- public entry point ---------------------------------------------------------------------


def validate_tables(
    tables: Mapping[str, pd.DataFrame], plan_date: date | None = None
) -> tuple[Frames, list[Issue]]:
    """Check all tables and return (canonical frames keyed by table name, all issues).

    Tables missing from ``tables`` are skipped (the reader reports missing files). The frames
    are only trustworthy when no issue is an error. Birth and TMT dates after ``plan_date``
    and ages outside MIN_AGE–MAX_AGE at it are errors; without a plan date, today is used.
    """
    issues: list[Issue] = []
    cache: dict[str, Any] = {}
    sheets = {
        t.name: _sheet(t, tables[t.name], issues, cache)
        for t in TABLES
        if tables.get(t.name) is not None
    }
    for sheet in sheets.values():
        _check_structure(sheet)
        _parse_columns(sheet)
    if "pegawai" in sheets:
        _check_pegawai(sheets["pegawai"])
        _check_dates(sheets["pegawai"], plan_date)
    if "jabatan" in sheets:
        _check_jabatan(sheets["jabatan"])
    for name in ("kompetensi", "standar_kompetensi"):
        if name in sheets:
            _check_long_duplicates(sheets[name])
    _check_cross(sheets)
    frames = {name: _frame(sheet) for name, sheet in sheets.items()}
    return frames, sort_issues(issues)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Order issues by table (template order), then row; stable within a row."""
    order = {header_key(t.name): i for i, t in enumerate(TABLES)}

    def key(issue: Issue) -> tuple[int, int]:
        stem = header_key(issue.file.split(":")[-1].rsplit(".", 1)[0])
        return order.get(stem, -1), -1 if issue.row is None else issue.row

    return sorted(issues, key=key)


# --- structure ------------------------------------------------------------------------------


def _check_structure(sheet: _Sheet) -> None:
    """Required columns present, data rows present, required cells filled."""
    for col in sheet.table.required:
        if not sheet.has(col.header):
            sheet.add(
                None,
                col.header,
                "KOLOM_WAJIB_TIDAK_ADA",
                f"Kolom wajib '{col.header}' ({col.meaning_id}) tidak ada di {sheet.file}. "
                f"Tambahkan kolom dengan judul '{col.header}' (lihat template).",
                f"Required column '{col.header}' ({col.meaning_en}) is missing in {sheet.file}. "
                f"Add a column headed '{col.header}' (see the template).",
            )
    if sheet.n == 0 and sheet.table.name in ("pegawai", "jabatan"):
        sheet.add(
            None,
            None,
            "TABEL_TANPA_DATA",
            f"{sheet.file} tidak berisi baris data. Isi minimal satu baris di bawah judul kolom.",
            f"{sheet.file} has no data rows. Add at least one row below the header.",
        )
    for col in sheet.table.required:
        if sheet.has(col.header):
            sheet.report(
                sheet.cells(col.header) == "",
                col.header,
                "NILAI_WAJIB_KOSONG",
                _const(
                    f"Kolom '{col.header}' wajib diisi ({col.meaning_id}). "
                    f"Isi sel ini{_example_id(col.example)}."
                ),
                _const(
                    f"Column '{col.header}' is required ({col.meaning_en}). "
                    f"Fill in this cell{_example_en(col.example)}."
                ),
            )


def _const(text: str) -> Message:
    """A message that does not depend on the cell value."""
    return lambda _value: text


def _example_id(example: str) -> str:
    return f", contoh: {example}" if example else ""


def _example_en(example: str) -> str:
    return f", e.g. {example}" if example else ""


# --- column parsing -------------------------------------------------------------------------


def _parse_columns(sheet: _Sheet) -> None:
    """Parse every schema column to its canonical form, reporting unreadable values."""
    for col in sheet.table.columns:
        text = sheet.cells(col.header)
        parser = _parse_competency if col.field == "competency" else _PARSERS[col.type]
        sheet.out[col.field] = parser(sheet, col.header, col.field, text)


def _parse_text(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    return text.where(text != "", None)


def _parse_competency(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    """Competency names: lower case, single spaces, so profiles and standards match."""
    return _map_unique(text, lambda v: " ".join(v.lower().split()))


def _parse_nip(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    """Clean NIPs (each distinct value parsed once); report Excel-number cells and defects."""
    cache = sheet.nip_cache
    results = {
        v: cache[v] if v in cache else cache.setdefault(v, _try_parse_nip(v))
        for v in pd.unique(text.to_numpy(dtype=object))
        if v != ""
    }
    numeric_rows = sheet.numeric.get(header, set())
    numeric = pd.Series(np.isin(sheet.rows, list(numeric_rows)), dtype=bool)
    sheet.nip_parsed = {v: r for v, r in results.items() if isinstance(r, NipInfo)}
    ok = text.isin(set(sheet.nip_parsed)) & ~numeric
    sheet.nip_ok = ok
    values = text.to_numpy(dtype=object)
    for pos in np.flatnonzero(numeric.to_numpy() & (values != "")):
        _report_excel_nip(sheet, int(pos), header, shown(values[pos]))
    failed = (text != "") & ~ok & ~numeric
    for pos in np.flatnonzero(failed.to_numpy()):
        exc = results[values[pos]]
        assert isinstance(exc, NipError)
        sheet.add(
            int(pos),
            header,
            exc.code,
            f"{exc.reason_id}. {_NIP_FIX_ID}.",
            f"{exc.reason_en}. {_NIP_FIX_EN}.",
        )
    cleaned = text.map({v: info.nip for v, info in sheet.nip_parsed.items()}).astype(object)
    return cleaned.where(ok, text.where(text != "", None))


def _try_parse_nip(raw: str) -> NipInfo | NipError:
    try:
        return parse_nip(raw)
    except NipError as exc:
        return exc


_NIP_FIX_ID = "Perbaiki NIP sesuai SK / data SIASN"
_NIP_FIX_EN = "Correct the NIP from the decree / SIASN data"


def _report_excel_nip(sheet: _Sheet, pos: int, header: str, raw: str) -> None:
    sheet.add(
        pos,
        header,
        "NIP_EXCEL_ANGKA",
        f"NIP '{raw}' tersimpan sebagai angka di Excel; Excel hanya menyimpan 15 digit sehingga "
        "digit terakhir bisa hilang. Format kolom NIP sebagai Teks, lalu ketik ulang NIP dari "
        "sumber (atau awali dengan tanda ').",
        f"NIP '{raw}' is stored as a number in Excel, which keeps only 15 digits. Format the NIP "
        "column as Text and re-enter the NIP from the source (or prefix it with ').",
    )


def parse_dates(text: pd.Series[Any]) -> pd.Series[Any]:
    """Parse date texts (ISO, DD-MM-YYYY, DD/MM/YYYY, Excel serial numbers); NaT where empty or
    unreadable, and outside the years 1900–2100."""
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    todo = text != ""
    for fmt in DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        out.loc[parsed.index] = parsed.astype("datetime64[us]")
        todo &= out.isna()
    values = text.to_numpy(dtype=object)
    serial = pd.Series(False, index=text.index)
    for pos in np.flatnonzero(todo.to_numpy()):
        serial.iat[int(pos)] = bool(_SERIAL_RE.fullmatch(str(values[pos])))
    if serial.any():
        days = pd.to_numeric(text[serial], errors="coerce").astype(float)
        ok = days.between(61, 80_000)
        stamps = EXCEL_EPOCH + pd.to_timedelta(days[ok].astype("int64"), unit="D")
        out.loc[stamps.index] = stamps.astype("datetime64[us]")
    years = out.dt.year
    out = out.mask((years < MIN_YEAR) | (years > MAX_YEAR))
    result: pd.Series[Any] = out.dt.normalize().astype("datetime64[ns]")
    return result


def _parse_date(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    dates = parse_dates(text)
    sheet.report(
        (text != "") & dates.isna(),
        header,
        "TANGGAL_TIDAK_VALID",
        lambda v: (
            f"Tanggal '{v}' tidak dapat dibaca atau tidak mungkin. Tulis sebagai "
            f"{_ALLOWED_DATES} (tahun {MIN_YEAR}–{MAX_YEAR}), mis. 1975-08-17."
        ),
        lambda v: (
            f"Date '{v}' cannot be read or is impossible. Write it as YYYY-MM-DD, "
            f"DD-MM-YYYY or DD/MM/YYYY (years {MIN_YEAR}–{MAX_YEAR}), e.g. 1975-08-17."
        ),
    )
    return dates


def _to_float(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return math.nan


def _numbers(text: pd.Series[Any]) -> pd.Series[float]:
    """Numeric value of each cell ('3,25' = 3.25); NaN where empty or not a number."""
    return _map_unique(text, _to_float).astype(float)


def _parse_int(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    low, high, code = _INT_RANGES[fld]
    values = _numbers(text)
    ok = values.notna() & (values % 1 == 0) & values.between(low, high)
    sheet.report(
        (text != "") & ~ok,
        header,
        code,
        lambda v: (
            f"Nilai '{v}' pada kolom '{header}' harus bilangan bulat {low}–{high}. "
            f"Perbaiki nilainya atau kosongkan sel."
        ),
        lambda v: (
            f"Value '{v}' in column '{header}' must be an integer {low}–{high}. "
            "Correct it or leave the cell empty."
        ),
    )
    return values.where(ok).astype("Int64")


def _parse_float(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    values = _numbers(text)
    ok = values.between(1, 5)
    sheet.report(
        (text != "") & ~ok,
        header,
        "LEVEL_TIDAK_VALID",
        lambda v: (
            f"Level '{v}' harus angka 1–5 (desimal boleh, mis. 3,25 atau 3.25). "
            "Perbaiki nilainya sesuai hasil asesmen."
        ),
        lambda v: (
            f"Level '{v}' must be a number 1–5 (decimals allowed, e.g. 3,25 or 3.25). "
            "Correct it from the assessment results."
        ),
    )
    return values.where(ok).astype(float)


def _parse_bool(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    mapped = _map_unique(text, lambda v: _BOOL.get(v.lower()))
    sheet.report(
        (text != "") & mapped.isna(),
        header,
        "WAJIB_ISI_TIDAK_VALID",
        lambda v: (
            f"Nilai '{v}' pada kolom '{header}' tidak dikenal. Isi 'ya' atau 'tidak' "
            "(kosong = tidak)."
        ),
        lambda v: (
            f"Value '{v}' in column '{header}' is not recognised. Use 'ya' (yes) or "
            "'tidak' (no); empty = no."
        ),
    )
    return mapped.fillna(False).astype(bool)


def _label_parser(
    normalise: Callable[[str], str | None], code: str, allowed: Callable[[str], str]
) -> Callable[[_Sheet, str, str, pd.Series[Any]], pd.Series[Any]]:
    """A parser for a labelled column: normalise, report unknown values with the allowed set."""

    def parse(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
        mapped = _map_unique(text, normalise)
        options = allowed(fld)
        sheet.report(
            (text != "") & mapped.isna(),
            header,
            code,
            lambda v: (
                f"Nilai '{v}' pada kolom '{header}' tidak dikenal. Isi salah satu: {options}."
            ),
            lambda v: f"Value '{v}' in column '{header}' is not recognised. Use one of: {options}.",
        )
        return mapped

    return parse


def _parse_label(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    table, code = _LABEL_TABLES[fld]
    if fld == "discipline":
        none = _map_unique(text, lambda v: v.lower() in _NO_SANCTION).fillna(False).astype(bool)
        text = text.mask(none, "")
    parser = _label_parser(
        lambda v: grades.normalize_label(v, table), code, lambda _: " / ".join(table)
    )
    return parser(sheet, header, fld, text)


def normalize_status(raw: str) -> str | None:
    """PNS / PPPK from template or SIASN spellings ("PNS Daerah", "CPNS", "PPPK")."""
    text = " ".join(str(raw).upper().replace("_", " ").split())
    if "PPPK" in text or "PERJANJIAN KERJA" in text:
        return "PPPK"
    if text.startswith(("PNS", "CPNS")) or "PEGAWAI NEGERI SIPIL" in text:
        return "PNS"
    return None


def normalize_gender(raw: str) -> str | None:
    """L / P from 'L', 'Laki-laki', 'Pria', 'P', 'Perempuan', 'Wanita', '1', '2'."""
    return _GENDER.get(" ".join(str(raw).lower().replace("-", " ").split()))


def _jenis_name(raw: str) -> str | None:
    jenis = grades.normalize_jenis(raw)
    return None if jenis is None else jenis.value


def _golongan_allowed(_: str) -> str:
    return "I/a … IV/e (PNS) atau I … XVII (PPPK)"


_PARSERS: dict[str, Callable[[_Sheet, str, str, pd.Series[Any]], pd.Series[Any]]] = {
    "nip": _parse_nip,
    "text": _parse_text,
    "date": _parse_date,
    "int": _parse_int,
    "float": _parse_float,
    "bool": _parse_bool,
    "label": _parse_label,
    "golongan": _label_parser(grades.normalize_grade, "GOLONGAN_TIDAK_DIKENAL", _golongan_allowed),
    "eselon": _label_parser(
        grades.normalize_eselon, "ESELON_TIDAK_DIKENAL", lambda _: ", ".join(grades.ESELON_RANK)
    ),
    "jenis": _label_parser(
        _jenis_name, "JENIS_JABATAN_TIDAK_DIKENAL", lambda _: " / ".join(grades.JenisJabatan)
    ),
    "jenjang": _label_parser(
        grades.normalize_jenjang,
        "JENJANG_TIDAK_DIKENAL",
        lambda _: " / ".join(grades.JF_JENJANG_LEVEL),
    ),
    "education": _label_parser(
        grades.normalize_education,
        "PENDIDIKAN_TIDAK_DIKENAL",
        lambda _: ", ".join(grades.EDUCATION_RANK),
    ),
    "gender": _label_parser(normalize_gender, "JENIS_KELAMIN_TIDAK_DIKENAL", lambda _: "L / P"),
    "status": _label_parser(normalize_status, "STATUS_TIDAK_DIKENAL", lambda _: "PNS / PPPK"),
}


# --- consistency within a table -------------------------------------------------------------


def _report_duplicates(
    sheet: _Sheet,
    keys: pd.DataFrame,
    header: str,
    code: str,
    messages: tuple[str, str, str, str],
) -> None:
    """Report every row whose key (all columns of ``keys``) already occurred in an earlier row.

    ``messages``: (what in Indonesian, what in English, fix in Indonesian, fix in English).
    """
    what_id, what_en, fix_id, fix_en = messages
    valid = keys.notna().all(axis=1)
    dup = valid & keys.duplicated(keep="first")
    if not dup.any():
        return
    rows = pd.Series(sheet.rows, index=keys.index)
    first = rows[valid].groupby([keys[c][valid] for c in keys.columns], sort=False)
    first_row = first.transform("first")
    for pos in np.flatnonzero(dup.to_numpy()):
        key = " / ".join(shown(v) for v in keys.iloc[pos])
        row = int(first_row.loc[keys.index[int(pos)]])
        sheet.add(
            int(pos),
            header,
            code,
            f"{what_id} '{key}' sudah ada di baris {row}. {fix_id}",
            f"{what_en} '{key}' already occurs in row {row}. {fix_en}",
        )


def _nip_series(sheet: _Sheet, attr: str) -> pd.Series[Any]:
    """One attribute of the parsed NIPs per row (None where the NIP did not parse)."""
    text = sheet.cells("nip")
    values = text.map({v: getattr(info, attr) for v, info in sheet.nip_parsed.items()})
    ok = sheet.nip_ok if sheet.nip_ok is not None else pd.Series(False, index=text.index)
    return values.astype(object).where(ok, None)


def _nip_parsed_mask(sheet: _Sheet) -> pd.Series[bool]:
    """Rows whose NIP parsed without a defect."""
    return sheet.nip_ok if sheet.nip_ok is not None else pd.Series(False, index=range(sheet.n))


def _check_pegawai(sheet: _Sheet) -> None:
    """NIP duplicates and NIP cross-checks, grade vs status, jenjang and post presence."""
    _report_duplicates(
        sheet,
        pd.DataFrame({"nip": sheet.out["nip"]}),
        "nip",
        "NIP_GANDA",
        (
            "NIP",
            "NIP",
            "Setiap pegawai hanya satu baris: hapus baris ganda atau perbaiki NIP.",
            "Each person has one row: delete the duplicate row or correct the NIP.",
        ),
    )
    _check_birth_dates(sheet)
    _check_nip_status_gender(sheet)
    _check_grade_status(sheet)
    _check_kind_details(sheet)


def _check_grade_status(sheet: _Sheet) -> None:
    """PNS hold I/a … IV/e, PPPK hold I … XVII."""
    status, grade = sheet.out["status"], sheet.out["golongan"]
    wrong_grade = ((status == "PNS") & grade.isin(grades.PPPK_GRADES)) | (
        (status == "PPPK") & grade.isin(grades.PNS_GRADES)
    )
    sheet.report(
        wrong_grade,
        "gol_ruang",
        "GOLONGAN_TIDAK_SESUAI_STATUS",
        lambda v: (
            f"Golongan '{v}' tidak sesuai status kepegawaian: PNS memakai I/a … IV/e, "
            "PPPK memakai I … XVII. Perbaiki golongan atau status_kepegawaian."
        ),
        lambda v: (
            f"Grade '{v}' does not match the employment status: PNS use I/a … IV/e, "
            "PPPK use I … XVII. Correct the grade or the status."
        ),
    )


def _check_kind_details(sheet: _Sheet) -> None:
    """Warnings: JF without jenjang, structural official without a post."""
    jenis = sheet.out["jenis_jabatan"]
    sheet.report(
        (jenis == "FUNGSIONAL") & (sheet.cells("jenjang") == ""),
        "jenjang",
        "JENJANG_KOSONG",
        _const(
            "Pejabat fungsional tanpa jenjang; dianggap setara pelaksana (level 0). "
            "Isi jenjang (mis. ahli muda) agar syarat naik satu level dihitung benar."
        ),
        _const(
            "Functional official without a jenjang; treated as level 0. Fill in the "
            "jenjang (e.g. ahli muda) so the one-level-up rule is right."
        ),
    )
    structural = jenis.isin([t.value for t in grades.STRUCTURAL_TYPES])
    sheet.report(
        structural & (sheet.cells("jabatan_id") == ""),
        "jabatan_id",
        "STRUKTURAL_TANPA_JABATAN",
        _const(
            "Pejabat struktural tanpa jabatan_id: dianggap kandidat, bukan pemegang "
            "jabatan. Isi jabatan_id dari sheet jabatan bila ia memegang jabatan yang direncanakan."
        ),
        _const(
            "Structural official without jabatan_id: treated as a candidate, not a "
            "holder. Fill in the jabatan_id if the person holds a post in the jabatan sheet."
        ),
    )


def _check_birth_dates(sheet: _Sheet) -> None:
    """tanggal_lahir against the NIP; empty birth dates are taken from the NIP (warning)."""
    if not sheet.has("tanggal_lahir"):
        sheet.add(
            None,
            "tanggal_lahir",
            "TANGGAL_LAHIR_KOSONG",
            "Kolom tanggal_lahir tidak ada; tanggal lahir diambil dari NIP. Tambahkan kolom "
            "bila ingin dicek silang dengan NIP.",
            "Column tanggal_lahir is missing; birth dates are taken from the NIP. Add the "
            "column to cross-check them.",
        )
        return
    nip_birth = pd.to_datetime(_nip_series(sheet, "birth_date")).astype("datetime64[ns]")
    birth = sheet.out["birth_date"]
    mismatch = birth.notna() & nip_birth.notna() & (birth != nip_birth)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        given, from_nip = birth.iloc[pos].date(), nip_birth.iloc[pos].date()
        sheet.add(
            int(pos),
            "tanggal_lahir",
            "TANGGAL_LAHIR_TIDAK_SESUAI_NIP",
            f"Tanggal lahir {given} tidak sama dengan tanggal lahir di NIP ({from_nip}). "
            "Periksa SK/data SIASN lalu perbaiki tanggal_lahir atau NIP.",
            f"Birth date {given} differs from the birth date in the NIP ({from_nip}). "
            "Check the decree / SIASN data and correct the birth date or the NIP.",
        )
    sheet.report(
        sheet.cells("tanggal_lahir") == "",
        "tanggal_lahir",
        "TANGGAL_LAHIR_KOSONG",
        lambda v: "Tanggal lahir kosong; diambil dari NIP. Isi bila ingin dicek silang.",
        lambda v: "Birth date empty; taken from the NIP. Fill it in to cross-check.",
    )


def _check_dates(sheet: _Sheet, plan_date: date | None) -> None:
    """Birth and TMT dates that have not happened yet, ages outside MIN_AGE–MAX_AGE and TMTs
    before the person turned MIN_AGE (the NIP's birth date and TMT CPNS included)."""
    ref = plan_date or date.today()
    when = (
        (f"tanggal rencana {ref}", f"the plan date {ref}")
        if plan_date is not None
        else (f"hari ini ({ref}; tanggal rencana belum diketahui saat validasi)",
              f"today ({ref}; the plan date is not known when validating)")
    )  # fmt: skip
    given = sheet.out["birth_date"]
    from_nip = pd.to_datetime(_nip_series(sheet, "birth_date")).astype("datetime64[ns]")
    birth = given.where(given.notna(), from_nip)
    birth_column = np.where(given.notna(), "tanggal_lahir", "nip")
    _report_future(sheet, birth, birth_column, "Tanggal lahir", "Birth date", when, ref)
    _report_age(sheet, birth, birth_column, when, ref)
    # TMTs are often a month's first day: a month of slack before the MIN_AGE-th birthday
    turned = (birth + pd.DateOffset(years=MIN_AGE, months=-1)).to_numpy().astype("datetime64[M]")
    adult = pd.Series(turned.astype("datetime64[ns]"), index=birth.index)
    nip_tmt = _nip_series(sheet, "tmt_cpns")
    tmt_cpns: pd.Series[Any] = pd.to_datetime(nip_tmt).astype("datetime64[ns]")
    dates = [(tmt_cpns, "nip", "TMT CPNS (digit 9–14 NIP)", "TMT CPNS (NIP digits 9–14)")]
    dates += [(sheet.out[fld], header, header, header) for header, fld in _TMT_COLUMNS]
    for values, header, label_id, label_en in dates:
        column = np.full(sheet.n, header, dtype=object)
        _report_future(sheet, values, column, label_id, label_en, when, ref)
        early = values.notna() & adult.notna() & (values < adult)
        for pos in np.flatnonzero(early.to_numpy()):
            value, born = values.iloc[pos].date(), birth.iloc[pos].date()
            sheet.add(int(pos), header, "TANGGAL_TERLALU_AWAL",
                f"{label_id} {value} sebelum pegawai berusia {MIN_AGE} tahun (lahir {born}). "
                "Periksa tanggal ini dan tanggal lahir / NIP.",
                f"{label_en} {value} is before the person turned {MIN_AGE} (born {born}). "
                "Check this date and the birth date / NIP.")  # fmt: skip


def _report_future(
    sheet: _Sheet,
    values: pd.Series[Any],
    columns: np.ndarray[Any, np.dtype[Any]],
    label_id: str,
    label_en: str,
    when: tuple[str, str],
    ref: date,
) -> None:
    """One error per date after ``ref``."""
    for pos in np.flatnonzero((values.notna() & (values > pd.Timestamp(ref))).to_numpy()):
        value = values.iloc[pos].date()
        sheet.add(int(pos), str(columns[pos]), "TANGGAL_MASA_DEPAN",
            f"{label_id} {value} setelah {when[0]}: tanggal ini belum terjadi. Perbaiki "
            "tanggalnya (cek SK / data SIASN).",
            f"{label_en} {value} is after {when[1]}: it has not happened yet. Correct it "
            "(check the decree / SIASN data).")  # fmt: skip


def _report_age(
    sheet: _Sheet,
    birth: pd.Series[Any],
    columns: np.ndarray[Any, np.dtype[Any]],
    when: tuple[str, str],
    ref: date,
) -> None:
    """One error per person younger than MIN_AGE or older than MAX_AGE at ``ref`` (born
    before ``ref``: later births are reported as future dates)."""
    before = (birth.dt.month > ref.month) | (
        (birth.dt.month == ref.month) & (birth.dt.day > ref.day)
    )
    age = ref.year - birth.dt.year - before.astype(int)
    wrong = birth.notna() & (birth <= pd.Timestamp(ref)) & ((age < MIN_AGE) | (age > MAX_AGE))
    for pos in np.flatnonzero(wrong.to_numpy()):
        years, born = int(age.iloc[pos]), birth.iloc[pos].date()
        sheet.add(int(pos), str(columns[pos]), "USIA_TIDAK_WAJAR",
            f"Usia {years} tahun pada {when[0]} (lahir {born}); ASN berusia {MIN_AGE}–{MAX_AGE} "
            "tahun. Periksa tanggal lahir / NIP.",
            f"Age {years} at {when[1]} (born {born}); civil servants are {MIN_AGE}–{MAX_AGE}. "
            "Check the birth date / NIP.")  # fmt: skip


def _check_nip_status_gender(sheet: _Sheet) -> None:
    """Status PNS/PPPK and gender against what the NIP encodes (warnings)."""
    nip_pppk = _nip_series(sheet, "is_pppk")
    status = sheet.out["status"]
    known = nip_pppk.notna() & status.notna()
    sheet.report(
        known & ((status == "PPPK") != nip_pppk.fillna(False).astype(bool)),
        "status_kepegawaian",
        "STATUS_TIDAK_SESUAI_NIP",
        lambda v: (
            f"Status '{v}' tidak sesuai NIP: NI PPPK memuat '21' pada digit 13–14, NIP "
            "PNS memuat bulan TMT CPNS. Periksa status_kepegawaian dan NIP."
        ),
        lambda v: (
            f"Status '{v}' does not match the number: an NI PPPK has '21' in digits "
            "13–14, a PNS NIP the TMT CPNS month. Check the status and the NIP."
        ),
    )
    nip_gender = _nip_series(sheet, "gender")
    gender = sheet.out["gender"]
    sheet.report(
        gender.notna() & nip_gender.notna() & (gender != nip_gender),
        "jenis_kelamin",
        "JENIS_KELAMIN_TIDAK_SESUAI_NIP",
        lambda v: (
            f"Jenis kelamin '{v}' berbeda dari digit ke-15 NIP (1 = L, 2 = P). "
            "Periksa dan perbaiki jenis_kelamin atau NIP."
        ),
        lambda v: (
            f"Gender '{v}' differs from NIP digit 15 (1 = male, 2 = female). "
            "Check and correct the gender or the NIP."
        ),
    )


def _check_jabatan(sheet: _Sheet) -> None:
    """Unique ids, structural kinds only, eselon consistent with the kind."""
    out = sheet.out
    _report_duplicates(
        sheet,
        pd.DataFrame({"id": out["jabatan_id"]}),
        "jabatan_id",
        "JABATAN_ID_GANDA",
        (
            "jabatan_id",
            "jabatan_id",
            "Setiap jabatan harus punya ID unik: ubah salah satu ID atau hapus baris ganda.",
            "Each post needs a unique id: change one id or delete the duplicate row.",
        ),
    )
    jenis = out["jenis_jabatan"]
    structural = jenis.isin([t.value for t in grades.STRUCTURAL_TYPES])
    sheet.report(
        jenis.notna() & ~structural,
        "jenis_jabatan",
        "JENIS_JABATAN_BUKAN_STRUKTURAL",
        lambda v: (
            f"Jenis jabatan '{v}' bukan jabatan struktural. Sheet jabatan hanya berisi "
            "JPT_MADYA / JPT_PRATAMA / ADMINISTRATOR / PENGAWAS; JF dan pelaksana cukup di sheet "
            "pegawai."
        ),
        lambda v: (
            f"Kind '{v}' is not structural. The jabatan sheet lists only JPT_MADYA / "
            "JPT_PRATAMA / ADMINISTRATOR / PENGAWAS posts; JF and pelaksana stay in pegawai."
        ),
    )
    expected = out["eselon"].map({k: v.value for k, v in grades.ESELON_TYPE.items()})
    mismatch = structural & expected.notna() & (expected != jenis)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        eselon, kind, want = out["eselon"].iloc[pos], jenis.iloc[pos], expected.iloc[pos]
        sheet.add(
            int(pos),
            "eselon",
            "ESELON_TIDAK_SESUAI_JENIS",
            f"Eselon {eselon} adalah jabatan {want}, bukan {kind}. Perbaiki eselon atau "
            "jenis_jabatan.",
            f"Eselon {eselon} is a {want} post, not {kind}. Correct the eselon or the kind.",
        )


def _check_long_duplicates(sheet: _Sheet) -> None:
    """One level per (NIP or jabatan_id, competency)."""
    is_profile = sheet.table.name == "kompetensi"
    key = "nip" if is_profile else "jabatan_id"
    owner = "NIP" if is_profile else "jabatan"
    _report_duplicates(
        sheet,
        pd.DataFrame({"key": sheet.out[key], "competency": sheet.out["competency"]}),
        "kompetensi",
        "KOMPETENSI_GANDA" if is_profile else "STANDAR_GANDA",
        (
            f"Kompetensi untuk {owner}",
            f"Competency for this {owner}",
            f"Setiap {owner} hanya satu level per kompetensi: hapus baris ganda.",
            f"One level per competency and {owner}: delete the duplicate row.",
        ),
    )


# --- consistency across tables --------------------------------------------------------------


def _check_cross(sheets: dict[str, _Sheet]) -> None:
    peg, jab = sheets.get("pegawai"), sheets.get("jabatan")
    komp, std = sheets.get("kompetensi"), sheets.get("standar_kompetensi")
    if peg is not None and jab is not None and jab.has("jabatan_id"):
        _check_holders(peg, jab)
    if peg is not None and komp is not None and peg.has("nip"):
        _check_profiles(peg, komp)
    if jab is not None and std is not None and jab.has("jabatan_id"):
        _check_standards(jab, std)


def _post_lookup(jab: _Sheet, fld: str) -> dict[str, Any]:
    """jabatan_id → value of a post field (first row of an id)."""
    ids, values = jab.out["jabatan_id"], jab.out[fld]
    keep = ids.notna() & ~ids.duplicated(keep="first")
    return dict(zip(ids[keep], values[keep], strict=True))


def _check_holders(peg: _Sheet, jab: _Sheet) -> None:
    """Posts held exist, are held once, match the holder's kind; holders meet the minimums."""
    held = peg.out["jabatan_id"]
    known = held.isin(set(jab.out["jabatan_id"].dropna()))
    peg.report(
        held.notna() & ~known,
        "jabatan_id",
        "JABATAN_ID_TIDAK_DIKENAL",
        lambda v: (
            f"jabatan_id '{v}' tidak ada di sheet jabatan. Tulis ID yang ada di sheet "
            "jabatan, atau kosongkan untuk JF/pelaksana dan jabatan di luar rencana."
        ),
        lambda v: (
            f"jabatan_id '{v}' is not in the jabatan sheet. Use an id from that sheet, "
            "or leave it empty for JF / pelaksana and posts outside the plan."
        ),
    )
    _report_duplicates(
        peg,
        pd.DataFrame({"id": held.where(known, None)}),
        "jabatan_id",
        "JABATAN_DIPEGANG_GANDA",
        (
            "Jabatan",
            "Post",
            "Satu jabatan hanya satu pemegang: kosongkan jabatan_id pada pegawai yang tidak "
            "definitif (Plt/Plh).",
            "A post has one holder: clear jabatan_id for the person who is not the definitive "
            "holder (acting).",
        ),
    )
    post_jenis = held.where(known).map(_post_lookup(jab, "jenis_jabatan"))
    jenis = peg.out["jenis_jabatan"]
    mismatch = known & jenis.notna() & post_jenis.notna() & (jenis != post_jenis)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        sheet_kind, post_kind, post = jenis.iloc[pos], post_jenis.iloc[pos], shown(held.iloc[pos])
        peg.add(
            int(pos),
            "jenis_jabatan",
            "JENIS_JABATAN_TIDAK_SESUAI_JABATAN",
            f"Jenis jabatan {sheet_kind} berbeda dari jabatan {post} yang dijabat "
            f"({post_kind}). Samakan jenis_jabatan, atau kosongkan jabatan_id bila ia tidak "
            "memegang jabatan itu.",
            f"Kind {sheet_kind} differs from the post held, {post} ({post_kind}). Make them "
            "equal, or clear jabatan_id if the person does not hold that post.",
        )
    _check_holder_minimums(peg, jab, held.where(known))


def _post_minimums(jab: _Sheet) -> tuple[dict[str, Any], dict[str, Any]]:
    """jabatan_id → minimum golongan and minimum education (overrides, else the defaults)."""
    out = jab.out
    grade = out["min_golongan"].astype(object)
    grade = grade.where(grade.notna(), out["eselon"].map(grades.ESELON_MIN_GRADE))
    default_edu = {k.value: v for k, v in _DEFAULT_MIN_EDUCATION.items()}
    edu = out["min_education"].astype(object)
    edu = edu.where(edu.notna(), out["jenis_jabatan"].map(default_edu))
    ids = out["jabatan_id"]
    keep = ids.notna() & ~ids.duplicated(keep="first")
    return (
        dict(zip(ids[keep], grade[keep], strict=True)),
        dict(zip(ids[keep], edu[keep], strict=True)),
    )


def _check_holder_minimums(peg: _Sheet, jab: _Sheet, held: pd.Series[Any]) -> None:
    """Warn about incumbents below their own post's golongan or education minimum."""
    min_grade, min_edu = _post_minimums(jab)
    grade_rank = {g: grades.grade_rank(g) for g in (*grades.PNS_GRADES, *grades.PPPK_GRADES)}
    for fld, header, code, needed, rank, what_id, what_en in (
        ("golongan", "gol_ruang", "PEMEGANG_GOLONGAN_KURANG", min_grade, grade_rank,
         "bergolongan", "grade"),
        ("education", "pendidikan", "PEMEGANG_PENDIDIKAN_KURANG", min_edu,
         grades.EDUCATION_RANK, "berpendidikan", "education"),
    ):  # fmt: skip
        need = held.map(needed)
        have_rank, need_rank = peg.out[fld].map(rank), need.map(rank)
        low = have_rank.notna() & need_rank.notna()
        low &= have_rank.astype(float) < need_rank.astype(float)
        for pos in np.flatnonzero(low.to_numpy()):
            value, minimum, post = peg.out[fld].iloc[pos], need.iloc[pos], shown(held.iloc[pos])
            peg.add(
                int(pos),
                header,
                code,
                f"Pemegang jabatan {post} {what_id} {value}, di bawah minimal {minimum}. Ia "
                "tetap boleh bertahan, tetapi tidak memenuhi syarat bila diangkat baru; "
                "periksa datanya.",
                f"The holder of {post} has {what_en} {value}, below the minimum {minimum}. "
                "Staying is allowed, a new appointment would not be; check the data.",
            )


def _check_profiles(peg: _Sheet, komp: _Sheet) -> None:
    """Scores belong to known people; people without scores are listed (warning)."""
    people = set(peg.out["nip"].dropna())
    parsed = _nip_parsed_mask(komp)
    komp.report(
        parsed & ~komp.out["nip"].isin(people),
        "nip",
        "KOMPETENSI_NIP_TIDAK_DIKENAL",
        lambda v: (
            f"NIP '{v}' di kompetensi tidak ada di sheet pegawai. Hapus baris ini atau "
            "tambahkan pegawai tersebut ke sheet pegawai."
        ),
        lambda v: (
            f"NIP '{v}' in kompetensi is not in the pegawai sheet. Delete the row or add "
            "the person to pegawai."
        ),
    )
    scored = set(komp.out["nip"].dropna())
    ok = _nip_parsed_mask(peg)
    peg.report(
        ok & ~peg.out["nip"].isin(scored),
        "nip",
        "KOMPETENSI_TIDAK_ADA",
        lambda v: (
            f"Pegawai {v} tidak punya nilai kompetensi: JPM tidak dapat dihitung dan ia "
            "tidak ditempatkan ke jabatan baru. Tambahkan hasil asesmennya di kompetensi."
        ),
        lambda v: (
            f"Person {v} has no competency scores: no JPM, and not placed into a new "
            "post. Add the assessment results to kompetensi."
        ),
    )


def _check_standards(jab: _Sheet, std: _Sheet) -> None:
    """Standards belong to known posts; posts without a standard are listed (warning)."""
    posts = set(jab.out["jabatan_id"].dropna())
    std_ids = std.out["jabatan_id"]
    std.report(
        std_ids.notna() & ~std_ids.isin(posts),
        "jabatan_id",
        "STANDAR_JABATAN_TIDAK_DIKENAL",
        lambda v: (
            f"jabatan_id '{v}' di standar_kompetensi tidak ada di sheet jabatan. Perbaiki "
            "ID atau hapus baris ini."
        ),
        lambda v: (
            f"jabatan_id '{v}' in standar_kompetensi is not in the jabatan sheet. Correct "
            "the id or delete the row."
        ),
    )
    ids = jab.out["jabatan_id"]
    jab.report(
        ids.notna() & ~ids.duplicated(keep="first") & ~ids.isin(set(std_ids.dropna())),
        "jabatan_id",
        "STANDAR_TIDAK_ADA",
        lambda v: (
            f"Jabatan {v} tidak punya standar kompetensi; dipakai standar bawaan "
            "levelnya. Tambahkan standarnya di standar_kompetensi bila ada."
        ),
        lambda v: (
            f"Post {v} has no competency standard; the default of its level is used. "
            "Add its standard to standar_kompetensi if there is one."
        ),
    )


# --- canonical frames -----------------------------------------------------------------------


_TEXT_TYPES = frozenset(
    {"nip", "text", "golongan", "eselon", "jenis", "jenjang", "education", "label", "gender",
     "status"}
)  # fmt: skip


def _frame(sheet: _Sheet) -> pd.DataFrame:
    """Canonical frame: English field names, typed columns, index = Excel row."""
    data: dict[str, pd.Series[Any]] = {}
    for col in sheet.table.columns:
        values = sheet.out[col.field].reset_index(drop=True)
        data[col.field] = values.astype("str") if col.type in _TEXT_TYPES else values
    frame = pd.DataFrame(data)
    frame.index = pd.Index(sheet.rows, name="row")
    return frame


__all__ = [
    "CODES",
    "CodeInfo",
    "normalize_gender",
    "normalize_status",
    "parse_dates",
    "sort_issues",
    "validate_tables",
]
