"""Readers: encodings, separators, workbooks, numeric NIP cells, header aliases, provenance."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_validate import NIP_BUDI, NIP_DEWI, base, write_csvs

from placement.domain.errors import PlacementError
from placement.domain.schema import TABLES
from placement.io.decode import decode_bytes, sniff_separator
from placement.io.readers import load_dataset, read_tables, validate_path


def _codes(folder: Path) -> list[str]:
    _, issues, _ = validate_path(folder)
    return [i.code for i in issues]


# --- csv --------------------------------------------------------------------------------------


def test_reads_cp1252_csv(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][0]["nama"] = "José Müller"
    write_csvs(tmp_path, tables, encoding="cp1252")
    assert (tmp_path / "pegawai.csv").read_bytes().count("é".encode("cp1252")) == 1
    ds, warnings = load_dataset(tmp_path)
    assert warnings == []
    assert ds.person(NIP_BUDI).name == "José Müller"


def test_reads_semicolon_csv_with_decimal_comma(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][0]["nama"] = "Budi, S.T."  # comma inside a value, no quoting needed
    write_csvs(tmp_path, tables, sep=";")
    ds, warnings = load_dataset(tmp_path)
    assert warnings == []
    assert ds.person(NIP_BUDI).name == "Budi, S.T."
    assert ds.profile(NIP_BUDI).levels["kerja sama"] == 3.25


def test_reads_utf8_bom_csv(tmp_path: Path) -> None:
    write_csvs(tmp_path, base(), encoding="utf-8-sig")
    assert (tmp_path / "pegawai.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    tables, issues, _ = read_tables(tmp_path)
    assert issues == []
    assert tables["pegawai"].columns[0] == "nip"


def test_reads_utf16_tab_csv(tmp_path: Path) -> None:
    write_csvs(tmp_path, base(), sep="\t", encoding="utf-16")
    assert _codes(tmp_path) == []


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Jos\u00e9".encode(), "Jos\u00e9"),
        (b"\xef\xbb\xbfJos\xc3\xa9", "Jos\u00e9"),
        ("Jos\u00e9".encode("cp1252"), "Jos\u00e9"),
        (b"\x81\x8d", "\x81\x8d"),  # undefined in cp1252: latin-1 never fails
    ],
)
def test_decode_bytes(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("line", "sep"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("a", ","), ("a;b,c;d", ";")],
)
def test_sniff_separator(line: str, sep: str) -> None:
    assert sniff_separator(f"\n{line}\n1,2,3\n") == sep


def test_apostrophes_null_and_spaces_are_cleaned(tmp_path: Path) -> None:
    tables = base()
    budi = tables["pegawai"][0]
    budi.update(nip=f"'{NIP_BUDI}", jurusan="null", nama="  Budi Santoso  ", job_fit="NULL")
    tables["kompetensi"][0]["nip"] = f"'{NIP_BUDI}"
    ds, _ = load_dataset(write_csvs(tmp_path, tables))
    person = ds.person(NIP_BUDI)
    assert (person.name, person.major, person.job_fit) == ("Budi Santoso", None, None)


def test_blank_rows_are_skipped_but_rows_keep_excel_numbers(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][2]["kotak_talenta"] = "12"
    folder = write_csvs(tmp_path, tables)
    path = folder / "pegawai.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, ",,,")  # an empty row 3: the bad row moves from 4 to 5
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw, _, _ = read_tables(folder)
    assert list(raw["pegawai"].index) == [2, 4, 5, 6, 7]
    _, issues, _ = validate_path(folder)
    assert [(i.code, i.row) for i in issues] == [("KOTAK_TALENTA_TIDAK_VALID", 5)]


def test_siasn_headers_are_mapped(tmp_path: Path) -> None:
    aliases = {
        "nip": "NIP BARU",
        "nama": "NAMA",
        "tanggal_lahir": "TANGGAL LAHIR",
        "jenis_kelamin": "JENIS KELAMIN",
        "status_kepegawaian": "JENIS PEGAWAI NAMA",
        "gol_ruang": "GOL AKHIR NAMA",
        "unit_kerja": "UNOR NAMA",
        "jenis_jabatan": "JENIS JABATAN NAMA",
        "pendidikan": "TINGKAT PENDIDIKAN NAMA",
        "jurusan": "PENDIDIKAN NAMA",
        "jabatan_id": "JABATAN_ID",
        "tmt_golongan": "TMT GOLONGAN",
        "tmt_jabatan": "tmtJabatan",
    }
    tables = base()
    tables["pegawai"] = [{aliases.get(k, k): v for k, v in r.items()} for r in tables["pegawai"]]
    for r in tables["kompetensi"]:
        r["nipBaru"] = r.pop("nip")
    for r in tables["jabatan"]:
        r["ESELON NAMA"] = r.pop("eselon")
    folder = write_csvs(tmp_path, tables)
    raw, issues, _ = read_tables(folder)
    assert issues == []
    assert list(raw["pegawai"].columns) == [c.header for c in TABLES[0].columns]
    ds, warnings = load_dataset(folder)
    assert warnings == [] and ds.holder_of("J-001") == NIP_BUDI


def test_unknown_columns_are_kept_and_warned(tmp_path: Path) -> None:
    tables = base()
    for r in tables["pegawai"]:
        r["KEDUDUKAN HUKUM NAMA"] = "Aktif"
    raw, issues, _ = read_tables(write_csvs(tmp_path, tables))
    assert "KEDUDUKAN HUKUM NAMA" in raw["pegawai"].columns
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("KOLOM_TIDAK_DIKENAL", 1, "KEDUDUKAN HUKUM NAMA")
    ]


def test_content_under_an_empty_header_is_warned(tmp_path: Path) -> None:
    folder = write_csvs(tmp_path, base())
    path = folder / "jabatan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",", lines[1] + ",catatan", *(line + "," for line in lines[2:])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, issues, _ = read_tables(folder)
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("KOLOM_TIDAK_DIKENAL", 2, "kolom ke-11")
    ]


def test_file_names_are_case_insensitive(tmp_path: Path) -> None:
    folder = write_csvs(tmp_path, base())
    (folder / "standar_kompetensi.csv").rename(folder / "Standar Kompetensi.csv")
    (folder / "pegawai.csv").rename(folder / "PEGAWAI.CSV")
    assert _codes(folder) == []


def test_hashes_are_sha256_of_the_files(tmp_path: Path) -> None:
    folder = write_csvs(tmp_path, base())
    _, _, hashes = read_tables(folder)
    assert hashes == {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.csv")
    }
    ds, _ = load_dataset(folder)
    assert ds.sources == hashes


def test_load_dataset_raises_with_every_issue(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][0]["kotak_talenta"] = "0"
    tables["jabatan"][0]["prioritas"] = "0"
    with pytest.raises(PlacementError) as exc:
        load_dataset(write_csvs(tmp_path, tables))
    assert [i.code for i in exc.value.issues] == [
        "KOTAK_TALENTA_TIDAK_VALID",
        "PRIORITAS_TIDAK_VALID",
    ]


def test_a_csv_file_is_not_a_data_path(tmp_path: Path) -> None:
    folder = write_csvs(tmp_path, base())
    assert _codes(folder / "pegawai.csv") == ["FILE_TIDAK_TERBACA"]


# --- xlsx -------------------------------------------------------------------------------------


def _workbook(
    path: Path, tables: dict[str, list[dict[str, object]]], titles: dict[str, str] | None = None
) -> Path:
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for name, rows in tables.items():
        ws = wb.create_sheet((titles or {}).get(name, name))
        header = list(rows[0])
        ws.append(header)
        for r in rows:
            ws.append([r[h] for h in header])
    wb.save(path)
    return path


def _objects(tables: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, object]]]:
    return {name: [dict(r) for r in rows] for name, rows in tables.items()}


def test_reads_workbook_with_case_insensitive_sheet_names(tmp_path: Path) -> None:
    titles = {"pegawai": "Pegawai", "standar_kompetensi": "STANDAR KOMPETENSI"}
    book = _workbook(tmp_path / "data.xlsx", _objects(base()), titles)
    for path in (book, tmp_path):
        ds, warnings = load_dataset(path)
        assert warnings == [] and ds.n_people == 5
        assert set(ds.sources) == {"data.xlsx"}


@pytest.mark.parametrize("value", [int(NIP_DEWI), float(NIP_DEWI)])
def test_numeric_nip_cell_in_workbook_is_detected(tmp_path: Path, value: object) -> None:
    tables = _objects(base())
    tables["pegawai"][3]["nip"] = value
    _, issues, _ = validate_path(_workbook(tmp_path / "data.xlsx", tables))
    hits = [(i.file, i.row, i.column) for i in issues if i.code == "NIP_EXCEL_ANGKA"]
    assert hits == [("data.xlsx:pegawai", 5, "nip")]


def test_numeric_nip_in_kompetensi_sheet_is_detected(tmp_path: Path) -> None:
    tables = _objects(base())
    tables["kompetensi"][0]["nip"] = int(NIP_BUDI)
    _, issues, _ = validate_path(_workbook(tmp_path / "data.xlsx", tables))
    assert [(i.code, i.file, i.row) for i in issues] == [
        ("NIP_EXCEL_ANGKA", "data.xlsx:kompetensi", 2)
    ]


def test_workbook_cells_of_other_types(tmp_path: Path) -> None:
    tables = _objects(base())
    budi = tables["pegawai"][0]
    budi.update(tanggal_lahir=datetime(1970, 1, 1), kotak_talenta=8, tmt_golongan=43556)
    tables["jabatan"][0]["wajib_isi"] = True
    tables["kompetensi"][1]["level"] = 3.25
    ds, warnings = load_dataset(_workbook(tmp_path / "data.xlsx", tables))
    assert warnings == []
    person = ds.person(NIP_BUDI)
    assert person.talent_box == 8 and str(person.tmt_golongan) == "2019-04-01"
    assert ds.post("J-001").must_fill is True
    assert ds.profile(NIP_BUDI).levels["kerja sama"] == 3.25


def test_missing_sheet(tmp_path: Path) -> None:
    tables = _objects(base())
    del tables["jabatan"]
    _, issues, _ = validate_path(_workbook(tmp_path / "data.xlsx", tables))
    assert [(i.code, i.file) for i in issues] == [("FILE_TIDAK_ADA", "data.xlsx:jabatan")]


def test_damaged_workbook(tmp_path: Path) -> None:
    (tmp_path / "data.xlsx").write_bytes(b"not a zip file")
    assert _codes(tmp_path) == ["FILE_TIDAK_TERBACA"]


def test_several_workbooks(tmp_path: Path) -> None:
    _workbook(tmp_path / "a.xlsx", _objects(base()))
    _workbook(tmp_path / "b.xlsx", _objects(base()))
    assert _codes(tmp_path) == ["WORKBOOK_GANDA"]
    _workbook(tmp_path / "data.xlsx", _objects(base()))
    assert _codes(tmp_path) == []


def test_csv_wins_over_workbook(tmp_path: Path) -> None:
    write_csvs(tmp_path, base())
    (tmp_path / "lama.xlsx").write_bytes(b"ignored")
    (tmp_path / "~$lock.xlsx").write_bytes(b"lock file")
    assert _codes(tmp_path) == ["FILE_DIABAIKAN"]


# --- the fast workbook reader agrees with openpyxl ---------------------------------------------

_SHARED_STRINGS_BOOK = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/sharedStrings.xml": (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>nip</t></si><si><t>nama</t></si><si><t>tanggal_lahir</t></si>"
        "<si><t>kotak_talenta</t></si>"
        '<si><r><t>Budi </t></r><r><rPr><b/></rPr><t xml:space="preserve">Santoso &amp; Co</t></r>'
        '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>'
        "<si><t>197001012000011001</t></si>"
        "</sst>"
    ),
    "xl/styles.xml": (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
        "</styleSheet>"
    ),
    "xl/worksheets/sheet1.xml": (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="F1" t="b"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>4</v></c>'
        '<c r="C2" s="1"><v>25569</v></c><c r="D2"><v>8</v></c><c r="E2" t="e"><v>#N/A</v></c></row>'
        '<row r="4"><c t="n"><v>1.97001012000011E+17</v></c><c t="inlineStr"><is><t>Siti</t></is></c>'
        '<c s="2"><v>29253.5</v></c><c t="str"><f>A1</f><v>x</v></c></row>'
        "</sheetData></worksheet>"
    ),
}


def _zip(path: Path, parts: dict[str, str]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def _trimmed(sheets: object) -> object:
    """Rows as lists without trailing empty cells (padding differs between readers)."""
    assert isinstance(sheets, dict)
    out = {}
    for title, sheet in sheets.items():
        trimmed = [list(sheet.rows.get(i, [])) for i in range(max(sheet.rows, default=-1) + 1)]
        for row in trimmed:
            while row and row[-1] == "":
                row.pop()
        out[title] = (trimmed, sheet.numeric)
    return out


def _both(data: bytes) -> tuple[object, object]:
    from placement.io.cells import _Read
    from placement.io.xlsx import _fast_sheets, _openpyxl_sheets

    return _trimmed(_fast_sheets(data)), _trimmed(_openpyxl_sheets(data, "x.xlsx", _Read()))


def test_fast_reader_matches_openpyxl_on_shared_strings(tmp_path: Path) -> None:
    data = _zip(tmp_path / "book.xlsx", _SHARED_STRINGS_BOOK).read_bytes()
    fast, slow = _both(data)
    assert fast == slow
    rows, numeric = fast["Pegawai"]  # type: ignore[index]
    assert rows[1][:5] == [NIP_BUDI, "Budi Santoso & Co", "1970-01-01", "8", "#N/A"]
    assert rows[2] == []  # the missing row 3
    assert rows[3] == ["1.97001012000011e+17", "Siti", "1980-02-02 12:00:00", "x"]
    assert numeric == {0: {3}, 3: {1}}


def test_fast_reader_matches_openpyxl_on_written_workbooks(tmp_path: Path) -> None:
    tables = _objects(base())
    tables["pegawai"][0].update(tanggal_lahir=datetime(1970, 1, 1), kotak_talenta=8, nama="=x")
    tables["pegawai"][1]["nip"] = int(NIP_BUDI)
    tables["jabatan"][0]["wajib_isi"] = True
    tables["kompetensi"][1]["level"] = 3.25
    data = _workbook(tmp_path / "data.xlsx", tables).read_bytes()
    fast, slow = _both(data)
    assert fast == slow


def test_damaged_workbooks_fall_back_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from placement.io import xlsx_stream

    def broken(self: object, data: bytes, max_cells: int) -> None:
        raise KeyError("no")

    book = _workbook(tmp_path / "data.xlsx", _objects(base()))
    monkeypatch.setattr(xlsx_stream._FastWorkbook, "__init__", broken)
    ds, warnings = load_dataset(book)
    assert warnings == [] and ds.n_people == 5
