"""Independent audit of a plan (the solver's or a hand-edited ``rencana.xlsx``), without any solver.

Re-derives eligibility and scores from the raw data and the scenario, then checks structure
(one holder per post, one post per person, every incumbent accounted for), every new placement's
eligibility, locks / forbids / must-moves / keeps, move caps, and recomputes the objective. For the
solver's own plan the recomputed objective must equal the reported one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.messages import texts
from placement.domain.model import Dataset, cell_text
from placement.rules.eligibility import PairTable, build_pairs, check_pair
from placement.solver.problem import SCALE


@dataclass
class AuditFinding:
    code: str
    message_id: str
    message_en: str
    nip: str | None = None
    jabatan_id: str | None = None

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    @classmethod
    def of(
        cls, code: str, nip: str | None = None, jabatan_id: str | None = None, **fields: object
    ) -> AuditFinding:
        """The finding ``code`` about ``nip`` / ``jabatan_id``, its messages from the catalogue
        (``nip`` and ``jid`` are fields of every template that names them)."""
        message_id, message_en = texts(code, nip=nip, jid=jabatan_id, **fields)
        return cls(code, message_id, message_en, nip, jabatan_id)


@dataclass
class AuditReport:
    findings: list[AuditFinding] = field(default_factory=list)
    objective: float | None = None  # recomputed, score units
    objective_scaled: int | None = None
    reported_scaled: int | None = None

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def difference(self) -> float | None:
        if self.objective_scaled is None or self.reported_scaled is None:
            return None
        return (self.objective_scaled - self.reported_scaled) / SCALE


class AuditFailedError(Exception):
    """The solver's plan broke a rule on re-check: a bug, never a user error; nothing is written.

    The one error of every path that audits a plan before writing it (solve, variants,
    alternatives, demo)."""

    def __init__(self, report: AuditReport, lang: str = "id") -> None:
        self.report = report
        lines = [f"AUDIT GAGAL {f.code}: {f.message(lang)}" for f in report.findings]
        super().__init__("\n".join(lines))


def _plan_pair_scores(
    ds: Dataset, table: PairTable, plan: pd.DataFrame
) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Scores and shortlist flags of just the plan's (person, post) pairs, looked up in the table."""
    people = [ds.person_index.get(str(n).strip(), -1) for n in plan["nip"]]
    posts = [
        ds.post_index.get(str(j).strip(), -1) if cell_text(j, strip=True) else -1
        for j in plan["jabatan_tujuan_id"]
    ]
    pairs = table.pairs
    post_col, person_col = pairs["post"].to_numpy(), pairs["person"].to_numpy()
    ordered = len(post_col) < 2 or bool(
        np.all(
            (post_col[1:] > post_col[:-1])
            | ((post_col[1:] == post_col[:-1]) & (person_col[1:] > person_col[:-1]))
        )
    )
    if not ordered:  # not in PairTable order (post, person): join
        wanted = pd.DataFrame({"person": people, "post": posts})
        found = wanted.merge(
            pairs[["person", "post", "total", "shortlist_only"]], on=["person", "post"]
        )
        keys = list(zip(found["person"].astype(int), found["post"].astype(int), strict=True))
        return dict(zip(keys, found["total"].astype(float), strict=True)), {
            k for k, flag in zip(keys, found["shortlist_only"], strict=True) if flag
        }
    # Sorted by (post, person): binary search, no join over all pairs.
    total = pairs["total"].to_numpy(dtype=float)
    flags = pairs["shortlist_only"].to_numpy(dtype=bool)
    lo = np.searchsorted(post_col, posts, side="left")
    hi = np.searchsorted(post_col, posts, side="right")
    score: dict[tuple[int, int], float] = {}
    shortlist: set[tuple[int, int]] = set()
    for person, post, a, b in zip(people, posts, lo.tolist(), hi.tolist(), strict=True):
        k = a + int(np.searchsorted(person_col[a:b], person))
        if person < 0 or post < 0 or k >= b or int(person_col[k]) != person:
            continue
        score[(person, post)] = float(total[k])
        if flags[k]:
            shortlist.add((person, post))
    return score, shortlist


def audit_plan(
    ds: Dataset,
    sc: Skenario,
    plan: pd.DataFrame,
    reported_scaled: int | None = None,
    table: PairTable | None = None,
    relaxed: list[dict[str, Any]] | None = None,
) -> AuditReport:
    """Check ``plan`` (columns nip, jabatan_tujuan_id at least) against data and rules.

    ``relaxed``: the elastic-mode relaxations recorded with the plan (hasil.json ``pelonggaran``);
    exactly those pairs may bend relaxable rules, scored with the relaxation penalty."""
    report = AuditReport(reported_scaled=reported_scaled)
    add = report.findings.append
    table = table if table is not None else build_pairs(ds, sc)
    allowed = {(str(r["nip"]), str(r["jabatan_id"])) for r in relaxed or []}
    readmitted: set[tuple[str, str]] = set()
    if allowed:
        table, readmitted = _relaxations(ds, sc, table, allowed, add)
    in_scope = set(ds.jabatan["jabatan_id"].to_numpy()[np.asarray(table.posts)].tolist())
    seen = _check_placements(ds, sc, plan, table, in_scope, allowed, readmitted, add)
    holders = {ds.holder_row[jid]: jid for jid in in_scope if jid in ds.holder_row}
    _check_incumbents(ds, sc, holders, seen, add)
    _check_scenario(ds, sc, seen.placed_rows, holders, in_scope, add)
    total = seen.total + _penalties(ds, sc, seen.posts, in_scope, holders, seen.placed_rows)
    report.objective_scaled = total
    report.objective = total / SCALE
    if reported_scaled is not None and total != reported_scaled and not report.findings:
        reported = reported_scaled / SCALE
        add(AuditFinding.of("OBJEKTIF_BERBEDA", total=total / SCALE, reported=reported))
    return report


Add = Callable[[AuditFinding], None]


@dataclass
class _Seen:
    """What the walk over the plan rows found: people and posts seen, placements, score."""

    people: set[str] = field(default_factory=set)
    posts: dict[str, str] = field(default_factory=dict)  # post → NIP placed there
    placed_rows: dict[int, int] = field(default_factory=dict)  # person row → post row
    total: int = 0  # scaled score of the eligible placements


def _relaxations(
    ds: Dataset, sc: Skenario, table: PairTable, allowed: set[tuple[str, str]], add: Add
) -> tuple[PairTable, set[tuple[str, str]]]:
    """The elastic table for the recorded relaxations (and the pairs it re-admits); a finding
    for each recorded relaxation that no relaxable rule explains."""
    from placement.plan.elastic import elastic_table

    elastic = elastic_table(ds, sc, table, posts={j for _, j in allowed})
    readmitted = set(
        zip(
            elastic.readmitted["nip"].astype(str),
            elastic.readmitted["jabatan_id"].astype(str),
            strict=True,
        )
    )
    for r_nip, r_jid in sorted(allowed - readmitted):
        add(AuditFinding.of("PELONGGARAN_TIDAK_SAH", r_nip, r_jid))
    return elastic.table, readmitted


def _check_placements(
    ds: Dataset,
    sc: Skenario,
    plan: pd.DataFrame,
    table: PairTable,
    in_scope: set[str],
    allowed: set[tuple[str, str]],
    readmitted: set[tuple[str, str]],
    add: Add,
) -> _Seen:
    """Each plan row: a known person, once; a post in scope, one holder; an eligible pair (its
    score counted)."""
    score, shortlist = _plan_pair_scores(ds, table, plan)
    seen = _Seen()
    nips = [cell_text(n, strip=True) for n in plan["nip"]]
    targets = [cell_text(t, strip=True) for t in plan["jabatan_tujuan_id"]]
    for nip, jid in zip(nips, targets, strict=True):
        if nip is None or nip not in ds.person_index:
            add(AuditFinding.of("NIP_TIDAK_DIKENAL", nip))
            continue
        if nip in seen.people:
            add(AuditFinding.of("PEGAWAI_GANDA", nip))
        seen.people.add(nip)
        if jid is None:
            continue
        if jid not in in_scope:
            add(AuditFinding.of("JABATAN_DI_LUAR_LINGKUP", nip, jid))
            continue
        if jid in seen.posts:
            add(AuditFinding.of("PEMEGANG_GANDA", nip, jid, first=seen.posts[jid]))
        seen.posts[jid] = nip
        p, j = ds.person_index[nip], ds.post_index[jid]
        seen.placed_rows[p] = j
        unrecorded = (nip, jid) in readmitted and (nip, jid) not in allowed
        if (
            (p, j) not in score
            or unrecorded
            or ((p, j) in shortlist and not sc.penempatan_jpt_langsung)
        ):
            add(_not_eligible(ds, sc, nip, jid))
            continue
        seen.total += round(score[(p, j)] * SCALE)
    return seen


def _not_eligible(ds: Dataset, sc: Skenario, nip: str, jid: str) -> AuditFinding:
    """The finding for a placement that is not an eligible pair, with the rules it breaks."""
    decision = check_pair(ds, sc, nip, jid)
    failed = ", ".join(
        f"{c.rule_id} ({c.actual} vs {c.threshold})" for c in decision.checks if not c.passed
    )
    why = failed or (
        "promosi JPT hanya melalui seleksi terbuka"
        if decision.shortlist_only
        else "bukan kandidat dalam lingkup"
    )
    return AuditFinding.of("TIDAK_MEMENUHI_SYARAT", nip, jid, why=why)


def _check_incumbents(
    ds: Dataset, sc: Skenario, holders: dict[int, str], seen: _Seen, add: Add
) -> None:
    """Every holder of a post in scope is in the plan and (without non-job) gets a post."""
    nips = ds.pegawai["nip"].to_dict()  # one look-up table, not one .at per holder
    for row, jid in sorted(holders.items()):
        nip = str(nips[row])
        if nip not in seen.people:
            add(AuditFinding.of("BARIS_HILANG", nip, jid))
        elif row not in seen.placed_rows and not sc.izinkan_non_job:
            add(AuditFinding.of("NON_JOB_TIDAK_DIIZINKAN", nip, jid))


def _penalties(
    ds: Dataset,
    sc: Skenario,
    seen_posts: dict[str, str],
    in_scope: set[str],
    holders: dict[int, str],
    placed_rows: dict[int, int],
) -> int:
    """Soft penalties: empty wajib_isi posts and (when allowed) non-job holders."""
    out = 0
    if not sc.wajib_isi_keras:
        must = ds.jabatan.loc[ds.jabatan["must_fill"], "jabatan_id"]
        empty = [j for j in must if j in in_scope and j not in seen_posts]
        out -= round(sc.bobot.penalti_wajib_isi_kosong * SCALE) * len(empty)
    if sc.izinkan_non_job:
        out -= round(sc.bobot.penalti_non_job * SCALE) * sum(
            1 for r in holders if r not in placed_rows
        )
    return out


def _check_scenario(
    ds: Dataset,
    sc: Skenario,
    placed: dict[int, int],
    holders: dict[int, str],
    in_scope: set[str],
    add: Add,
) -> None:
    """Locks, forbids, must-moves, keeps, hard wajib_isi and move caps."""
    _check_pins(ds, sc, placed, holders, add)
    if sc.wajib_isi_keras:
        post_id = ds.jabatan["jabatan_id"].to_numpy()
        filled = set(placed.values())
        for j in np.flatnonzero(ds.jabatan["must_fill"].to_numpy()).tolist():
            if post_id[j] in in_scope and j not in filled:
                add(AuditFinding.of("WAJIB_ISI_KOSONG", None, str(post_id[j])))
    _check_caps(ds, sc, placed, holders, add)


def _check_pins(
    ds: Dataset, sc: Skenario, placed: dict[int, int], holders: dict[int, str], add: Add
) -> None:
    """The scenario's per-person decisions: locks, forbids, must-moves and keeps."""
    for k in sc.kunci:
        p, j = ds.person_index.get(k.nip), ds.post_index.get(k.jabatan_id)
        if p is None or j is None or placed.get(p) != j:
            add(AuditFinding.of("KUNCI_DILANGGAR", k.nip, k.jabatan_id))
    for k in sc.larang:
        p, j = ds.person_index.get(k.nip), ds.post_index.get(k.jabatan_id)
        if p is not None and j is not None and placed.get(p) == j:
            add(AuditFinding.of("LARANGAN_DILANGGAR", k.nip, k.jabatan_id))
    for nip in sc.wajib_pindah:
        p = ds.person_index.get(nip)
        if p is not None and p in holders and placed.get(p) == ds.post_index[holders[p]]:
            add(AuditFinding.of("WAJIB_PINDAH_DILANGGAR", nip))
    for jid in sc.pertahankan:
        holder = ds.holder_row.get(jid)
        if holder is not None and placed.get(holder) != ds.post_index[jid]:
            add(AuditFinding.of("PERTAHANKAN_DILANGGAR", None, jid))


def _check_caps(
    ds: Dataset, sc: Skenario, placed: dict[int, int], holders: dict[int, str], add: Add
) -> None:
    """Move caps: in total and per OPD (count and share of its officials)."""
    moved = [r for r, jid in holders.items() if placed.get(r) != ds.post_index[jid]]
    b = sc.batas
    if b.perpindahan_total is not None and len(moved) > b.perpindahan_total:
        cap = b.perpindahan_total
        add(AuditFinding.of("BATAS_TOTAL_DILANGGAR", moved=len(moved), cap=cap))
    if b.perpindahan_per_opd is not None or b.porsi_berubah_per_opd is not None:
        opd_of = dict(zip(ds.jabatan["jabatan_id"], ds.jabatan["opd"], strict=True))
        per_opd = pd.Series([opd_of[holders[r]] for r in holders]).value_counts()
        moved_opd = pd.Series([opd_of[holders[r]] for r in moved], dtype=object).value_counts()
        for opd, n_hold in per_opd.items():
            allowed = n_hold
            if b.perpindahan_per_opd is not None:
                allowed = min(allowed, b.perpindahan_per_opd)
            if b.porsi_berubah_per_opd is not None:
                allowed = min(allowed, int(np.floor(b.porsi_berubah_per_opd * n_hold + 1e-9)))
            if int(moved_opd.get(opd, 0)) > allowed:
                n_moved = int(moved_opd.get(opd, 0))
                add(AuditFinding.of("BATAS_OPD_DILANGGAR", opd=opd, moved=n_moved, cap=allowed))
