"""Future vacancies: posts that fall vacant within the horizon, each with its date and reason.

- ``bup``: the holder reaches the retirement age (the dataset's derived ``bup_date``: the first
  day of the month after the BUP birthday, PP 11/2017 ps 239); the post is vacant from that day.
- ``masa_jabatan_maks``: the holder passes the maximum tenure of MASA_JABATAN_MAKS: the first day
  the rule engine marks the stay overdue (soft rule: the tenure may be extended). Holders already
  past it on the plan date are listed with that (earlier) day and ``past``.
- ``sotk_dibentuk`` / ``sotk_dihapus``: a planned organisation change from a csv file
  (``jabatan_id, perubahan, tanggal``; :func:`read_sotk`): a new post is vacant from its date; an
  abolished post's holder needs a new post from that date.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, issue, texts
from placement.domain.model import Dataset
from placement.rules.facts import IntArray, norm_text
from placement.succession.readiness import horizon_end, select_posts
from placement.succession.timeline import NAT, Timeline, to_day

REASONS: dict[str, tuple[str, str]] = {
    "bup": texts("ALASAN_LOWONG_BUP"),
    "masa_jabatan_maks": texts("ALASAN_LOWONG_MASA_JABATAN_MAKS"),
    "sotk_dibentuk": texts("ALASAN_LOWONG_SOTK_DIBENTUK"),
    "sotk_dihapus": texts("ALASAN_LOWONG_SOTK_DIHAPUS"),
}
SOTK_CHANGES: tuple[str, ...] = ("dibentuk", "dihapus")
SOTK_REQUIRED: tuple[str, ...] = ("jabatan_id", "perubahan", "tanggal")
SOTK_OPTIONAL: tuple[str, ...] = ("nama_jabatan", "unit_kerja", "eselon")
VACANCY_COLUMNS: tuple[str, ...] = (
    "jabatan_id",
    "post",
    "name",
    "opd",
    "eselon",
    "holder",
    "date",
    "reason",
    "detail_id",
    "detail_en",
    "past",
)
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass(frozen=True, slots=True)
class SotkChange:
    """One planned organisation change (row = the file's row, header = 1)."""

    row: int
    jabatan_id: str
    change: str  # dibentuk | dihapus
    day: date
    name: str
    opd: str
    eselon: str


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def read_sotk(path: Path, ds: Dataset) -> tuple[list[SotkChange], list[Issue]]:
    """Read and validate a SOTK change file (csv, header ``jabatan_id,perubahan,tanggal`` and
    optionally ``nama_jabatan,unit_kerja,eselon``). Raises PlacementError listing every located
    error; returns the changes and warnings."""
    file = str(path)
    rows = _sotk_rows(path, file)
    col = _sotk_columns(rows[0], file)
    issues: list[Issue] = []
    changes: list[SotkChange] = []
    seen: dict[tuple[str, str], int] = {}
    for i, raw in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in raw):
            continue
        change = _sotk_change(ds, file, col, i, raw, seen, issues)
        if change is not None:
            changes.append(change)
    if issues:
        raise PlacementError(issues)
    for c in changes:
        if c.change == "dibentuk" and c.jabatan_id in ds.post_index:
            where = Where(file, c.row, "jabatan_id")
            issues.append(issue("SOTK_SUDAH_ADA", where, jid=c.jabatan_id, day=c.day))
    return changes, issues


def _sotk_rows(path: Path, file: str) -> list[list[str]]:
    """The SOTK file's csv rows (any encoding and separator the readers accept); raises when it
    is missing, unreadable or empty."""
    from placement.io.decode import decode_bytes, sniff_separator

    try:
        text = decode_bytes(path.read_bytes())
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text)))
    except FileNotFoundError:
        raise PlacementError([issue("SOTK_TIDAK_ADA", Where(file), file=file)]) from None
    except (OSError, UnicodeError, csv.Error) as exc:
        raise PlacementError([issue("SOTK_TIDAK_TERBACA", Where(file), detail=exc)]) from None
    if not rows:
        raise PlacementError([issue("SOTK_KOSONG", Where(file))])
    return rows


def _sotk_columns(first: list[str], file: str) -> dict[str, int]:
    """Position of each known column in the header row; raises naming every missing required
    column."""
    header = [norm_text(h).replace(" ", "_") for h in first]
    missing = [c for c in SOTK_REQUIRED if c not in header]
    if missing:
        required = ", ".join(SOTK_REQUIRED)
        raise PlacementError(
            [
                issue("SOTK_KOLOM_HILANG", Where(file, 1, c), column=c, required=required)
                for c in missing
            ]
        )
    return {name: header.index(name) for name in (*SOTK_REQUIRED, *SOTK_OPTIONAL) if name in header}


def _sotk_change(
    ds: Dataset,
    file: str,
    col: dict[str, int],
    i: int,
    raw: list[str],
    seen: dict[tuple[str, str], int],
    issues: list[Issue],
) -> SotkChange | None:
    """Row ``i`` checked (its errors appended to ``issues``) and, when it has none, read as a
    change (:func:`_sotk_record`)."""

    def cell(name: str) -> str:
        k = col.get(name)
        return raw[k].strip().lstrip("'") if k is not None and k < len(raw) else ""

    def bad(column: str, code: str, **fields: Any) -> None:
        issues.append(issue(code, Where(file, i, column), **fields))

    jid, change, when = cell("jabatan_id"), norm_text(cell("perubahan")), cell("tanggal")
    day = _parse_date(when)
    if not jid:
        bad("jabatan_id", "SOTK_JABATAN_KOSONG")
    if change not in SOTK_CHANGES:
        bad("perubahan", "SOTK_PERUBAHAN", value=cell("perubahan"))
    if day is None:
        bad("tanggal", "SOTK_TANGGAL", value=when)
    if jid and change == "dihapus" and jid not in ds.post_index:
        bad("jabatan_id", "SOTK_JABATAN_TIDAK_ADA", jid=jid)
    if jid and change in SOTK_CHANGES:
        first = seen.setdefault((jid, change), i)
        if first != i:
            bad("jabatan_id", "SOTK_GANDA", jid=jid, change=change, first=first)
    if issues and issues[-1].row == i:
        return None
    assert day is not None
    return _sotk_record(ds, i, jid, change, day, cell)


def _sotk_record(
    ds: Dataset, i: int, jid: str, change: str, day: date, cell: Callable[[str], str]
) -> SotkChange:
    """The change of a checked row; name, unit and eselon default to the existing post's."""
    known = ds.post_index.get(jid)
    jab = ds.jabatan

    def existing(column: str) -> str:
        return str(jab.at[known, column]) if known is not None else ""

    return SotkChange(
        row=i,
        jabatan_id=jid,
        change=change,
        day=day,
        name=cell("nama_jabatan") or existing("name"),
        opd=cell("unit_kerja") or existing("opd"),
        eselon=cell("eselon") or existing("eselon"),
    )


def _max_tenure(
    tl: Timeline, holders: IntArray, posts: IntArray, end: date
) -> tuple[np.ndarray, np.ndarray]:
    """First day each holder's stay is overdue under MASA_JABATAN_MAKS (NaT: not by ``end``)."""
    f = tl.base
    rule = f.rules["MASA_JABATAN_MAKS"]
    out = np.full(len(holders), NAT)
    start = f.p_tmt_jabatan[holders]
    known = ~np.isnat(start)
    if not rule.active or not known.any():
        return out, start
    idx = np.flatnonzero(known)
    lo = start[idx] - np.timedelta64(1, "D")  # not overdue the day before taking the post
    out[idx] = tl.first_day(rule, holders[idx], posts[idx], lo, end, target=False)
    return out, start


def future_vacancies(
    ds: Dataset,
    sc: Skenario,
    horizon_years: int = 2,
    *,
    posts: IntArray | None = None,
    sotk: list[SotkChange] | None = None,
    new_post_opd: str | None = None,
    include_new_posts: bool = True,
) -> pd.DataFrame:
    """Vacancies within (plan date, plan date + horizon] of ``posts`` (default: every in-scope
    post), sorted by date (:data:`VACANCY_COLUMNS`; ``date`` is a ``datetime64`` day, ``holder``
    a pegawai row or -1, ``post`` a jabatan row or -1 for a post the SOTK file creates)."""
    tl = Timeline.of(ds, sc)
    f = tl.base
    plan = sc.tanggal_rencana
    plan_d = np.datetime64(plan, "D")
    end = horizon_end(plan, horizon_years)
    end_d = np.datetime64(end, "D")
    posts = select_posts(ds, sc) if posts is None else np.asarray(posts, dtype=np.int64)
    holder = np.array([ds.holder_row.get(str(f.jabatan_id[j]), -1) for j in posts], dtype=np.int64)
    held = holder >= 0
    hp, hj = holder[held], posts[held]
    records = _retirements(ds, hp, hj, plan_d, end_d)
    records += _tenure_ends(tl, hp, hj, plan_d, end)
    chosen = {int(j) for j in posts}
    for c in sotk or []:
        day = np.datetime64(c.day, "D")
        if not plan_d < day <= end_d:
            continue
        j = ds.post_index.get(c.jabatan_id, -1)
        if j >= 0 and j not in chosen:
            continue
        if j < 0 and (
            not include_new_posts or (new_post_opd and norm_text(c.opd) != norm_text(new_post_opd))
        ):
            continue
        records.append(_sotk_vacancy(ds, c, j, day, plan_d))
    frame = pd.DataFrame(records, columns=list(VACANCY_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame = frame.astype({"post": np.int64, "holder": np.int64, "past": bool})
    return frame.sort_values(["date", "jabatan_id", "reason"], kind="stable").reset_index(drop=True)


_Vacancy = tuple[object, ...]
"""One row of :data:`VACANCY_COLUMNS`."""


def _vacancy(
    ds: Dataset,
    j: int,
    person: int,
    day: np.datetime64,
    reason: str,
    texts_: tuple[str, str],
    plan_d: np.datetime64,
) -> _Vacancy:
    """The vacancy row of existing post ``j`` (``person``: its holder's pegawai row or -1)."""
    jab = ds.jabatan
    return (
        str(jab.at[j, "jabatan_id"]),
        j,
        str(jab.at[j, "name"]),
        str(jab.at[j, "opd"]),
        str(jab.at[j, "eselon"]),
        person,
        day,
        reason,
        *texts_,
        bool(day <= plan_d),
    )


def _retirements(
    ds: Dataset, hp: IntArray, hj: IntArray, plan_d: np.datetime64, end_d: np.datetime64
) -> list[_Vacancy]:
    """Posts whose holder (``hp`` of post ``hj``) reaches the retirement age (BUP) by ``end_d``."""
    out = []
    bup = ds.pegawai["bup_date"].to_numpy(dtype="datetime64[D]")[hp]
    ages = ds.pegawai["bup_age"].to_numpy()[hp]
    births = ds.pegawai["birth_date"].to_numpy(dtype="datetime64[D]")[hp]
    for p, j, day, age, birth in zip(hp, hj, bup, ages, births, strict=True):
        if not np.isnat(day) and day <= end_d:
            past_id = " (sudah lewat: perbarui data)" if day <= plan_d else ""
            past_en = " (already past: update the data)" if day <= plan_d else ""
            said = texts(
                "SUKSESI_BUP", birth=birth, age=age, day=day, past_id=past_id, past_en=past_en
            )
            out.append(_vacancy(ds, int(j), int(p), day, "bup", said, plan_d))
    return out


def _tenure_ends(
    tl: Timeline, hp: IntArray, hj: IntArray, plan_d: np.datetime64, end: date
) -> list[_Vacancy]:
    """Posts whose holder reaches the maximum tenure in the post (MASA_JABATAN_MAKS) by ``end``."""
    ds, f = tl.ds, tl.base
    out = []
    overdue, start = _max_tenure(tl, hp, hj, end)
    need = f.rules["MASA_JABATAN_MAKS"].params.get("maks_tahun", {})
    for p, j, day, tmt in zip(hp, hj, overdue, start, strict=True):
        if np.isnat(day):
            continue
        n = need.get(str(f.j_kind[j]), "")
        past_id = " (sudah lewat pada tanggal rencana)" if day <= plan_d else ""
        past_en = " (already past on the plan date)" if day <= plan_d else ""
        said = texts(
            "SUKSESI_MASA_JABATAN", tmt=tmt, n=n, day=day, past_id=past_id, past_en=past_en
        )
        out.append(_vacancy(ds, int(j), int(p), day, "masa_jabatan_maks", said, plan_d))
    return out


def _sotk_vacancy(
    ds: Dataset, c: SotkChange, j: int, day: np.datetime64, plan_d: np.datetime64
) -> _Vacancy:
    """The vacancy a SOTK change makes: an existing post ``j`` (with its holder) or, for ``j``
    -1, a post the file creates."""
    reason = f"sotk_{c.change}"
    said = texts("ALASAN_LOWONG_BARIS_SOTK", row=c.row)
    if j >= 0:
        return _vacancy(ds, j, int(ds.holder_row.get(c.jabatan_id, -1)), day, reason, said, plan_d)
    return (c.jabatan_id, -1, c.name, c.opd, c.eselon, -1, day, reason, *said, False)


def first_vacancy(frame: pd.DataFrame) -> dict[int, tuple[date, str]]:
    """Per post row: the earliest vacancy (date, reason)."""
    out: dict[int, tuple[date, str]] = {}
    days = frame["date"].to_numpy(dtype="datetime64[D]")
    for j, day, reason in zip(frame["post"].to_numpy(), days, frame["reason"], strict=True):
        if int(j) >= 0 and int(j) not in out:
            out[int(j)] = (to_day(day), str(reason))
    return out


__all__ = [
    "REASONS",
    "VACANCY_COLUMNS",
    "SotkChange",
    "first_vacancy",
    "future_vacancies",
    "read_sotk",
]
