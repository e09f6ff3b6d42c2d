"""The readers' located messages come from the catalogue (placement/domain/messages.py), and
say byte for byte what they said when the readers built them inline (tests/data/
io_messages.json, captured before the move)."""

from __future__ import annotations

import ast
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_validate import base, write_csvs

from placement.io.cells import ReadLimits
from placement.io.readers import read_tables

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "io_messages.json"


def _missing_path(tmp: Path) -> tuple[Path, ReadLimits]:
    return tmp / "tidak-ada", ReadLimits()


def _not_a_workbook(tmp: Path) -> tuple[Path, ReadLimits]:
    (tmp / "data.ods").write_bytes(b"x")
    return tmp / "data.ods", ReadLimits()


def _two_workbooks(tmp: Path) -> tuple[Path, ReadLimits]:
    for name in ("a.xlsx", "b.xlsx"):
        Workbook().save(tmp / name)
    return tmp, ReadLimits()


def _csv_defects(tmp: Path) -> tuple[Path, ReadLimits]:
    """An ignored workbook, a missing required and a missing optional csv, unknown, duplicate
    and unnamed columns, a long row and an empty file."""
    tables = base()
    del tables["jabatan"], tables["kompetensi"]
    write_csvs(tmp, tables)
    pegawai = (tmp / "pegawai.csv").read_text("utf-8").splitlines()
    pegawai[0] += ",Hobi,NIP BARU,"
    pegawai[1] += ",x,y,isi"
    pegawai[2] += ",,,,lebih"
    (tmp / "pegawai.csv").write_text("\n".join(pegawai) + "\n", "utf-8")
    (tmp / "standar_kompetensi.csv").write_text("\n\n", "utf-8")
    Workbook().save(tmp / "lama.xlsx")
    return tmp, ReadLimits()


def _too_big_csv(tmp: Path) -> tuple[Path, ReadLimits]:
    write_csvs(tmp, base())
    return tmp, ReadLimits(part_bytes=50)


def _too_many_csv_cells(tmp: Path) -> tuple[Path, ReadLimits]:
    write_csvs(tmp, base())
    return tmp, ReadLimits(cells=20)


def _damaged_workbook(tmp: Path) -> tuple[Path, ReadLimits]:
    (tmp / "data.xlsx").write_bytes(b"PK\x03\x04 bukan zip")
    return tmp / "data.xlsx", ReadLimits()


def _workbook_without_sheets(tmp: Path) -> tuple[Path, ReadLimits]:
    book = Workbook()
    book.active.title = "lain"
    book.save(tmp / "data.xlsx")
    return tmp / "data.xlsx", ReadLimits()


def _workbook_big_part(tmp: Path) -> tuple[Path, ReadLimits]:
    book = Workbook()
    book.active.title = "pegawai"
    book.active.append(["nip"] * 50)
    book.save(tmp / "data.xlsx")
    with zipfile.ZipFile(tmp / "data.xlsx") as z:
        biggest = max(i.file_size for i in z.infolist())
    return tmp / "data.xlsx", ReadLimits(part_bytes=biggest - 1)


def _workbook_many_cells(tmp: Path) -> tuple[Path, ReadLimits]:
    book = Workbook()
    book.active.title = "pegawai"
    for i in range(10):
        book.active.append([f"v{i}"] * 5)
    book.save(tmp / "data.xlsx")
    return tmp / "data.xlsx", ReadLimits(cells=12)


CASES: dict[str, Callable[[Path], tuple[Path, ReadLimits]]] = {
    f.__name__.lstrip("_"): f
    for f in (
        _missing_path,
        _not_a_workbook,
        _two_workbooks,
        _csv_defects,
        _too_big_csv,
        _too_many_csv_cells,
        _damaged_workbook,
        _workbook_without_sheets,
        _workbook_big_part,
        _workbook_many_cells,
    )
}


def messages(tmp: Path, name: str) -> list[list[object]]:
    """The issues of one damaged input, paths made relative to ``tmp``."""
    path, limits = CASES[name](tmp)
    _, issues, _ = read_tables(path, limits)
    return [
        [
            x.file.replace(str(tmp), "TMP"),
            x.row,
            x.column,
            x.code,
            str(x.severity),
            x.message_id.replace(str(tmp), "TMP"),
            x.message_en.replace(str(tmp), "TMP"),
        ]
        for x in issues
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_messages_are_those_said_before_the_catalogue(tmp_path: Path, name: str) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))[name]
    assert messages(tmp_path, name) == expected


def test_io_builds_no_message_inline() -> None:
    """No ``error(...)`` / ``warning(...)`` with inline texts in placement/io: the catalogue's
    ``issue()`` builds every located message."""
    inline = []
    for path in sorted((ROOT / "placement" / "io").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"error", "warning"}:
                inline.append(f"{path.name}:{node.lineno}")
    assert inline == []


if (
    __name__ == "__main__"
):  # capture: python tests/test_io_messages.py > tests/data/io_messages.json
    import sys
    import tempfile

    out = {}
    for case in sorted(CASES):
        with tempfile.TemporaryDirectory() as d:
            out[case] = messages(Path(d), case)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
