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
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.domain.errors import PlacementError, shown
from placement.domain.messages import Where, failure, issue
from placement.domain.model import Dataset
from placement.io.cells import Tables
from placement.io.readers import read_csv_table
from placement.io.writers import write_csv, write_dataset
from placement.workflow.batch import SolveSpec
from placement.workflow.variants import variant_dir

BoolArray = npt.NDArray[np.bool_]
DATA_FOLDER = "data-per-instansi"  # OUT/DATA_FOLDER/<instansi>: each instansi's input files


def _norm(text: object) -> str:
    return " ".join(str(text).casefold().split())


def _names(values: pd.Series) -> pd.Series:
    """Instansi cells: stripped text, None when empty."""
    return values.astype(object).map(
        lambda v: None if pd.isna(v) or not str(v).strip() else " ".join(str(v).split())
    )


def _distinct(values: pd.Series) -> list[str]:
    seen: dict[str, str] = {}
    for name in _names(values).dropna():
        seen.setdefault(_norm(name), name)
    return list(seen.values())


def instansi_names(ds: Dataset) -> list[str]:
    """The instansi owning the posts (jabatan column ``instansi``), in order of first appearance;
    names compared without case and extra blanks. Empty for data of one instansi."""
    return _distinct(ds.jabatan["instansi"])


def is_multi_instansi(ds: Dataset) -> bool:
    """True when the posts belong to more than one instansi."""
    return len(instansi_names(ds)) > 1


def folder_instansi(data: Path) -> list[str]:
    """:func:`instansi_names` of a csv data folder, from its jabatan file alone (cheap: decides
    whether to split before the whole data is read); [] for a workbook or unreadable file."""
    jabatan = read_csv_table(data, "jabatan")
    if jabatan is None or "instansi" not in jabatan.columns:
        return []
    return _distinct(jabatan["instansi"])


@dataclass
class Split:
    """Which rows of each table belong to each instansi (input order kept), and who was left
    out: people of an instansi that owns no post in the data."""

    names: list[str]
    posts: dict[str, BoolArray]
    people: dict[str, BoolArray]
    outside: int = 0
    outside_names: list[str] = field(default_factory=list)


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    """An optional column, or empty cells when the table has none."""
    return frame[name] if name in frame.columns else pd.Series("", index=frame.index, dtype=object)


def _row(frame: pd.DataFrame, i: int) -> int:
    """The Excel row of the i-th row: a read table's index, else header + 1-based position."""
    return int(frame.index[i]) if frame.attrs.get("excel_rows") else i + 2


def plan_split(pegawai: pd.DataFrame, jabatan: pd.DataFrame) -> Split:
    """Rows per instansi of the pegawai and jabatan tables (canonical or as read: the columns
    ``nip``, ``jabatan_id`` and ``instansi`` have the same names). PlacementError when a post has
    no instansi, a person without one holds no post, a holder's instansi differs from that of
    the post held, or a NIP appears twice."""
    names = _distinct(jabatan["instansi"])
    key = {_norm(n): n for n in names}
    post_key = _names(jabatan["instansi"]).map(lambda v: None if pd.isna(v) else _norm(v))
    ids = jabatan["jabatan_id"].astype(str).str.strip()
    issues = [
        issue(
            "INSTANSI_KOSONG",
            Where("jabatan", _row(jabatan, i), "instansi"),
            post=shown(ids.iat[i], 30),
            n_names=len(names),
        )
        for i in np.flatnonzero(post_key.isna().to_numpy())[:20]
    ]
    owner_of_post = dict(zip(ids, post_key, strict=True))
    nip = pegawai["nip"].astype(str).str.strip()
    own = _names(_col(pegawai, "instansi")).map(lambda v: None if pd.isna(v) else _norm(v))
    held = (
        _col(pegawai, "jabatan_id")
        .astype(object)
        .map(lambda j: None if pd.isna(j) else owner_of_post.get(str(j).strip()))
    )
    own_text = _col(pegawai, "instansi")
    clash = own.notna() & held.notna() & (own != held)
    for i in np.flatnonzero(clash.to_numpy())[:20]:
        post = shown(_col(pegawai, "jabatan_id").iat[i], 30)
        issues.append(
            issue(
                "INSTANSI_BEDA_JABATAN",
                Where("pegawai", _row(pegawai, i), "instansi"),
                nip=shown(nip.iat[i], 20),
                instansi=shown(own_text.iat[i], 60),
                post=post,
                owner=key.get(str(held.iat[i]), ""),
            )
        )
    person_key = own.where(own.notna(), held)
    for i in np.flatnonzero(person_key.isna().to_numpy())[:20]:
        issues.append(
            issue(
                "INSTANSI_KOSONG",
                Where("pegawai", _row(pegawai, i), "instansi"),
                "INSTANSI_PEGAWAI_KOSONG",
                nip=shown(nip.iat[i], 20),
                n_names=len(names),
            )
        )
    for i in np.flatnonzero(nip.duplicated().to_numpy())[:20]:
        issues.append(
            issue(
                "INSTANSI_NIP_GANDA",
                Where("pegawai", _row(pegawai, i), "nip"),
                nip=shown(nip.iat[i], 20),
            )
        )
    if issues:
        raise PlacementError(issues)
    outside = ~person_key.isin(list(key)).to_numpy()
    others = sorted({str(v) for v in _names(_col(pegawai, "instansi"))[outside].dropna()})
    return Split(
        names,
        {name: (post_key == k).to_numpy() for k, name in key.items()},
        {name: (person_key == k).to_numpy() for k, name in key.items()},
        int(outside.sum()),
        others,
    )


def split_by_instansi(ds: Dataset) -> tuple[Split, dict[str, Dataset]]:
    """:func:`plan_split` of a Dataset and the Dataset of each instansi."""
    split = plan_split(ds.pegawai, ds.jabatan)
    parts = {n: _part(ds, split.posts[n], split.people[n]) for n in split.names}
    return split, parts


def _part(ds: Dataset, posts: BoolArray, people: BoolArray) -> Dataset:
    """The rows of one instansi (input order kept); derived columns ride along unused."""
    jab = ds.jabatan[posts].reset_index(drop=True)
    peg = ds.pegawai[people].reset_index(drop=True)
    komp = ds.kompetensi[ds.kompetensi["nip"].isin(peg["nip"])].reset_index(drop=True)
    std = ds.standar[ds.standar["jabatan_id"].isin(jab["jabatan_id"])].reset_index(drop=True)
    return Dataset(peg, jab, komp, std)


def split_tables(tables: Tables) -> tuple[Split, dict[str, Tables]]:
    """:func:`plan_split` of tables as read (text cells, template headers) and each instansi's
    tables: the same cells, rows in input order, other columns kept."""
    split = plan_split(tables["pegawai"], tables["jabatan"])
    parts: dict[str, Tables] = {}
    for n in split.names:
        jab = tables["jabatan"][split.posts[n]]
        peg = tables["pegawai"][split.people[n]]
        part = {"pegawai": peg, "jabatan": jab}
        nips = set(peg["nip"].astype(str).str.strip())
        ids = set(jab["jabatan_id"].astype(str).str.strip())
        for name, column, keep in (
            ("kompetensi", "nip", nips),
            ("standar_kompetensi", "jabatan_id", ids),
        ):
            if name in tables and column in tables[name].columns:
                frame = tables[name]
                part[name] = frame[frame[column].astype(str).str.strip().isin(keep)]
        parts[n] = part
    return split, parts


def _folders(names: Sequence[str], out: Path) -> dict[str, Path]:
    target = out / DATA_FOLDER
    where = {name: variant_dir(target, name) for name in names}
    folders = [p.name for p in where.values()]
    twice = sorted({f for f in folders if folders.count(f) > 1})
    if twice:
        raise failure(
            "BATCH_NAMA_GANDA",
            Where(str(out)),
            "INSTANSI_NAMA_GANDA",
            twice=shown(", ".join(twice), 80),
        )
    return where


def write_parts(parts: dict[str, Dataset] | dict[str, Tables], out: Path) -> dict[str, Path]:
    """Each instansi as a csv data folder ``out/DATA_FOLDER/<instansi>`` (a Dataset in template
    form, tables as read cell for cell); the whole DATA_FOLDER is staged and moved into place
    at the end (nothing half-written). Returns name → folder."""
    where = _folders(list(parts), out)
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".staging-data-{uuid.uuid4().hex[:12]}"
    staging.mkdir()  # not mkdtemp: the published folder keeps the usual permissions
    try:
        for name, part in parts.items():
            folder = staging / where[name].name
            if isinstance(part, Dataset):
                write_dataset(part, folder, "csv")
                continue
            folder.mkdir()
            for table, frame in part.items():
                write_csv(frame.reset_index(drop=True), folder / f"{table}.csv")
        target = out / DATA_FOLDER
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
