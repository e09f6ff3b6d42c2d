"""From eligible pairs + scenario to the solver's Problem: scaling, tie-break, locks and caps.

Contradictory settings are reported here, before any solve, as located issues in Bahasa
Indonesia (lock to an ineligible post, two locks on one post, lock + forbid, cap below the number
of must-moves, a must-move person with nowhere to go).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, issue
from placement.domain.model import Dataset
from placement.rules.eligibility import PairTable
from placement.solver.problem import INT64_SAFE, SCALE, IntArray, Problem, StayGroup

CONFIG = "skenario"
_CHUNK = 1 << 20


@dataclass
class ModelIndex:
    """Maps the Problem's local ids back to the data (without copying the pair table)."""

    source: pd.DataFrame  # PairTable.pairs
    rows: IntArray  # Problem pair i = source row rows[i]
    people: IntArray  # local person → row in ds.pegawai
    posts: IntArray  # local post → row in ds.jabatan
    holders: IntArray  # local people who hold an in-scope post
    penalties: dict[str, float]  # soft penalties folded into pair weights (score units)

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """The placeable pairs as a frame, row i = Problem pair i (a copy: made on first use)."""
        return self.source.iloc[self.rows].reset_index(drop=True)

    def chosen(self, pair_ids: IntArray) -> pd.DataFrame:
        """Rows of the pair table for Problem pair ids."""
        return self.source.iloc[self.rows[pair_ids]]

    def column(self, name: str) -> npt.NDArray[Any]:
        """One pair-table column for the Problem's pairs."""
        return np.asarray(self.source[name].to_numpy()[self.rows])


@dataclass(frozen=True)
class WeightTerms:
    """A pair's solver weight from its total score: round(total·SCALE) plus the soft penalties
    folded into pairs (a must-fill post left empty, a holder left without a post), so that the
    weight of any pair can be computed from data rows alone (also outside a PairTable)."""

    post_add: IntArray  # per ds.jabatan row
    person_add: IntArray  # per ds.pegawai row
    offset: int
    penalties: dict[str, float]

    @classmethod
    def of(cls, ds: Dataset, sc: Skenario, posts: IntArray, holder_rows: IntArray) -> WeightTerms:
        post_add = np.zeros(ds.n_posts, dtype=np.int64)
        person_add = np.zeros(ds.n_people, dtype=np.int64)
        offset = 0
        penalties: dict[str, float] = {}
        must_fill = posts[ds.jabatan["must_fill"].to_numpy(dtype=bool)[posts]]
        if not sc.wajib_isi_keras and len(must_fill):
            pen = round(sc.bobot.penalti_wajib_isi_kosong * SCALE)
            post_add[must_fill] = pen
            offset -= pen * len(must_fill)
            penalties["wajib_isi_kosong"] = sc.bobot.penalti_wajib_isi_kosong
        if sc.izinkan_non_job:
            pen = round(sc.bobot.penalti_non_job * SCALE)
            person_add[holder_rows] = pen
            offset -= pen * len(holder_rows)
            penalties["non_job"] = sc.bobot.penalti_non_job
        return cls(post_add, person_add, offset, penalties)

    def weight(self, total: npt.NDArray[np.float64], person: IntArray, post: IntArray) -> IntArray:
        """Weights of the pairs (person row, post row) with these total scores."""
        scaled = total * SCALE
        weight = np.rint(scaled, out=scaled).astype(np.int64)
        weight += self.post_add[post]
        weight += self.person_add[person]
        return weight


@dataclass
class _Placeable:
    """The pairs the solver may choose (pair-table rows minus shortlist, forbids, must-move stays)."""

    person: IntArray
    post: IntArray
    stay: npt.NDArray[np.bool_]


def seniority(ds: Dataset) -> IntArray:
    """Seniority score per pegawai row, n = most senior: TMT golongan, then TMT CPNS, then row.

    Independent of NIP digits except through TMT CPNS, which pseudonymised data keeps.
    """
    peg = ds.pegawai
    far = pd.Timestamp("2262-01-01")
    order = np.lexsort(
        (
            np.arange(len(peg)),
            peg["tmt_cpns"].fillna(far).to_numpy(),
            peg["tmt_golongan"].fillna(far).to_numpy(),
        )
    )
    sen = np.empty(len(peg), dtype=np.int64)
    sen[order] = np.arange(len(peg), 0, -1)
    return sen


def _mix(a: IntArray, b: IntArray) -> IntArray:
    """Deterministic pseudo-random 20-bit value of two integers (splitmix-style)."""
    z = (a.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) ^ (
        b.astype(np.uint64) + np.uint64(0x632BE59BD9B4E019)
    )
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return np.asarray((z ^ (z >> np.uint64(31))) & np.uint64(0xFFFFF), dtype=np.int64)


def holder_rows_of(ds: Dataset, posts: IntArray) -> IntArray:
    """Sorted pegawai rows of the holders of ``posts`` (vacant posts have none)."""
    return np.array(
        sorted(
            ds.holder_row[jid]
            for jid in ds.jabatan["jabatan_id"].to_numpy()[posts]
            if jid in ds.holder_row
        ),
        dtype=np.int64,
    )


def build_problem(ds: Dataset, sc: Skenario, table: PairTable) -> tuple[Problem, ModelIndex]:
    """Build the model; raises PlacementError listing every contradiction in the scenario."""
    src = table.pairs
    src_person = src["person"].to_numpy()
    src_post = src["post"].to_numpy()
    src_stay = src["stay"].to_numpy(dtype=bool)
    keep = ~src["shortlist_only"].to_numpy(dtype=bool)
    if sc.larang:
        banned = _lookup(ds, src_person, src_post, [(k.nip, k.jabatan_id) for k in sc.larang])
        keep[list(banned.values())] = False
    posts = np.asarray(table.posts, dtype=np.int64)
    holder_rows = holder_rows_of(ds, posts)
    issues = _check_references(ds, sc, holder_rows)
    must_move = {ds.person_index[n] for n in sc.wajib_pindah if n in ds.person_index}
    if must_move:
        keep &= ~(src_stay & np.isin(src_person, list(must_move)))
    rows = np.flatnonzero(keep).astype(np.int64)
    del keep
    placeable = _Placeable(
        src_person[rows].astype(np.int64), src_post[rows].astype(np.int64), src_stay[rows]
    )
    # Local ids by lookup tables over the data rows (no sort of the pairs): people in row order,
    # posts in table.posts order.
    is_person = np.zeros(ds.n_people, dtype=bool)
    is_person[placeable.person] = True
    is_person[holder_rows] = True
    people = np.flatnonzero(is_person).astype(np.int64)
    local = np.full(max(ds.n_people, ds.n_posts), -1, dtype=np.int64)
    local[people] = np.arange(len(people))
    pair_person = local[placeable.person]
    local[:] = -1
    local[posts] = np.arange(len(posts))
    pair_post = local[placeable.post]
    del local
    stay = placeable.stay

    is_holder = np.isin(people, holder_rows)
    must_fill_post = ds.jabatan["must_fill"].to_numpy(dtype=bool)[posts]
    terms = WeightTerms.of(ds, sc, posts, holder_rows)
    weight = terms.weight(
        src["total"].to_numpy(dtype=float)[rows], placeable.person, placeable.post
    )
    offset, penalties = terms.offset, terms.penalties

    extent = table.model_extent or (int(np.abs(weight).max()) if len(weight) else 1, len(people))
    tiebreak = _tiebreak(ds, people, posts, pair_person, pair_post, stay, extent)
    fixed, lock_issues = _locks(ds, sc, placeable, holder_rows)
    issues += lock_issues
    issues += _must_move_issues(ds, sc, placeable, holder_rows, must_move)
    groups, cap_issues = _stay_groups(ds, sc, people, holder_rows, must_move)
    issues += cap_issues
    if issues:
        raise PlacementError(issues)
    problem = Problem(
        n_people=len(people),
        n_posts=len(posts),
        pair_person=pair_person,
        pair_post=pair_post,
        weight=weight,
        tiebreak=tiebreak,
        stay=stay,
        must_assign=is_holder & (not sc.izinkan_non_job),
        must_fill=must_fill_post & sc.wajib_isi_keras,
        offset=offset,
        fixed=fixed,
        stay_groups=groups,
    )
    local_holders = np.flatnonzero(is_holder).astype(np.int64)
    return problem, ModelIndex(src, rows, people, posts, local_holders, penalties)


def _tiebreak(
    ds: Dataset,
    people: IntArray,
    posts: IntArray,
    pair_person: IntArray,
    pair_post: IntArray,
    stay: np.ndarray,
    extent: tuple[int, int],
) -> IntArray:
    """(stay·(n+1) + seniority)·R + mix(seniority, post row) mod R, R ≤ 1024 chosen so that the
    exact integer form ``weight·K + tiebreak`` fits the min-cost flow's int64 range; ``extent``:
    the model's largest |weight| and number of people."""
    n = ds.n_people
    sen_local = seniority(ds)[people]
    post_rows = posts.astype(np.int64)
    max_w, n_model_people = extent
    nodes = n_model_people + len(posts) + 2
    r = 1024
    while r > 1:
        k = len(posts) * (2 * n + 2) * r
        if max_w * k * nodes * 4 < INT64_SAFE:
            break
        r //= 2
    out = np.empty(len(pair_person), dtype=np.int64)
    for start in range(0, len(out), _CHUNK):  # in chunks: the hash needs several temporaries
        s = slice(start, start + _CHUNK)
        sen = sen_local[pair_person[s]]
        base = np.where(stay[s], n + 1, 0) + sen
        out[s] = base * r + _mix(sen, post_rows[pair_post[s]]) % r
    return out


def _lookup(
    ds: Dataset, person: IntArray, post: IntArray, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Index of each (nip, jabatan_id) in ``keys`` among the pairs (person[i], post[i]); no dict
    over all pairs."""
    rows = [(ds.person_index.get(n, -1), ds.post_index.get(j, -1)) for n, j in keys]
    wanted = pd.DataFrame(rows, columns=["person", "post"]).assign(key=range(len(keys)))
    pairs = pd.DataFrame({"person": person, "post": post, "pair": np.arange(len(person))})
    found = wanted.merge(pairs, on=["person", "post"])
    return {keys[int(k)]: int(e) for k, e in zip(found["key"], found["pair"], strict=True)}


def _check_references(ds: Dataset, sc: Skenario, holder_rows: IntArray) -> list[Issue]:
    issues: list[Issue] = []
    for key, nips in (("wajib_pindah", sc.wajib_pindah),):
        for i, nip in enumerate(nips):
            if nip not in ds.person_index:
                where = Where(CONFIG, None, f"{key}.{i}")
                issues.append(issue("SKENARIO_NIP_TIDAK_DIKENAL", where, nip=nip, key=key))
            elif ds.person_index[nip] not in set(holder_rows.tolist()):
                where = Where(CONFIG, None, f"{key}.{i}")
                issues.append(issue("WAJIB_PINDAH_BUKAN_PEJABAT", where, nip=nip))
    for i, jid in enumerate(sc.pertahankan):
        if jid not in ds.post_index:
            where = Where(CONFIG, None, f"pertahankan.{i}")
            issues.append(issue("SKENARIO_JABATAN_TIDAK_DIKENAL", where, jid=jid))
        elif ds.holder_of(jid) is None:
            where = Where(CONFIG, None, f"pertahankan.{i}")
            issues.append(issue("PERTAHANKAN_LOWONG", where, jid=jid))
    return issues


def _locks(
    ds: Dataset, sc: Skenario, placeable: _Placeable, holder_rows: IntArray
) -> tuple[IntArray, list[Issue]]:
    """Pair indices forced to 1: ``kunci`` and the stays of ``pertahankan`` posts."""
    forbidden = {(k.nip, k.jabatan_id) for k in sc.larang}
    issues: list[Issue] = []
    fixed: list[int] = []
    seen_post: dict[str, str] = {}
    seen_person: dict[str, str] = {}
    wanted = [(k.nip, k.jabatan_id, f"kunci.{i}") for i, k in enumerate(sc.kunci)]
    for i, jid in enumerate(sc.pertahankan):
        holder = ds.holder_of(jid) if jid in ds.post_index else None
        if holder is not None:
            wanted.append((holder, jid, f"pertahankan.{i}"))
    lookup = _lookup(ds, placeable.person, placeable.post, [(nip, jid) for nip, jid, _ in wanted])
    for nip, jid, where in wanted:
        if (nip, jid) in forbidden:
            issues.append(issue("KUNCI_DAN_LARANG", Where(CONFIG, None, where), nip=nip, jid=jid))
            continue
        if jid in seen_post and seen_post[jid] != nip:
            first = seen_post[jid]
            located = Where(CONFIG, None, where)
            issues.append(issue("KUNCI_GANDA_JABATAN", located, jid=jid, first=first, nip=nip))
            continue
        if nip in seen_person and seen_person[nip] != jid:
            first = seen_person[nip]
            located = Where(CONFIG, None, where)
            issues.append(issue("KUNCI_GANDA_PEGAWAI", located, nip=nip, first=first, jid=jid))
            continue
        seen_post[jid], seen_person[nip] = nip, jid
        if (nip, jid) not in lookup:
            reason = _why_not_placeable(ds, sc, nip, jid)
            located = Where(CONFIG, None, where)
            issues.append(
                issue("KUNCI_TIDAK_MEMENUHI_SYARAT", located, nip=nip, jid=jid, reason=reason)
            )
            continue
        fixed.append(lookup[(nip, jid)])
    return np.array(sorted(set(fixed)), dtype=np.int64), issues


def _why_not_placeable(ds: Dataset, sc: Skenario, nip: str, jid: str) -> str:
    if nip not in ds.person_index:
        return "NIP tidak ada di data pegawai"
    if jid not in ds.post_index:
        return "jabatan_id tidak ada di data jabatan"
    if nip in sc.wajib_pindah and ds.holder_of(jid) == nip:
        return "pegawai ini wajib pindah dari jabatannya"
    from placement.rules.eligibility import check_pair

    decision = check_pair(ds, sc, nip, jid)
    failed = [c.rule_id for c in decision.checks if not c.passed]
    if failed:
        return "tidak memenuhi aturan " + ", ".join(failed)
    if decision.shortlist_only:
        return "promosi ke JPT melalui seleksi terbuka (daftar pendek), bukan penempatan langsung"
    return "jabatan di luar lingkup rencana atau pegawai bukan kandidat"


def _must_move_issues(
    ds: Dataset, sc: Skenario, placeable: _Placeable, holder_rows: IntArray, must_move: set[int]
) -> list[Issue]:
    issues: list[Issue] = []
    holders = set(holder_rows.tolist())
    persons = placeable.person
    candidates = np.array(sorted(must_move & holders), dtype=np.int64)
    movable = set(np.unique(persons[~placeable.stay & np.isin(persons, candidates)]).tolist())
    for row in sorted(must_move & holders):
        if row not in movable and not sc.izinkan_non_job:
            nip = str(ds.pegawai.at[row, "nip"])
            where = Where(CONFIG, None, "wajib_pindah")
            issues.append(issue("WAJIB_PINDAH_TANPA_TUJUAN", where, nip=nip))
    return issues


def cap_groups(ds: Dataset, sc: Skenario, holder_rows: IntArray) -> list[tuple[str, IntArray, int]]:
    """The move caps of ``batas`` as (name, holder person rows, moves allowed): "total" and one
    "opd:NAME" per OPD (the smaller of the count cap and the share cap)."""
    b = sc.batas
    groups: list[tuple[str, IntArray, int]] = []
    if b.perpindahan_total is not None:
        groups.append(("total", holder_rows, b.perpindahan_total))
    if b.perpindahan_per_opd is not None or b.porsi_berubah_per_opd is not None:
        post_of = ds.pegawai["jabatan_id"].to_numpy()[holder_rows]
        opd = ds.jabatan.set_index("jabatan_id").loc[post_of, "opd"].to_numpy()
        for name in sorted(set(opd.tolist())):
            members = holder_rows[opd == name]
            allowed = len(members)
            if b.perpindahan_per_opd is not None:
                allowed = min(allowed, b.perpindahan_per_opd)
            if b.porsi_berubah_per_opd is not None:
                allowed = min(allowed, int(np.floor(b.porsi_berubah_per_opd * len(members) + 1e-9)))
            groups.append((f"opd:{name}", members, allowed))
    return groups


def _stay_groups(
    ds: Dataset, sc: Skenario, people: IntArray, holder_rows: IntArray, must_move: set[int]
) -> tuple[list[StayGroup], list[Issue]]:
    """Move caps as lower bounds on the number of incumbents who stay (total and per OPD)."""
    groups = [
        StayGroup(name, np.searchsorted(people, members), max(0, len(members) - allowed))
        for name, members, allowed in cap_groups(ds, sc, holder_rows)
    ]
    issues: list[Issue] = []
    must_local = set(np.searchsorted(people, np.array(sorted(must_move), dtype=np.int64)).tolist())
    for g in groups:
        n_must = len(must_local & set(g.people.tolist()))
        if len(g.people) - n_must < g.min_stay:
            where = Where(CONFIG, None, "batas")
            issues.append(issue("BATAS_DI_BAWAH_WAJIB_PINDAH", where, group=g.name, n_must=n_must))
    return [g for g in groups if g.min_stay > 0], issues
