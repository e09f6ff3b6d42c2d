"""Data of several instansi (the nasional pool): split into one data folder per instansi and
solve them as a batch (docs/scale.md, "Kasus nasional").

A move between instansi is a separate BKN process (pertimbangan teknis), so by default such data
is not one pool: every post and every person belongs to exactly one instansi and each instansi is
planned alone. The instansi of a post is the jabatan column ``instansi``; that of a person is the
pegawai column ``instansi``, or, when empty, that of the post the person holds. People of an
instansi that owns no post in the data stay out of the plan (counted in :class:`Split`).

The parts are written as ordinary data folders (template csv, rows in input order), so each
instansi's plan is byte for byte the plan of ``placement solve`` on its own folder.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from placement.domain.errors import PlacementError, error, shown
from placement.domain.model import Dataset
from placement.io.writers import write_dataset
from placement.workflow.batch import SolveSpec
from placement.workflow.variants import variant_dir

DATA_FOLDER = "data-per-instansi"  # OUT/DATA_FOLDER/<instansi>: each instansi's input files


def _norm(text: object) -> str:
    return " ".join(str(text).casefold().split())


def _names(values: pd.Series) -> pd.Series:
    """Instansi cells: stripped text, None when empty."""
    return values.astype(object).map(
        lambda v: None if pd.isna(v) or not str(v).strip() else " ".join(str(v).split())
    )


def instansi_names(ds: Dataset) -> list[str]:
    """The instansi owning the posts (jabatan column ``instansi``), in order of first appearance;
    names compared without case and extra blanks. Empty for data of one instansi."""
    seen: dict[str, str] = {}
    for name in _names(ds.jabatan["instansi"]).dropna():
        seen.setdefault(_norm(name), name)
    return list(seen.values())


def is_multi_instansi(ds: Dataset) -> bool:
    """True when the posts belong to more than one instansi."""
    return len(instansi_names(ds)) > 1


@dataclass
class Split:
    """One dataset per instansi (same row order as the input) and who was left out."""

    parts: dict[str, Dataset]
    outside: int = 0  # people of an instansi that owns no post in the data
    outside_names: list[str] = field(default_factory=list)


def split_by_instansi(ds: Dataset) -> Split:
    """Split ``ds`` by instansi; PlacementError when a post has no instansi, a person without one
    holds no post, or a holder's instansi differs from that of the post held."""
    names = instansi_names(ds)
    key = {_norm(n): n for n in names}
    post_inst = _names(ds.jabatan["instansi"])
    issues = [
        error(
            "jabatan",
            int(row) + 2,
            "instansi",
            "INSTANSI_KOSONG",
            f"Jabatan {shown(ds.jabatan.at[row, 'jabatan_id'], 30)} tidak punya instansi, padahal "
            f"data berisi {len(names)} instansi",
            f"Post {shown(ds.jabatan.at[row, 'jabatan_id'], 30)} has no instansi while the data "
            f"holds {len(names)} instansi",
        )
        for row in np.flatnonzero(post_inst.isna().to_numpy())[:20]
    ]
    post_key = post_inst.map(lambda v: None if pd.isna(v) else _norm(v))
    owner_of_post = dict(zip(ds.jabatan["jabatan_id"], post_key, strict=True))
    peg = ds.pegawai
    own = _names(peg["instansi"]).map(lambda v: None if pd.isna(v) else _norm(v))
    held = peg["jabatan_id"].map(owner_of_post)
    clash = own.notna() & held.notna() & (own != held)
    for row in np.flatnonzero(clash.to_numpy())[:20]:
        issues.append(
            error(
                "pegawai",
                int(row) + 2,
                "instansi",
                "INSTANSI_BEDA_JABATAN",
                f"Pegawai {shown(peg.at[row, 'nip'], 20)} berinstansi {shown(peg.at[row, 'instansi'], 60)} "
                f"tetapi memegang jabatan {shown(peg.at[row, 'jabatan_id'], 30)} milik "
                f"{key.get(str(held.iat[row]), '')}",
                f"Person {shown(peg.at[row, 'nip'], 20)} of instansi {shown(peg.at[row, 'instansi'], 60)} "
                f"holds post {shown(peg.at[row, 'jabatan_id'], 30)} of {key.get(str(held.iat[row]), '')}",
            )
        )
    person_key = own.where(own.notna(), held)
    for row in np.flatnonzero(person_key.isna().to_numpy())[:20]:
        issues.append(
            error(
                "pegawai",
                int(row) + 2,
                "instansi",
                "INSTANSI_KOSONG",
                f"Pegawai {shown(peg.at[row, 'nip'], 20)} tidak punya instansi dan tidak memegang "
                f"jabatan, padahal data berisi {len(names)} instansi: isi kolom instansi",
                f"Person {shown(peg.at[row, 'nip'], 20)} has no instansi and holds no post while "
                f"the data holds {len(names)} instansi: fill in the instansi column",
            )
        )
    if issues:
        raise PlacementError(issues)
    outside = ~person_key.isin(list(key))
    parts = {
        name: _part(ds, (post_key == k).to_numpy(), (person_key == k).to_numpy())
        for k, name in key.items()
    }
    others = sorted({str(v) for v in peg.loc[outside.to_numpy(), "instansi"].dropna()})
    return Split(parts, int(outside.sum()), others)


def _part(ds: Dataset, posts: np.ndarray, people: np.ndarray) -> Dataset:
    """The rows of one instansi (input order kept); derived columns ride along unused."""
    jab = ds.jabatan[posts].reset_index(drop=True)
    peg = ds.pegawai[people].reset_index(drop=True)
    komp = ds.kompetensi[ds.kompetensi["nip"].isin(peg["nip"])].reset_index(drop=True)
    std = ds.standar[ds.standar["jabatan_id"].isin(jab["jabatan_id"])].reset_index(drop=True)
    return Dataset(peg, jab, komp, std)


def write_parts(split: Split, out: Path) -> dict[str, Path]:
    """Each part as a csv data folder ``out/DATA_FOLDER/<instansi>``; the whole DATA_FOLDER is
    staged and moved into place at the end (nothing half-written). Returns name → folder."""
    target = out / DATA_FOLDER
    where = {name: variant_dir(target, name) for name in split.parts}
    folders = [p.name for p in where.values()]
    twice = sorted({f for f in folders if folders.count(f) > 1})
    if twice:
        raise PlacementError.single(
            "BATCH_NAMA_GANDA",
            f"Nama instansi menjadi folder yang sama: {shown(', '.join(twice), 80)}",
            f"Instansi names give the same folder: {shown(', '.join(twice), 80)}",
            str(out),
        )
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-data-", dir=out))
    try:
        for name, part in split.parts.items():
            write_dataset(part, staging / where[name].name, "csv")
        if target.exists():
            shutil.rmtree(target)
        staging.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return where


def instansi_specs(
    folders: dict[str, Path],
    scenario: Path | None,
    out: Path,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    plan_date: date | None = None,
) -> tuple[list[SolveSpec], list[Path]]:
    """One solve per instansi folder, each to ``out/<instansi>``; the scenario's
    fakta.instansi.nama is that instansi in its own solve."""
    specs = [
        SolveSpec(
            name,
            scenario,
            data=folder.resolve(),
            backend=backend,
            time_limit=time_limit,
            plan_date=plan_date,
            instansi=name,
        )
        for name, folder in folders.items()
    ]
    return specs, [variant_dir(out, name) for name in folders]


def crossing_moves(ds: Dataset, plans: Sequence[pd.DataFrame]) -> int:
    """How many placements of ``plans`` (nip, jabatan_tujuan_id) put a person into a post of
    another instansi than their own (0 for a split solve)."""
    post = dict(zip(ds.jabatan["jabatan_id"], _names(ds.jabatan["instansi"]), strict=True))
    own = _names(ds.pegawai["instansi"])
    held = ds.pegawai["jabatan_id"].map(post)
    person = dict(zip(ds.pegawai["nip"], own.where(own.notna(), held), strict=True))
    n = 0
    for plan in plans:
        moved = plan[plan["jabatan_tujuan_id"].fillna("").astype(str) != ""]
        n += sum(
            _norm(person.get(nip)) != _norm(post.get(jid)) or pd.isna(person.get(nip))
            for nip, jid in zip(moved["nip"].astype(str), moved["jabatan_tujuan_id"], strict=True)
        )
    return n
