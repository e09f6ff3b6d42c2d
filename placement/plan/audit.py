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
from placement.domain.model import Dataset
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


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _plan_pair_scores(
    ds: Dataset, table: PairTable, plan: pd.DataFrame
) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Scores and shortlist flags of just the plan's (person, post) pairs, looked up in the table."""
    people = [ds.person_index.get(str(n).strip(), -1) for n in plan["nip"]]
    posts = [
        ds.post_index.get(str(j).strip(), -1) if _text(j) else -1 for j in plan["jabatan_tujuan_id"]
    ]
    pairs = table.pairs
    post_col, person_col = pairs["post"].to_numpy(), pairs["person"].to_numpy()
    ordered = len(post_col) < 2 or bool(
        np.all((post_col[1:] > post_col[:-1])
               | ((post_col[1:] == post_col[:-1]) & (person_col[1:] > person_col[:-1])))
    )  # fmt: skip
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
            add(AuditFinding("PELONGGARAN_TIDAK_SAH",
                             f"{r_nip} → {r_jid} tercatat sebagai pelonggaran, tetapi melanggar aturan yang tidak boleh dilonggarkan (atau memang memenuhi syarat)",
                             f"{r_nip} → {r_jid} is recorded as a relaxation but breaks a non-relaxable rule (or is eligible anyway)", r_nip, r_jid))  # fmt: skip
        table = elastic.table
    in_scope = set(ds.jabatan["jabatan_id"].to_numpy()[np.asarray(table.posts)].tolist())
    score, shortlist = _plan_pair_scores(ds, table, plan)
    nips = [_text(n) for n in plan["nip"]]
    targets = [_text(t) for t in plan["jabatan_tujuan_id"]]
    seen_people: set[str] = set()
    seen_posts: dict[str, str] = {}
    total = 0
    placed_rows: dict[int, int] = {}
    for nip, jid in zip(nips, targets, strict=True):
        if nip is None or nip not in ds.person_index:
            add(AuditFinding("NIP_TIDAK_DIKENAL", f"NIP {nip} di rencana tidak ada di data pegawai",
                             f"NIP {nip} in the plan is not in the pegawai data", nip))  # fmt: skip
            continue
        if nip in seen_people:
            add(AuditFinding("PEGAWAI_GANDA", f"{nip} muncul lebih dari sekali di rencana",
                             f"{nip} appears more than once in the plan", nip))  # fmt: skip
        seen_people.add(nip)
        if jid is None:
            continue
        if jid not in in_scope:
            add(AuditFinding("JABATAN_DI_LUAR_LINGKUP", f"Jabatan {jid} tidak ada atau di luar lingkup rencana",
                             f"Post {jid} does not exist or is outside the plan's scope", nip, jid))  # fmt: skip
            continue
        if jid in seen_posts:
            add(AuditFinding("PEMEGANG_GANDA", f"Jabatan {jid} diberikan kepada dua orang ({seen_posts[jid]} dan {nip})",
                             f"Post {jid} is given to two people ({seen_posts[jid]} and {nip})", nip, jid))  # fmt: skip
        seen_posts[jid] = nip
        p, j = ds.person_index[nip], ds.post_index[jid]
        placed_rows[p] = j
        unrecorded = (nip, jid) in readmitted and (nip, jid) not in allowed
        if (
            (p, j) not in score
            or unrecorded
            or ((p, j) in shortlist and not sc.penempatan_jpt_langsung)
        ):
            decision = check_pair(ds, sc, nip, jid)
            failed = ", ".join(
                f"{c.rule_id} ({c.actual} vs {c.threshold})"
                for c in decision.checks
                if not c.passed
            )
            why = failed or (
                "promosi JPT hanya melalui seleksi terbuka"
                if decision.shortlist_only
                else "bukan kandidat dalam lingkup"
            )
            add(AuditFinding("TIDAK_MEMENUHI_SYARAT", f"{nip} → {jid} tidak memenuhi syarat: {why}",
                             f"{nip} → {jid} is not eligible: {why}", nip, jid))  # fmt: skip
            continue
        total += round(score[(p, j)] * SCALE)

    holders = {ds.holder_row[jid]: jid for jid in in_scope if jid in ds.holder_row}
    nip_of = ds.pegawai["nip"].to_dict()
    for row, jid in sorted(holders.items()):
        nip = str(nip_of[row])
        if nip not in seen_people:
            add(AuditFinding("BARIS_HILANG", f"Pemegang jabatan {jid} ({nip}) tidak ada di rencana",
                             f"The holder of {jid} ({nip}) is missing from the plan", nip, jid))  # fmt: skip
        elif row not in placed_rows and not sc.izinkan_non_job:
            add(AuditFinding("NON_JOB_TIDAK_DIIZINKAN", f"{nip} (pemegang {jid}) tidak mendapat jabatan; non-job tidak diizinkan",
                             f"{nip} (holder of {jid}) gets no post; non-job is not allowed", nip, jid))  # fmt: skip
    _check_scenario(ds, sc, placed_rows, holders, in_scope, add)
    total += _penalties(ds, sc, seen_posts, in_scope, holders, placed_rows)
    report.objective_scaled = total
    report.objective = total / SCALE
    if reported_scaled is not None and total != reported_scaled and not report.findings:
        add(AuditFinding("OBJEKTIF_BERBEDA",
                         f"Objektif dihitung ulang {total / SCALE:.4f} berbeda dari yang dilaporkan {reported_scaled / SCALE:.4f}",
                         f"Recomputed objective {total / SCALE:.4f} differs from the reported {reported_scaled / SCALE:.4f}"))  # fmt: skip
    return report


def _penalties(
    ds: Dataset, sc: Skenario, seen_posts: dict[str, str], in_scope: set[str],
    holders: dict[int, str], placed_rows: dict[int, int],
) -> int:  # fmt: skip
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
    ds: Dataset, sc: Skenario, placed: dict[int, int], holders: dict[int, str], in_scope: set[str],
    add: Callable[[AuditFinding], None],
) -> None:  # fmt: skip
    """Locks, forbids, must-moves, keeps, hard wajib_isi and move caps."""
    post_id = ds.jabatan["jabatan_id"].to_numpy()
    for k in sc.kunci:
        p, j = ds.person_index.get(k.nip), ds.post_index.get(k.jabatan_id)
        if p is None or j is None or placed.get(p) != j:
            add(AuditFinding("KUNCI_DILANGGAR", f"Kunci {k.nip} → {k.jabatan_id} tidak dipatuhi",
                             f"Lock {k.nip} → {k.jabatan_id} is not honoured", k.nip, k.jabatan_id))  # fmt: skip
    for k in sc.larang:
        p, j = ds.person_index.get(k.nip), ds.post_index.get(k.jabatan_id)
        if p is not None and j is not None and placed.get(p) == j:
            add(AuditFinding("LARANGAN_DILANGGAR", f"Pasangan terlarang {k.nip} → {k.jabatan_id} ada di rencana",
                             f"Forbidden pair {k.nip} → {k.jabatan_id} is in the plan", k.nip, k.jabatan_id))  # fmt: skip
    for nip in sc.wajib_pindah:
        p = ds.person_index.get(nip)
        if p is not None and p in holders and placed.get(p) == ds.post_index[holders[p]]:
            add(AuditFinding("WAJIB_PINDAH_DILANGGAR", f"{nip} wajib pindah tetapi tetap di jabatannya",
                             f"{nip} must move but stays", nip))  # fmt: skip
    for jid in sc.pertahankan:
        holder = ds.holder_row.get(jid)
        if holder is not None and placed.get(holder) != ds.post_index[jid]:
            add(AuditFinding("PERTAHANKAN_DILANGGAR", f"Pemegang {jid} seharusnya dipertahankan",
                             f"The holder of {jid} should be kept", None, jid))  # fmt: skip
    if sc.wajib_isi_keras:
        filled = set(placed.values())
        for j in np.flatnonzero(ds.jabatan["must_fill"].to_numpy()).tolist():
            if post_id[j] in in_scope and j not in filled:
                add(AuditFinding("WAJIB_ISI_KOSONG", f"Jabatan wajib isi {post_id[j]} kosong",
                                 f"Must-fill post {post_id[j]} is empty", None, str(post_id[j])))  # fmt: skip
    moved = [r for r, jid in holders.items() if placed.get(r) != ds.post_index[jid]]
    b = sc.batas
    if b.perpindahan_total is not None and len(moved) > b.perpindahan_total:
        add(AuditFinding("BATAS_TOTAL_DILANGGAR", f"{len(moved)} pejabat berpindah, batas {b.perpindahan_total}",
                         f"{len(moved)} officials move, cap {b.perpindahan_total}"))  # fmt: skip
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
                add(AuditFinding("BATAS_OPD_DILANGGAR", f"{opd}: {int(moved_opd.get(opd, 0))} pejabat berganti, batas {allowed}",
                                 f"{opd}: {int(moved_opd.get(opd, 0))} officials change, cap {allowed}"))  # fmt: skip
