"""Pseudonymise a data folder (UU 27/2022 PDP): NIPs and names replaced by keyed-hash pseudonyms.

What the rules need stays: the pseudonymised NIP keeps the first 15 digits (birth date, TMT
CPNS or the PPPK "21", gender digit) and only the 3-digit sequence is replaced, so ages, BUP,
length of service, gender and PNS/PPPK come out the same. Names become ``Pegawai 3F9A2C1B``.

Sequence: HMAC-SHA256(key, "nip|" + NIP) gives a start in 001–999; people who share the first
15 digits are taken in the order of their HMAC and each takes the first free sequence from its
start (linear probing, wrapping), so the result is deterministic for a key and a dataset.
Sequences of real NIPs with the same prefix are avoided (a pseudonym is never someone's real
NIP) while there is room. A person already in the key file's map keeps the pseudonym given
before, so re-running with the same key file gives the same pseudonyms.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from placement.domain.errors import Issue
from placement.domain.messages import Where, failure
from placement.domain.model import Dataset
from placement.domain.schema import TABLES, header_key
from placement.io.readers import load_dataset
from placement.io.writers import write_dataset
from placement.privacy.keyfile import KeyFile, MapEntry, default_key_path, load_key, save_key

NAME_PREFIX = "Pegawai "
NAME_HEX = 8  # hex digits of a name pseudonym (more when two people would share one)
SEQUENCES = range(1, 1000)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

MASKED_COLUMNS: dict[str, str] = {
    "nip": "diganti NIP samaran (15 digit pertama tetap: tanggal lahir, TMT CPNS, jenis kelamin)",
    "nama": "diganti 'Pegawai XXXXXXXX' dari HMAC",
    "kompetensi.nip": "dipetakan ke NIP samaran yang sama",
    "kolom tak dikenal": "dibuang (bisa berisi data pribadi; aturan tidak memakainya)",
}
KEPT_COLUMNS: dict[str, str] = {
    "tanggal_lahir, jenis_kelamin": "dipakai aturan (usia, BUP, keseimbangan gender); sudah "
    "tersirat di NIP",
    "status_kepegawaian, gol_ruang, tmt_*, jenis_jabatan, jenjang": "dipakai aturan",
    "jabatan_id, unit_kerja, instansi": "data organisasi, bukan data pribadi",
    "pendidikan, jurusan": "dipakai aturan pendidikan dan rumpun jabatan",
    "kotak_talenta, predikat_kinerja_*, hukuman_disiplin, tmt_selesai_hukuman, job_fit": (
        "dipakai aturan (data sensitif: bagikan hanya bila perlu)"
    ),
}


def digest(key: bytes, label: str, value: str) -> bytes:
    """HMAC-SHA256 of ``label|value`` under the key."""
    return hmac.new(key, f"{label}|{value}".encode(), hashlib.sha256).digest()


@dataclass
class Pseudonyms:
    """The pseudonyms of one dataset: original NIP → pseudonymised NIP and name."""

    nip: dict[str, str]
    name: dict[str, str]
    collisions: int = 0  # people who did not get the sequence their HMAC pointed at
    reused: int = 0  # people who kept a pseudonym from the key file's map


def assign_pseudonyms(nips: list[str], key: KeyFile) -> Pseudonyms:
    """Pseudonymised NIP and name for each of the (unique, valid) NIPs."""
    known = key.by_original()
    groups: dict[str, list[str]] = defaultdict(list)
    for nip in nips:
        groups[nip[:15]].append(nip)
    used_by_map: dict[str, set[str]] = defaultdict(set)  # prefix → pseudonyms taken in the map
    real_by_map: dict[str, set[str]] = defaultdict(set)
    for pseudo, entry in key.mapping.items():
        used_by_map[pseudo[:15]].add(pseudo)
        real_by_map[entry.nip[:15]].add(entry.nip)
    out = Pseudonyms({}, {})
    for prefix, members in groups.items():
        taken = {int(p[15:]) for p in used_by_map[prefix]}  # sequences, within this prefix
        for nip in members:  # first: the people the key file already knows keep their pseudonym
            if nip in known:
                out.nip[nip] = known[nip]
                out.reused += 1
        real = {int(n[15:]) for n in (*members, *real_by_map[prefix])}
        fresh = sorted(
            (m for m in members if m not in known), key=lambda m: digest(key.key, "nip", m)
        )
        for nip in fresh:
            start = int.from_bytes(digest(key.key, "nip", nip)[:8], "big") % len(SEQUENCES)
            found = _probe(start, taken, real)
            if found is None:
                raise failure("SAMARAN_PENUH", prefix=prefix)
            out.collisions += found != SEQUENCES[start]
            out.nip[nip] = f"{prefix}{found:03d}"
            taken.add(found)
    out.name = _names(nips, key.key)
    return out


def _probe(start: int, taken: set[int], real: set[int]) -> int | None:
    """The first sequence from ``start`` (wrapping) that is free and no real NIP's; when every
    free one is a real NIP's, the first free one."""
    n = len(SEQUENCES)
    first = None
    for step in range(n):
        seq = SEQUENCES[(start + step) % n]
        if seq in taken:
            continue
        if seq not in real:
            return seq
        first = seq if first is None else first
    return first


def _names(nips: list[str], key: bytes) -> dict[str, str]:
    """``Pegawai`` + the first hex digits of HMAC("nama|" + NIP); longer where two would clash."""
    hexes = {nip: digest(key, "nama", nip).hex().upper() for nip in nips}
    width = {nip: NAME_HEX for nip in nips}
    while True:
        by_name: dict[str, list[str]] = defaultdict(list)
        for nip in nips:
            by_name[hexes[nip][: width[nip]]].append(nip)
        clashes = [group for group in by_name.values() if len(group) > 1]
        if not clashes:
            return {nip: NAME_PREFIX + hexes[nip][: width[nip]] for nip in nips}
        for group in clashes:
            for nip in group:
                width[nip] += 4


def pseudonymize_dataset(ds: Dataset, key: KeyFile) -> tuple[Dataset, Pseudonyms]:
    """A copy of the dataset with NIPs and names replaced; adds the people to ``key.mapping``."""
    peg = ds.pegawai.copy()
    nips = [str(n) for n in peg["nip"]]
    names = [str(n) for n in peg["name"]]
    ps = assign_pseudonyms(nips, key)
    peg["nip"] = [ps.nip[n] for n in nips]
    peg["name"] = [ps.name[n] for n in nips]
    komp = ds.kompetensi.copy()
    komp["nip"] = komp["nip"].astype(str).map(ps.nip)
    for nip, name in zip(nips, names, strict=True):
        key.mapping[ps.nip[nip]] = MapEntry(nip, name, ps.name[nip])
    out = Dataset(peg, ds.jabatan.copy(), komp, ds.standar.copy(), dict(ds.sources))
    return out, ps


@dataclass
class PseudonymizeReport:
    """What :func:`pseudonymize_path` did."""

    out_dir: Path
    key_path: Path
    key_created: bool
    files: list[Path]
    people: int
    pseudonyms: Pseudonyms
    warnings: list[Issue] = field(default_factory=list)


def _inside(path: Path, folder: Path) -> bool:
    p, f = Path(path).resolve(), Path(folder).resolve()
    return p == f or f in p.parents


def pseudonymize_path(
    data: Path,
    out_dir: Path,
    key_path: Path | None = None,
    *,
    fmt: Literal["csv", "xlsx"] | None = None,
    force: bool = False,
) -> PseudonymizeReport:
    """Read and validate ``data``, write its pseudonymised copy to ``out_dir``.

    The key file (``key_path``, default ``<out_dir>.kunci.json`` beside ``out_dir``) is read when
    it exists, else created with a random key; the people's map is added to it. ``fmt``: format
    of the copy (default: the input's). Raises PlacementError on bad input or unsafe paths.
    """
    data, out_dir = Path(data), Path(out_dir)
    key_path = Path(key_path) if key_path is not None else default_key_path(out_dir)
    _check_paths(data, out_dir, key_path, force)
    ds, warnings = load_dataset(data)
    created = not key_path.exists()
    key = KeyFile.new() if created else load_key(key_path)
    pseudo_ds, ps = pseudonymize_dataset(ds, key)
    fmt = fmt or (
        "xlsx" if any(s.lower().endswith(WORKBOOK_SUFFIXES) for s in ds.sources) else "csv"
    )
    parent = Path(out_dir).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".placement-samaran-", dir=parent))
    try:
        names = [p.name for p in write_dataset(pseudo_ds, staging, fmt)]
        save_key(key, key_path)  # the map first: data without its map could not be mapped back
        _move_into(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PseudonymizeReport(
        out_dir, key_path, created, [out_dir / n for n in names], len(ds.pegawai), ps, warnings
    )


def _same(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def _check_paths(data: Path, out_dir: Path, key_path: Path, force: bool) -> None:
    source_dir = data.parent if data.is_file() else data
    if _same(out_dir, source_dir):
        raise failure("KELUARAN_SAMA_DENGAN_DATA", Where(str(out_dir)), out_dir=out_dir)
    if _inside(key_path, out_dir):
        raise failure(
            "KUNCI_DI_FOLDER_BAGI", Where(str(key_path)), key_path=key_path, out_dir=out_dir
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise failure("KELUARAN_BUKAN_FOLDER", Where(str(out_dir)), out_dir=out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise failure("KELUARAN_TIDAK_KOSONG", Where(str(out_dir)), out_dir=out_dir)


def _move_into(staging: Path, out_dir: Path) -> None:
    """Put the staged files in place: one rename when ``out_dir`` is new or empty."""
    if out_dir.is_dir() and not any(out_dir.iterdir()):
        out_dir.rmdir()
    if not out_dir.exists():
        mask = os.umask(0)
        os.umask(mask)
        staging.chmod(0o777 & ~mask)
        staging.rename(out_dir)
        return
    for stale in out_dir.iterdir():  # --force: no old table may sit beside the new ones
        if stale.is_file() and _is_table_file(stale):
            stale.unlink()
    for path in sorted(staging.iterdir()):
        path.replace(out_dir / path.name)


def _is_table_file(path: Path) -> bool:
    """A file the reader would read as input: a workbook or a csv named after a table."""
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return True
    key = header_key(path.stem)
    return suffix in (".csv", ".txt") and any(header_key(t.name) == key for t in TABLES)


__all__ = [
    "KEPT_COLUMNS",
    "MASKED_COLUMNS",
    "PseudonymizeReport",
    "Pseudonyms",
    "assign_pseudonyms",
    "pseudonymize_dataset",
    "pseudonymize_path",
]
