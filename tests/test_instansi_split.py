"""Data of several instansi (the nasional case) is solved per instansi by default: each instansi's
plan equals its solve alone, byte for byte, and no placement crosses instansi (issue 22 item 1)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.domain.model import Dataset
from placement.io.plan_files import read_plan
from placement.io.readers import load_dataset, read_tables
from placement.io.writers import write_dataset
from placement.synth import generate
from placement.workflow.instansi import (
    DATA_FOLDER,
    crossing_moves,
    instansi_names,
    split_by_instansi,
    split_tables,
    write_parts,
)

PLAN_FILES = ("rencana.csv", "lowong.csv", "rantai.csv", "shortlist_jpt.csv")
NAMES = ("Pemerintah Kabupaten Alfa", "Pemerintah Kota Beta")
DATE = "2026-07-01"


def _own(ds: Dataset, tag: str, name: str) -> Dataset:
    """``ds`` as instansi ``name``: post ids prefixed with ``tag``, instansi on both tables."""
    jab = ds.jabatan.copy()
    jab["jabatan_id"] = tag + jab["jabatan_id"]
    jab["instansi"] = name
    peg = ds.pegawai.copy()
    peg["jabatan_id"] = peg["jabatan_id"].map(lambda j: None if pd.isna(j) else tag + j)
    peg["instansi"] = name
    std = ds.standar.copy()
    std["jabatan_id"] = tag + std["jabatan_id"]
    return Dataset.from_frames(peg, jab, ds.kompetensi, std)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two instansi as their own data folders and the pool of both in one folder."""
    root = tmp_path_factory.mktemp("instansi")
    parts = [
        _own(generate("tiny", seed), tag, name)
        for seed, tag, name in zip((1, 2), ("A-", "B-"), NAMES, strict=True)
    ]
    assert not set(parts[0].pegawai["nip"]) & set(parts[1].pegawai["nip"])
    pool = Dataset.from_frames(
        *(pd.concat([getattr(p, t) for p in parts]) for t in ("pegawai", "jabatan")),
        *(pd.concat([getattr(p, t) for p in parts]) for t in ("kompetensi", "standar")),
    )
    out = {name: root / tag for name, tag in zip(NAMES, "ab", strict=True)}
    for name, part in zip(NAMES, parts, strict=True):
        write_dataset(part, out[name])
    write_dataset(pool, root / "pool")
    return {**out, "pool": root / "pool"}


def _solve(data: Path, out: Path, *extra: str) -> None:
    args = ["solve", str(data), "--out", str(out), "--date", DATE, "--no-store", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_split_solve_equals_each_instansi_alone_and_no_move_crosses(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    _solve(folders["pool"], tmp_path / "split", "--executor", "serial")
    for name in NAMES:
        _solve(folders[name], tmp_path / "alone" / name)
    pool, _ = load_dataset(folders["pool"])
    assert instansi_names(pool) == list(NAMES)
    plans = []
    for name in NAMES:
        got = tmp_path / "split" / name.replace(" ", "_")
        for f in PLAN_FILES:
            assert (got / f).read_bytes() == (tmp_path / "alone" / name / f).read_bytes(), f
        plans.append(read_plan(got / "rencana.csv"))
        assert (tmp_path / "split" / DATA_FOLDER / name.replace(" ", "_") / "pegawai.csv").is_file()
    assert sum(len(p) for p in plans) > 0
    assert crossing_moves(pool, plans) == 0
    summary = pd.read_json(tmp_path / "split" / "ringkasan.json")
    assert summary["wilayah"].tolist() == list(NAMES)
    assert set(summary["status"]) == {"OPTIMAL"}


def test_one_pool_on_request_can_move_people_across(
    folders: dict[str, Path], tmp_path: Path
) -> None:
    """--gabung-instansi solves one pool (the check above can fail: a pool plan crosses)."""
    _solve(folders["pool"], tmp_path / "gabung", "--gabung-instansi")
    pool, _ = load_dataset(folders["pool"])
    assert crossing_moves(pool, [read_plan(tmp_path / "gabung" / "rencana.csv")]) > 0


def test_people_without_instansi_are_placed_by_their_post_or_refused(
    folders: dict[str, Path],
) -> None:
    pool, _ = load_dataset(folders["pool"])
    peg = pool.pegawai.copy()
    holders = peg["jabatan_id"].notna().to_numpy()
    peg.loc[holders, "instansi"] = None  # a holder's instansi is that of the post held
    _, parts = split_by_instansi(Dataset(peg, pool.jabatan, pool.kompetensi, pool.standar))
    assert [len(p.pegawai) for p in parts.values()] == [
        int((pool.pegawai["instansi"] == n).sum()) for n in NAMES
    ]
    loose = int(np.flatnonzero(~holders)[0])
    peg.loc[loose, "instansi"] = None
    with pytest.raises(Exception) as err:
        split_by_instansi(Dataset(peg, pool.jabatan, pool.kompetensi, pool.standar))
    assert "INSTANSI_KOSONG" in {i.code for i in err.value.issues}  # type: ignore[attr-defined]


def test_read_tables_and_a_dataset_split_alike(folders: dict[str, Path], tmp_path: Path) -> None:
    """The csv path (tables as read) and the workbook path (a validated Dataset) give the same
    instansi folders, cell for cell once read back."""
    pool, _ = load_dataset(folders["pool"])
    tables, _, _ = read_tables(folders["pool"])
    raw = write_parts(split_tables(tables)[1], tmp_path / "raw")
    ds = write_parts(split_by_instansi(pool)[1], tmp_path / "ds")
    for name in NAMES:
        a, _ = load_dataset(raw[name])
        b, _ = load_dataset(ds[name])
        assert a.pegawai.equals(b.pegawai) and a.jabatan.equals(b.jabatan)
        assert len(a.kompetensi) == len(b.kompetensi) > 0
