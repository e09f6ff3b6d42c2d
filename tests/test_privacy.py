"""Pseudonymisation (UU 27/2022 PDP): pseudonymize → solve → depseudonymize gives the plan of the
original data; nothing personal in the shared folder; stable pseudonyms; clear user errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from placement.api import solve
from placement.cli.base import main
from placement.config import Lingkup, Skenario
from placement.domain.errors import Severity
from placement.domain.nip import parse_nip
from placement.io.readers import load_dataset, validate_path
from placement.io.writers import write_dataset
from placement.privacy import (
    KeyFile,
    assign_pseudonyms,
    depseudonymize_plan,
    load_key,
    pseudonymize_path,
    save_key,
)
from placement.report.outputs import verify_outputs, write_outputs
from placement.synth import generate, preset_plan_date

FIXED_KEY = bytes(range(32))


def fixed_key(path: Path, key: bytes = FIXED_KEY) -> Path:
    return save_key(KeyFile(key, {}, "2026-01-01T00:00:00"), path)


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tiny") / "data"
    write_dataset(generate("tiny", 0), out)
    return out


@pytest.fixture(scope="module")
def crowded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kabupaten data where many people share birth date, TMT CPNS and gender (the first 15
    NIP digits), so that pseudonym sequences collide and must be probed."""
    out = tmp_path_factory.mktemp("crowded") / "data"
    write_dataset(generate("kabupaten", 0), out)
    peg = pd.read_csv(out / "pegawai.csv", dtype=str, keep_default_na=False)
    prefix = peg["nip"].str[0:4] + "0101" + peg["nip"].str[8:12]
    prefix += peg["nip"].str[12:14].where(peg["nip"].str[12:14] == "21", "01")
    prefix += peg["nip"].str[14]
    seq = prefix.groupby(prefix).cumcount() + 1
    peg["nip"] = prefix + seq.map("{:03d}".format)
    peg["tanggal_lahir"] = prefix.str[0:4] + "-01-01"
    old = pd.read_csv(out / "pegawai.csv", dtype=str, keep_default_na=False)["nip"]
    komp = pd.read_csv(out / "kompetensi.csv", dtype=str, keep_default_na=False)
    komp["nip"] = komp["nip"].map(dict(zip(old, peg["nip"], strict=True)))
    peg.to_csv(out / "pegawai.csv", index=False)
    komp.to_csv(out / "kompetensi.csv", index=False)
    assert prefix.value_counts().max() >= 10
    return out


def pseudonymize(src: Path, tmp: Path, key: bytes = FIXED_KEY) -> Path:
    out = tmp / "samaran"
    pseudonymize_path(src, out, fixed_key(tmp / "k.kunci.json", key))
    return out


def all_bytes(folder: Path) -> bytes:
    """Every byte of every file, xlsx members unzipped."""
    chunks = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                data += b"".join(z.read(n) for n in z.namelist())
        chunks.append(data)
    return b"\n".join(chunks)


def test_pseudonymised_data_validates_and_keeps_what_rules_need(
    tiny_dir: Path, tmp_path: Path
) -> None:
    out = pseudonymize(tiny_dir, tmp_path)
    _, issues, _ = validate_path(out)
    _, before, _ = validate_path(tiny_dir)
    assert not [i for i in issues if i.severity is Severity.ERROR]
    assert {i.code for i in issues} <= {i.code for i in before}
    orig, _ = load_dataset(tiny_dir)
    pseudo, _ = load_dataset(out)
    for a, b in zip(orig.pegawai["nip"], pseudo.pegawai["nip"], strict=True):
        pa, pb = parse_nip(a), parse_nip(b)
        assert a != b and a[:15] == b[:15]
        assert (pa.birth_date, pa.tmt_cpns, pa.gender, pa.is_pppk) == (
            pb.birth_date,
            pb.tmt_cpns,
            pb.gender,
            pb.is_pppk,
        )
    assert pseudo.pegawai["name"].str.fullmatch(r"Pegawai [0-9A-F]{8,}").all()
    keep = [c for c in orig.pegawai.columns if c not in ("nip", "name")]
    pd.testing.assert_frame_equal(orig.pegawai[keep], pseudo.pegawai[keep])
    assert set(pseudo.kompetensi["nip"]) <= set(pseudo.pegawai["nip"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_original_nip_or_name_anywhere_in_the_shared_folder(
    tiny_dir: Path, tmp_path: Path, fmt: str
) -> None:
    src = tiny_dir
    if fmt == "xlsx":
        src = tmp_path / "asli"
        write_dataset(load_dataset(tiny_dir)[0], src, "xlsx")
    out = pseudonymize(src, tmp_path)
    assert sorted(p.suffix for p in out.iterdir()) == ([".xlsx"] if fmt == "xlsx" else [".csv"] * 4)
    blob = all_bytes(out)
    ds, _ = load_dataset(tiny_dir)
    for nip, name in zip(ds.pegawai["nip"], ds.pegawai["name"], strict=True):
        assert nip.encode() not in blob
        assert name.encode() not in blob
        assert name.split(",")[0].encode() not in blob  # without the academic title
    assert not list(tmp_path.glob("samaran/*.json"))  # key and map stay outside


def test_same_key_same_output_other_key_other_pseudonyms(tiny_dir: Path, tmp_path: Path) -> None:
    first = pseudonymize(tiny_dir, tmp_path / "a")
    again = pseudonymize(tiny_dir, tmp_path / "b")
    other = pseudonymize(tiny_dir, tmp_path / "c", key=bytes(range(1, 33)))
    for name in ("pegawai.csv", "kompetensi.csv", "jabatan.csv"):
        assert (first / name).read_bytes() == (again / name).read_bytes()
    a = pd.read_csv(first / "pegawai.csv", dtype=str)
    c = pd.read_csv(other / "pegawai.csv", dtype=str)
    assert not set(a["nip"]) & set(c["nip"])
    assert not set(a["nama"]) & set(c["nama"])
    # re-running with the same key file keeps every pseudonym (the map is reused)
    key = tmp_path / "a" / "k.kunci.json"
    pseudonymize_path(tiny_dir, tmp_path / "a2", key)
    assert (tmp_path / "a2" / "pegawai.csv").read_bytes() == (first / "pegawai.csv").read_bytes()


def test_sequence_collisions_are_probed_deterministically() -> None:
    nips = [f"198001012005011{i:03d}" for i in range(1, 700)]
    first = assign_pseudonyms(nips, KeyFile(FIXED_KEY))
    second = assign_pseudonyms(list(reversed(nips)), KeyFile(FIXED_KEY))
    assert first.nip == second.nip  # order of the input does not matter
    values = list(first.nip.values())
    assert len(set(values)) == len(nips) and first.collisions > 0
    assert all(v[:15] == "198001012005011" and v[15:] != "000" for v in values)
    # while there is room, no pseudonym is someone's real NIP; beyond that, uniqueness only
    assert sum(v in set(nips) for v in values) == len(nips) - (999 - len(nips))
    small = assign_pseudonyms(nips[:400], KeyFile(FIXED_KEY))
    assert not set(small.nip.values()) & set(nips[:400])
    assert len(set(first.name.values())) == len(nips)


SCOPE = {"kabupaten": ["Sekretariat Daerah", "Dinas Kesehatan", "Dinas Sosial"]}


def solve_to(data: Path, out: Path, preset: str) -> None:
    """Solve (the larger preset: posts of a few OPDs, everyone a candidate) and write the plan."""
    ds, _ = load_dataset(data)
    sc = Skenario(
        tanggal_rencana=preset_plan_date(preset), lingkup=Lingkup(opd=SCOPE.get(preset, []))
    )
    write_outputs(solve(ds, sc), ds, out)


VOLATILE = ("waktu_detik", "solver_statistik", "masukan", "data", "berkas")


@pytest.mark.parametrize(("data", "preset"), [("tiny_dir", "tiny"), ("crowded_dir", "kabupaten")])
def test_plan_on_pseudonymised_data_equals_plan_on_original(
    request: pytest.FixtureRequest, tmp_path: Path, data: str, preset: str
) -> None:
    src: Path = request.getfixturevalue(data)
    key = fixed_key(tmp_path / "k.kunci.json")
    report = pseudonymize_path(src, tmp_path / "samaran", key)
    if preset == "kabupaten":
        assert report.pseudonyms.collisions > 0
    solve_to(src, tmp_path / "asli", preset)
    solve_to(tmp_path / "samaran", tmp_path / "konsultan", preset)
    assert (tmp_path / "asli" / "rencana.csv").read_bytes() != (
        tmp_path / "konsultan" / "rencana.csv"
    ).read_bytes()
    depseudonymize_plan(tmp_path / "konsultan", key, tmp_path / "kembali")
    for name in ("rencana.csv", "lowong.csv", "shortlist_jpt.csv", "rantai.csv"):
        assert (tmp_path / "asli" / name).read_bytes() == (tmp_path / "kembali" / name).read_bytes()
    books = [
        pd.read_excel(tmp_path / d / "rencana.xlsx", sheet_name=None, dtype=str)
        for d in ("asli", "kembali")
    ]
    assert list(books[0]) == list(books[1])
    for sheet in books[0]:
        pd.testing.assert_frame_equal(books[0][sheet], books[1][sheet])
    a, b = (json.loads((tmp_path / d / "hasil.json").read_text()) for d in ("asli", "kembali"))
    assert a["berkas"]["rencana.csv"] == b["berkas"]["rencana.csv"]
    assert not verify_outputs(tmp_path / "kembali")
    assert {k: v for k, v in a.items() if k not in VOLATILE} == {
        k: v for k, v in b.items() if k not in VOLATILE
    }


# --- CLI ----------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_cli_round_trip_and_default_key_location(tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bagi" / "samaran"
    code, text = run("pseudonymize", str(tiny_dir), "--out", str(out))
    key = tmp_path / "bagi" / "samaran.kunci.json"
    assert code == 0 and str(key) in text and "RAHASIA" in text
    assert key.stat().st_mode & 0o077 == 0
    assert len(load_key(key).mapping) == 30
    code, _ = run("solve", str(out), "--out", str(tmp_path / "h"), "--no-store")
    assert code == 0
    code, text = run(
        "depseudonymize", str(tmp_path / "h"), "--key", str(key), "--out", str(tmp_path / "asli")
    )
    assert code == 0, text
    plan = pd.read_csv(tmp_path / "asli" / "rencana.csv", dtype=str)
    ds, _ = load_dataset(tiny_dir)
    names = dict(zip(ds.pegawai["nip"], ds.pegawai["name"], strict=True))
    assert plan["nip"].isin(list(names)).all()
    assert (plan["nama"] == plan["nip"].map(names)).all()


def test_cli_errors_are_clear_indonesian_without_traceback(tiny_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.kunci.json"
    bad.write_text("bukan json", encoding="utf-8")
    plan = tmp_path / "h"
    plan.mkdir()
    (plan / "rencana.csv").write_text("nip,nama\n", encoding="utf-8")
    cases = [
        (
            ["pseudonymize", str(tiny_dir), "--out", str(tmp_path / "s"), "--key", str(bad)],
            "KUNCI_TIDAK_VALID",
        ),
        (
            [
                "pseudonymize",
                str(tiny_dir),
                "--out",
                str(tmp_path / "s"),
                "--key",
                str(tmp_path / "s" / "k.json"),
            ],
            "KUNCI_DI_FOLDER_BAGI",
        ),
        (["pseudonymize", str(tiny_dir), "--out", str(tiny_dir)], "KELUARAN_SAMA_DENGAN_DATA"),
        (
            ["pseudonymize", str(tmp_path / "tidak-ada"), "--out", str(tmp_path / "s")],
            "PATH_TIDAK_ADA",
        ),
        (
            [
                "depseudonymize",
                str(plan),
                "--key",
                str(tmp_path / "x.json"),
                "--out",
                str(tmp_path / "o"),
            ],
            "KUNCI_TIDAK_ADA",
        ),
        (
            ["depseudonymize", str(plan), "--key", str(bad), "--out", str(tmp_path / "o")],
            "KUNCI_TIDAK_VALID",
        ),
    ]
    for args, code_name in cases:
        code, text = run(*args)
        assert code == 1, (args, text)
        assert code_name in text and "Traceback" not in text
        assert "tidak ada file keluaran yang ditulis" in text
    assert not (tmp_path / "s").exists()
    key = fixed_key(tmp_path / "baik.kunci.json")
    code, text = run("depseudonymize", str(plan), "--key", str(key), "--out", str(tmp_path / "o"))
    assert code == 1 and "PETA_KOSONG" in text
    pseudonymize_path(tiny_dir, tmp_path / "s", key)
    code, text = run("depseudonymize", str(plan), "--key", str(key), "--out", str(tmp_path / "o"))
    assert code == 1 and "FILE_RENCANA_TIDAK_ADA" in text and "hasil.json" in text
    code, text = run("pseudonymize", str(tiny_dir), "--out", str(tmp_path / "s"), "--lang", "en")
    assert code == 1 and "KELUARAN_TIDAK_KOSONG" in text and "not empty" in text


def test_depseudonymize_rejects_a_plan_of_other_data(tiny_dir: Path, tmp_path: Path) -> None:
    solve_to(tiny_dir, tmp_path / "asli", "tiny")  # real NIPs: not in any pseudonym map
    key = fixed_key(tmp_path / "k.kunci.json")
    pseudonymize_path(tiny_dir, tmp_path / "s", key)
    code, text = run(
        "depseudonymize", str(tmp_path / "asli"), "--key", str(key), "--out", str(tmp_path / "o")
    )
    assert code == 1 and "SAMARAN_TIDAK_DIKENAL" in text
    assert not (tmp_path / "o" / "rencana.csv").exists()


def test_depseudonymize_rejects_edited_plan_files(tiny_dir: Path, tmp_path: Path) -> None:
    key = fixed_key(tmp_path / "k.kunci.json")
    pseudonymize_path(tiny_dir, tmp_path / "s", key)
    solve_to(tmp_path / "s", tmp_path / "h", "tiny")
    with (tmp_path / "h" / "rantai.csv").open("a", encoding="utf-8") as fh:
        fh.write("x,rantai,1,,,\n")
    code, text = run(
        "depseudonymize", str(tmp_path / "h"), "--key", str(key), "--out", str(tmp_path / "o")
    )
    assert code == 1 and "RENCANA_BERUBAH" in text and "rantai.csv" in text
