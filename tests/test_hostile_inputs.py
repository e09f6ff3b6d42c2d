"""Hostile input is refused, located, in seconds and in bounded memory (issue 20, items 5–8, 10).

The bombs are generated here. The memory cases run together in one child process whose address
space is capped (RLIMIT_AS) a few hundred MB above what its imports took, so a reader that
expands a bomb dies with MemoryError there instead of filling the machine.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from placement.cli.base import main
from placement.config import (
    MAX_YAML_ALIASES,
    MAX_YAML_BYTES,
    load_scenario,
    scenario_from_text,
)
from placement.domain.errors import PlacementError
from placement.domain.schema import TABLES
from placement.io.readers import ReadLimits, read_tables
from placement.io.writers import FORMULA_PREFIXES, write_dataset
from placement.synth import generate

ROOT = Path(__file__).resolve().parents[1]
MB = 2**20


def alias_bomb() -> str:
    """The 342-byte "billion laughs": 9 levels of 9 aliases, 9**9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _header_book(path: Path) -> Workbook:
    """A workbook with every table's header row (pegawai first)."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        wb.create_sheet(table.name).append([c.header for c in table.columns])
    return wb


def far_corner_book(path: Path) -> Path:
    """The header plus two cells in the last row of Excel, A1048576 and XFD1048576."""
    wb = _header_book(path)
    wb["pegawai"]["A1048576"] = "197001012000011001"
    wb["pegawai"]["XFD1048576"] = "x"
    wb.save(path)
    return path


_ROW = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 100 + "</row>"


def zip_bomb(path: Path, sheet_bytes: int) -> Path:
    """A real workbook whose pegawai sheet XML inflates to about ``sheet_bytes`` (rows of 100
    cells) but deflates to a small fraction of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = path.with_name("plain.xlsx")
    _header_book(plain).save(plain)
    chunk = (_ROW * (MB // len(_ROW))).encode()
    with (
        zipfile.ZipFile(plain) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, src.read(info))
                continue
            text = src.read(info).decode()
            head, tail = text.split("<sheetData>")[0], "</sheetData></worksheet>"
            with out.open(info.filename, "w", force_zip64=True) as part:
                part.write(f"{head}<sheetData>".encode())
                for _ in range(sheet_bytes // len(chunk) + 1):
                    part.write(chunk)
                part.write(tail.encode())
    plain.unlink()
    return path


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from placement.config import load_scenario
from placement.domain.errors import PlacementError
from placement.io.readers import ReadLimits, validate_path

status = Path("/proc/self/status").read_text()
used = int(status.split("VmSize:")[1].split()[0]) * 1024
cap = used + 600 * 2**20
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
for name, kind, path, part_mb in json.loads(sys.argv[1]):
    start = time.perf_counter()
    out = {"case": name}
    try:
        if kind == "scenario":
            load_scenario(Path(path))
            issues = []
        else:
            limits = ReadLimits() if part_mb is None else ReadLimits(part_bytes=part_mb * 2**20)
            issues = validate_path(Path(path), limits=limits)[1]
    except PlacementError as exc:
        issues = exc.issues
    except BaseException as exc:
        out["crash"] = type(exc).__name__
        issues = []
    out["seconds"] = time.perf_counter() - start
    out["issues"] = [[i.file, i.row, i.column, i.code, i.message_id] for i in issues]
    print(json.dumps(out), flush=True)
"""


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every memory case run once in the memory-capped child; results by case name."""
    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    cases = [
        ("alias_bomb", "scenario", str(tmp / "bomb.yaml"), None),
        ("far_corner", "read", str(far_corner_book(tmp / "corner.xlsx")), None),
        ("bomb_small_cap", "read", str(zip_bomb(tmp / "small" / "data.xlsx", 3 * MB)), 1),
        ("bomb_default_cap", "read", str(zip_bomb(tmp / "big" / "data.xlsx", 205 * MB)), None),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(cases)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    results = {r["case"]: r for r in map(json.loads, proc.stdout.splitlines())}
    return {name: results.get(name, {"died": proc.stderr[-2000:]}) for name, *_ in cases}


def _codes(result: dict[str, Any]) -> set[str]:
    return {issue[3] for issue in result.get("issues", [])}


# --- item 5: YAML bombs ---------------------------------------------------------------------


def test_alias_bomb_is_refused_located_in_a_memory_capped_child(
    limited: dict[str, dict[str, Any]],
) -> None:
    result = limited["alias_bomb"]
    assert "crash" not in result and "died" not in result, result
    assert result["seconds"] < 2
    [(file, row, _, code, message)] = result["issues"]
    assert file.endswith("bomb.yaml") and row is not None and code == "SKENARIO_YAML_TERLALU_BESAR"
    assert "alias" in message and len(message) < 300


def test_alias_bomb_on_the_command_line_exits_1_without_a_traceback(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    start = time.perf_counter()
    args = ["solve", str(tmp_path), "--scenario", str(bomb), "--out", str(tmp_path / "hasil")]
    res = CliRunner().invoke(main, args)
    assert time.perf_counter() - start < 5
    assert res.exit_code == 1 and "Traceback" not in res.output, res.output
    assert "SKENARIO_YAML_TERLALU_BESAR" in res.output and "lol" not in res.output


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: &a [1, *a]\n", "memuatnya"),  # recursive: infinite once expanded
        ("x: " + "[" * 200 + "]" * 200 + "\n", "bersarang"),
        ("a: &a 1\nb: [" + ", ".join(["*a"] * (MAX_YAML_ALIASES + 1)) + "]\n", "alias"),
        ("# " + "x" * MAX_YAML_BYTES + "\n", "karakter"),
    ],
    ids=["recursive", "deep", "aliases", "big"],
)
def test_yaml_beyond_a_budget_is_refused(text: str, reason: str) -> None:
    with pytest.raises(PlacementError) as info:
        scenario_from_text(text)
    [issue] = info.value.issues
    assert issue.code == "SKENARIO_YAML_TERLALU_BESAR" and reason in issue.message_id
    assert len(issue.message_id) < 300


def test_oversized_scenario_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    path.write_bytes(b"nama: x\n" + b"#" * MAX_YAML_BYTES)
    with pytest.raises(PlacementError) as info:
        load_scenario(path)
    assert info.value.issues[0].code == "SKENARIO_YAML_TERLALU_BESAR"


def test_anchors_within_the_budget_still_work(tmp_path: Path) -> None:
    path = tmp_path / "skenario.yaml"
    path.write_text("kunci: &k [{nip: '1', jabatan_id: J1}]\nlarang: *k\n", encoding="utf-8")
    sc = load_scenario(path)
    assert sc.kunci == sc.larang and sc.kunci[0].jabatan_id == "J1"


def test_errors_quote_only_a_short_excerpt_of_a_value() -> None:
    with pytest.raises(PlacementError) as info:
        scenario_from_text("nama: [" + ", ".join(["'" + "x" * 5000 + "'"] * 100) + "]\n")
    [issue] = info.value.issues
    assert issue.column == "nama" and len(issue.message_id) < 300 and len(issue.message_en) < 300


# --- item 6: spreadsheet memory --------------------------------------------------------------


def test_far_corner_cells_are_stored_sparse(limited: dict[str, dict[str, Any]]) -> None:
    result = limited["far_corner"]
    assert "crash" not in result and "died" not in result, result
    assert result["seconds"] < 5
    rows = {issue[1] for issue in result["issues"]}
    assert 1_048_576 in rows  # the far row is read and its problems located
    assert ["corner.xlsx:pegawai", 1_048_576, "kolom ke-16384", "KOLOM_TIDAK_DIKENAL"] in [
        issue[:4] for issue in result["issues"]
    ]
    assert "FILE_TIDAK_TERBACA" not in _codes(result)


def test_zip_bomb_over_a_lowered_cap_is_refused(limited: dict[str, dict[str, Any]]) -> None:
    result = limited["bomb_small_cap"]
    assert "crash" not in result and "died" not in result, result
    assert result["seconds"] < 2
    [(file, _, _, code, message)] = result["issues"]
    assert (file, code) == ("data.xlsx", "FILE_TERLALU_BESAR")
    assert "xl/worksheets/sheet1.xml" in message and "batas 1 MB" in message


def test_zip_bomb_over_the_default_cap_is_refused_from_its_declared_size(
    limited: dict[str, dict[str, Any]],
) -> None:
    result = limited["bomb_default_cap"]
    assert "crash" not in result and "died" not in result, result
    assert result["seconds"] < 2
    [(file, _, _, code, message)] = result["issues"]
    assert (file, code) == ("data.xlsx", "FILE_TERLALU_BESAR") and "batas 200 MB" in message


def test_cell_cap_refuses_a_sheet_at_the_row_it_is_reached(tmp_path: Path) -> None:
    wb = _header_book(tmp_path)
    for i in range(300):
        wb["pegawai"].append([f"1970010120000110{i:02d}", "Budi"] + ["x"] * 8)
    wb.save(tmp_path / "data.xlsx")
    _, issues, _ = read_tables(tmp_path / "data.xlsx", ReadLimits(cells=1000))
    [issue] = [i for i in issues if i.code == "FILE_TERLALU_BESAR"]
    assert issue.file == "data.xlsx:pegawai" and issue.row is not None and 90 < issue.row < 110


def test_cell_cap_refuses_a_csv(tmp_path: Path) -> None:
    for table in TABLES:
        with (tmp_path / f"{table.name}.csv").open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([[c.header for c in table.columns]] + [["1"] * 5] * 500)
    _, issues, _ = read_tables(tmp_path, ReadLimits(cells=1000))
    assert {(i.file, i.code) for i in issues} >= {("pegawai.csv", "FILE_TERLALU_BESAR")}


def test_a_wide_header_over_many_rows_is_refused_before_building_the_table(tmp_path: Path) -> None:
    wb = _header_book(tmp_path)
    ws = wb["jabatan"]
    for j in range(30, 300):
        ws.cell(row=1, column=j, value=f"tambahan{j}")
    for i in range(2, 200):
        ws.cell(row=i, column=1, value=f"J{i}")
    wb.save(tmp_path / "data.xlsx")
    _, issues, _ = read_tables(tmp_path / "data.xlsx", ReadLimits(cells=20_000))
    [issue] = [i for i in issues if i.code == "FILE_TERLALU_BESAR"]
    assert issue.file == "data.xlsx:jabatan" and "kolom" in issue.message_id


def test_the_openpyxl_fallback_counts_the_cells_it_fills_in() -> None:
    from placement.io.cells import ReadLimitError
    from placement.io.xlsx import _sheet_rows

    class Endless:
        def iter_rows(self, values_only: bool) -> Iterator[tuple[None, ...]]:
            while True:
                yield (None,) * 16_384

    with pytest.raises(ReadLimitError) as info:
        _sheet_rows(Endless(), 100_000)
    assert info.value.row == 7  # 100_000 cells are 6.1 rows of 16_384


# --- item 10: every csv/xlsx export guards formula text ---------------------------------------

FORMULA = '=HYPERLINK("http://contoh.invalid","klik")'


def _formula_dataset(folder: Path) -> tuple[Path, str]:
    """The tiny dataset with formula-like names, posts, OPDs and an extra column header."""
    ds = generate("tiny", 0)
    opds = {opd: f"@{opd}" for opd in ds.jabatan["opd"].unique()}
    ds.pegawai["name"] = "=" + ds.pegawai["name"].astype(str)
    ds.pegawai["unit"] = ds.pegawai["unit"].map(lambda u: opds.get(u, f"+{u}"))
    ds.jabatan["name"] = "-" + ds.jabatan["name"].astype(str)
    ds.jabatan["opd"] = ds.jabatan["opd"].map(opds)
    write_dataset(ds, folder)
    pegawai = folder / "pegawai.csv"
    rows = list(csv.reader(pegawai.read_text(encoding="utf-8").splitlines()))
    rows = [[*rows[0], FORMULA]] + [[*r, ""] for r in rows[1:]]
    with pegawai.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return folder, str(ds.jabatan["jabatan_id"].iloc[-1])


def _unsafe_csv_cells(text: str) -> list[str]:
    """Cells a spreadsheet would run as a formula (signed numbers are numbers)."""
    bad = []
    for row in csv.reader(text.splitlines()):
        for cell in row:
            if cell.startswith(FORMULA_PREFIXES):
                try:
                    float(cell)
                except ValueError:
                    bad.append(cell)
    return bad


def _unsafe_xlsx_cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    return [
        v
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str) and v.startswith(FORMULA_PREFIXES)
    ]


def test_every_csv_and_xlsx_export_guards_formula_text(tmp_path: Path) -> None:
    data, post = _formula_dataset(tmp_path / "data")
    out, exports = tmp_path / "hasil", tmp_path / "ekspor"
    runner = CliRunner()
    stdout: dict[str, str] = {}

    def run(*args: str) -> str:
        res = runner.invoke(main, list(args))
        assert res.exit_code in (0, 1), res.output
        return res.stdout

    stdout["validate"] = run("validate", str(data), "--format", "csv")
    columns = [row[2] for row in csv.reader(stdout["validate"].splitlines())]
    assert "'" + FORMULA in columns  # the header is reported, guarded
    run("solve", str(data), "--out", str(out / "=1+1"), "--date", "2026-07-01", "--no-store")
    shutil.copytree(out / "=1+1", out / "@b")
    plans = [str(out / "=1+1"), str(out / "@b")]
    stdout["compare"] = run("compare", *plans, "--format", "csv")
    run("compare", *plans, "--format", "csv", "--out", str(exports / "banding.csv"))
    run("compare", *plans, "--format", "xlsx", "--out", str(exports / "banding.xlsx"))
    eligibility = ["eligibility", str(data), "--jabatan", post, "--date", "2026-07-01"]
    stdout["eligibility"] = run(*eligibility, "--format", "csv")
    run(*eligibility, "--format", "xlsx", "--out", str(exports / "kelayakan.xlsx"))
    files = sorted([*out.rglob("*.csv"), *out.rglob("*.xlsx"), *exports.iterdir()])
    assert len(files) >= 8 and all(stdout.values())
    bad = {name: _unsafe_csv_cells(text) for name, text in stdout.items()}
    for path in files:
        text = path.read_text(encoding="utf-8") if path.suffix == ".csv" else None
        bad[str(path)] = _unsafe_csv_cells(text) if text is not None else _unsafe_xlsx_cells(path)
    assert {k: v[:3] for k, v in bad.items() if v} == {}
