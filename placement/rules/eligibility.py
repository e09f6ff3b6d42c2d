"""Eligible (person, post) pairs without ever materialising people × posts.

Scope: the structural posts selected by ``sc.lingkup``. Candidates: the holders of in-scope posts
plus everyone without a structural post (JF, pelaksana); holders of out-of-scope posts are not
candidates. A holder staying in the own post (``tetap``) is always eligible: the appointment rules
do not apply to stays; only soft rules (MASA_JABATAN_MAKS) mark it.

:func:`build_pairs` works in two phases:

1. Blocking, vectorised over groups: candidates are sorted by (level, eselon rank, golongan) so
   that each (level, rank) segment is contiguous with golongan ascending; posts are grouped by
   (level, rank, lowest golongan). For a group, a segment is refused whole by NAIK_SATU_JENJANG
   (level more than ``langkah_maks`` below) or DEMOSI (lower level or rank), otherwise only its
   prefix below the golongan minimum is refused (GOL_MIN_ESELON, a ``searchsorted``). Refusals
   of this phase are counted arithmetically; only surviving pairs are formed, in chunks.
2. The other active hard rules run vectorised on each chunk in pack order, each on the pairs the
   previous ones kept, so each refused pair is counted once, under the first rule (in pack order)
   that refuses it. Shortlist rules then flag pairs (JPT_SELEKSI_TERBUKA) and the pairs are scored.

:func:`check_pair`, :func:`assess_post` and :func:`assess_person` run the same rule functions on
explicit pairs, all rules on every pair, with actual values and thresholds for explanations.
"""

from __future__ import annotations

import contextlib
import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain.errors import Issue, PlacementError
from placement.domain.format_id import number
from placement.domain.messages import Where, failure, issue, texts
from placement.domain.model import Dataset
from placement.rules.checks import CHECKS, TETAP, Outcome, PairContext, post_min_grade
from placement.rules.facts import BoolArray, Facts, IntArray, build_facts, norm_text
from placement.rules.registry import (
    BLOCKING_RULES,
    MOVE_CODE,
    MOVE_TYPES,
    Rule,
    RuleSet,
    relaxations,
    rule_set,
)
from placement.rules.scoring import SCORE_COLUMNS, Scorer, require_known
from placement.rules.shown import Shown, text

CHUNK_PAIRS = 1_000_000
PAIR_COLUMNS: tuple[str, ...] = (
    "person",
    "post",
    "nip",
    "jabatan_id",
    "move_type",
    "stay",
    "shortlist_only",
    *SCORE_COLUMNS,
)
REFUSED_COLUMNS: tuple[str, ...] = (
    "person",
    "post",
    "nip",
    "jabatan_id",
    "move_type",
    "rule_id",
    "actual",
    "threshold",
    "legal_basis",
    "message_id",
    "message_en",
)
_BIG = 1 << 30
_MOVE_NAMES = np.array(MOVE_TYPES, dtype=object)


# --- contract types --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """One rule evaluated on one pair.

    ``passed`` is False only when the rule refuses the pair, so a pair is eligible iff every check
    passed. ``flagged`` marks a non-refusing rule that fired: JPT_SELEKSI_TERBUKA (shortlist only)
    or MASA_JABATAN_MAKS (overdue stay, penalised).
    """

    rule_id: str
    passed: bool
    actual: str
    threshold: str
    legal_basis: str
    message_id: str
    message_en: str
    flagged: bool = False


@dataclass(frozen=True, slots=True)
class PairDecision:
    """Eligibility of one (person, post) pair with the checks of every applicable rule."""

    nip: str
    jabatan_id: str
    eligible: bool
    move_type: str
    shortlist_only: bool
    checks: list[RuleCheck]
    in_scope: bool = True  # post in sc.lingkup and person a candidate
    overdue: bool = False  # a stay past MASA_JABATAN_MAKS


@dataclass(eq=False)
class PairTable:
    """Eligible pairs (incl. stays) with score terms: the solver's input.

    ``pairs`` is sorted by (post, person); ``person``/``post`` are int32 rows of ds.pegawai /
    ds.jabatan. ``refusal_counts`` (rule_id, count) and ``refusals_by_post`` (post, rule_id,
    count) count every refused candidate × in-scope post pair once, under the first rule in pack
    order that refuses it, so ``len(candidates) * len(posts) == len(pairs) + refusal total``.
    """

    pairs: pd.DataFrame
    posts: IntArray
    candidates: IntArray
    refusal_counts: pd.DataFrame
    refusals_by_post: pd.DataFrame
    plan_date: date
    relaxed: list[dict[str, Any]]
    warnings: list[Issue] = field(default_factory=list)
    rules: RuleSet | None = None
    # A table priced in stages holds only the pairs that can matter (workflow/pricing.py): the
    # number of eligible pairs found, and the full model's largest |weight| and people count.
    eligible_count: int | None = None
    model_extent: tuple[int, int] | None = None

    @property
    def n_eligible(self) -> int:
        """Eligible pairs of the scenario (more than ``len(pairs)`` for a staged table)."""
        return len(self.pairs) if self.eligible_count is None else self.eligible_count

    @property
    def cross_size(self) -> int:
        return len(self.candidates) * len(self.posts)

    def overdue_stays(self) -> pd.DataFrame:
        """Stays past the maximum tenure (MASA_JABATAN_MAKS): listed in outputs."""
        p = self.pairs
        return p[p["stay"].to_numpy() & (p["overdue_penalty"].to_numpy() > 0)]


@dataclass(eq=False)
class Assessment:
    """All candidates for one post, or all in-scope posts for one person."""

    eligible: pd.DataFrame  # PAIR_COLUMNS, ranked best first
    refused: pd.DataFrame  # REFUSED_COLUMNS, one row per failed rule
    plan_date: date
    relaxed: list[dict[str, Any]]
    in_scope: bool


# --- scope ----------------------------------------------------------------------------------------


def scope_posts(ds: Dataset, sc: Skenario) -> IntArray:
    """Rows of the structural posts in ``sc.lingkup`` (empty lists = all)."""
    jab = ds.jabatan
    mask = np.ones(len(jab), dtype=bool)
    if sc.lingkup.opd:
        names = {norm_text(o) for o in sc.lingkup.opd}
        opd = np.array([norm_text(o) for o in jab["opd"]], dtype=object)
        unknown = sorted(o for o in sc.lingkup.opd if norm_text(o) not in set(opd))
        if unknown:
            raise failure(
                "LINGKUP_OPD", Where("skenario", column="lingkup.opd"), unknown=", ".join(unknown)
            )
        mask &= np.isin(opd, list(names))
    if sc.lingkup.jenis_jabatan:
        mask &= jab["jenis_jabatan"].astype(str).isin(list(sc.lingkup.jenis_jabatan)).to_numpy()
    return np.flatnonzero(mask).astype(np.int64)


def candidate_rows(f: Facts, posts: IntArray) -> IntArray:
    """Holders of in-scope posts + everyone without a structural post."""
    in_scope = np.zeros(len(f.jabatan_id), dtype=bool)
    in_scope[posts] = True
    held = f.p_held
    holds_in_scope = (held >= 0) & in_scope[np.where(held >= 0, held, 0)]
    return np.flatnonzero((held < 0) | holds_in_scope).astype(np.int64)


# --- rule evaluation --------------------------------------------------------------------------------


def run_rule(rule: Rule, ctx: PairContext) -> Outcome:
    """A rule's outcome with its ``berlaku_untuk`` move types applied (passes where it does not apply)."""
    out = CHECKS[rule.id](ctx, rule)
    moves = np.zeros(len(MOVE_CODE), dtype=bool)
    moves[[MOVE_CODE[m] for m in rule.moves]] = True
    applies = out.applies & moves[ctx.move]
    return Outcome(applies, out.passed | ~applies, out.detail)


def _active(rules: RuleSet, effect: str) -> list[Rule]:
    return [r for r in rules.checks() if r.active and r.spec.effect == effect]


def _filter(
    ctx: PairContext, refusing: list[Rule], counts: npt.NDArray[np.int64], col: dict[str, int]
) -> PairContext:
    n_posts = counts.shape[0]
    for rule in refusing:
        if not len(ctx):
            break
        bad = ~run_rule(rule, ctx).passed
        if bad.any():
            counts[:, col[rule.id]] += np.bincount(ctx.post[bad], minlength=n_posts)
            ctx = ctx.take(~bad)
    return ctx


def _fires(rules: list[Rule], ctx: PairContext) -> BoolArray:
    out = np.zeros(len(ctx), dtype=bool)
    for rule in rules:
        out |= ~run_rule(rule, ctx).passed
    return out


# --- phase 1: blocking by level, rank and golongan ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Blocking:
    step: int
    demosi: bool
    min_grade: IntArray  # per post; -_BIG when GOL_MIN_ESELON is inactive

    @classmethod
    def of(cls, f: Facts, rules: RuleSet) -> _Blocking:
        naik, gol = rules["NAIK_SATU_JENJANG"], rules["GOL_MIN_ESELON"]
        return cls(
            step=int(naik["langkah_maks"]) if naik.active else _BIG,
            demosi=rules.is_active("DEMOSI"),
            min_grade=post_min_grade(f, gol)[0]
            if gol.active
            else np.full(len(f.jabatan_id), -_BIG, dtype=np.int64),
        )

    def verdict(
        self,
        v: IntArray,
        q: IntArray,
        g: IntArray,
        level: IntArray | int,
        r: IntArray | int,
        gmin: IntArray | int,
    ) -> IntArray:
        """0 kept, 1 NAIK_SATU_JENJANG, 2 DEMOSI, 3 GOL_MIN_ESELON (first failing, pack order)."""
        return np.where(
            v < level - self.step,
            1,
            np.where(self.demosi & ((v > level) | (q > r)), 2, np.where(g < gmin, 3, 0)),
        )


def _blocked_pairs(
    f: Facts,
    block: _Blocking,
    cand: IntArray,
    posts: IntArray,
    counts: npt.NDArray[np.int64],
    col: dict[str, int],
    chunk: int,
) -> Iterator[tuple[IntArray, IntArray]]:
    lv, rk, gr = f.p_level[cand], f.p_rank[cand], f.p_grade[cand]
    order = np.lexsort((gr, rk, lv))
    people, lv, rk, gr = cand[order], lv[order], rk[order], gr[order]
    brk = np.flatnonzero((np.diff(lv) != 0) | (np.diff(rk) != 0)) + 1
    starts = np.r_[0, brk].astype(np.int64) if len(people) else np.zeros(0, np.int64)
    ends = np.r_[brk, len(people)].astype(np.int64) if len(people) else np.zeros(0, np.int64)
    keys = np.stack([f.j_level[posts], f.j_rank[posts], block.min_grade[posts]], axis=1)
    groups, inverse = np.unique(keys, axis=0, return_inverse=True)
    blocking = [col.get(r, -1) for r in BLOCKING_RULES]
    for gi, (L, r, gmin) in enumerate(groups):
        gposts = posts[inverse.ravel() == gi]
        refused = np.zeros(3, dtype=np.int64)
        keep: list[IntArray] = []
        for s, e in zip(starts, ends, strict=True):
            why = int(block.verdict(lv[s : s + 1], rk[s : s + 1], np.array([_BIG]), L, r, gmin)[0])
            if why:
                refused[why - 1] += e - s
                continue
            k = s + int(np.searchsorted(gr[s:e], gmin, side="left"))
            refused[2] += k - s
            keep.append(np.arange(k, e))
        for i, c in enumerate(blocking):
            if refused[i] and c >= 0:
                counts[gposts, c] += refused[i]
        members = np.sort(people[np.concatenate(keep)]) if keep else np.zeros(0, np.int64)
        yield from cross_pairs(f, members, gposts, chunk)


def cross_pairs(
    f: Facts, people: IntArray, posts: IntArray, chunk: int = CHUNK_PAIRS
) -> Iterator[tuple[IntArray, IntArray]]:
    """``people`` × ``posts`` in chunks of about ``chunk`` pairs, without anyone's own post."""
    if not len(people):
        return
    per = max(1, chunk // len(people))
    for i in range(0, len(posts), per):
        sub = posts[i : i + per]
        person = np.tile(people, len(sub))
        post = np.repeat(sub, len(people))
        other = np.flatnonzero(f.p_held[person] != post)
        yield person[other], post[other]


def _uncount_holders(
    f: Facts,
    block: _Blocking,
    holders: IntArray,
    counts: npt.NDArray[np.int64],
    col: dict[str, int],
) -> None:
    """Blocking counted each holder against the own post: that pair is a stay, not a refusal."""
    j = f.p_held[holders]
    why = block.verdict(
        f.p_level[holders],
        f.p_rank[holders],
        f.p_grade[holders],
        f.j_level[j],
        f.j_rank[j],
        block.min_grade[j],
    )
    for i, rid in enumerate(BLOCKING_RULES, start=1):
        c = col.get(rid, -1)
        if c >= 0:
            np.subtract.at(counts[:, c], j[why == i], 1)


# --- building the table ---------------------------------------------------------------------------------


def _part(
    ctx: PairContext, shortlist: BoolArray, overdue: BoolArray
) -> dict[str, npt.NDArray[Any]]:
    """The kept pairs of one chunk, narrow (scores are computed once the table is in order)."""
    return {
        "person": ctx.person.astype(np.int32),
        "post": ctx.post.astype(np.int32),
        "move": ctx.move,
        "shortlist_only": shortlist,
        "overdue": overdue,
    }


def _pairs_frame(
    f: Facts, scorer: Scorer, parts: list[dict[str, npt.NDArray[Any]]], chunk: int = CHUNK_PAIRS
) -> pd.DataFrame:
    """The pair table sorted by (post, person): the narrow parts are put in order first, then
    each score column is filled in place chunk by chunk (no per-chunk score arrays to
    concatenate and reorder: that doubled the peak memory at province scale)."""
    if not parts:
        frame = pd.DataFrame({c: pd.Series(dtype=float) for c in PAIR_COLUMNS})
        return frame.astype(
            {
                "person": np.int32,
                "post": np.int32,
                "stay": bool,
                "shortlist_only": bool,
                "nip": str,
                "jabatan_id": str,
                "move_type": str,
            }
        )
    post = np.concatenate([p.pop("post") for p in parts])
    person = np.concatenate([p.pop("person") for p in parts])
    order = np.argsort(post.astype(np.int64) * (len(f.nip) + 1) + person, kind="stable")
    post, person = post[order], person[order]

    def column(name: str) -> npt.NDArray[Any]:
        return np.concatenate([p.pop(name) for p in parts])[order]

    move, shortlist, overdue = column("move"), column("shortlist_only"), column("overdue")
    n = len(post)
    scores = {c: np.empty(n, dtype=np.float64) for c in SCORE_COLUMNS}
    for start in range(0, n, chunk):
        s = slice(start, min(n, start + chunk))
        for name, values in scorer.score(person[s], post[s], move[s], overdue[s]).items():
            scores[name][s] = values
    data: dict[str, Any] = {
        "person": person,
        "post": post,
        # Categoricals: int codes into the id tables, not one Python string per pair (memory).
        "nip": pd.Categorical.from_codes(person, categories=pd.Index(f.nip, dtype="str")),
        "jabatan_id": pd.Categorical.from_codes(
            post, categories=pd.Index(f.jabatan_id, dtype="str")
        ),
        "move_type": pd.Categorical.from_codes(move, categories=pd.Index(_MOVE_NAMES, dtype="str")),
        "stay": move == TETAP,
        "shortlist_only": shortlist.astype(bool, copy=False),
        **scores,
    }
    return pd.DataFrame(data, copy=False)


def _release_freed_memory() -> None:
    """Hand the heap memory freed by the chunk temporaries back to the OS (glibc keeps it, and
    the large arrays allocated next are mapped separately, so it would only inflate the RSS)."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def out_of_memory(stage: str, people: int, posts: int, pairs: int | None) -> PlacementError:
    """MEMORI_TIDAK_CUKUP: what ran out (``stage``: kelayakan, model, solver or rencana), at what
    size, and how to make the problem smaller. Nothing has been written when this is raised."""
    what_id, what_en = texts(f"RUN_MEMORI_TAHAP_{stage.upper()}")
    pairs_id, pairs_en = ("", "")
    if pairs is not None:
        pairs_id, pairs_en = texts("RUN_MEMORI_PASANGAN", pairs=pairs, pairs_id=number(pairs))
    found = issue(
        "MEMORI_TIDAK_CUKUP",
        Where("skenario", None, "lingkup"),
        what_id=what_id,
        what_en=what_en,
        pairs_id=pairs_id,
        pairs_en=pairs_en,
        people=people,
        posts=posts,
        people_id=number(people),
        posts_id=number(posts),
    )
    return PlacementError([found])


@dataclass(eq=False)
class PairScan:
    """One pass over the eligible pairs of a scenario, block by block: what :func:`build_pairs`
    keeps, and what a pricing pass re-reads without keeping it (docs/scale.md). Each pass of
    :meth:`moves` counts the refusals afresh; :meth:`table` assembles a PairTable from kept parts."""

    f: Facts
    sc: Skenario
    rules: RuleSet
    scorer: Scorer
    posts: IntArray
    candidates: IntArray
    counts: npt.NDArray[np.int64]  # refusals per (post row, refusing rule), of the last pass
    chunk_pairs: int = CHUNK_PAIRS

    @classmethod
    def of(cls, ds: Dataset, sc: Skenario, *, chunk_pairs: int = CHUNK_PAIRS) -> PairScan:
        rules = rule_set(sc)
        f = build_facts(ds, sc, rules)
        posts = scope_posts(ds, sc)
        counts = np.zeros((ds.n_posts, len(_active(rules, "tolak"))), dtype=np.int64)
        return cls(
            f, sc, rules, Scorer.of(f, sc), posts, candidate_rows(f, posts), counts, chunk_pairs
        )

    @property
    def _refusing(self) -> list[Rule]:
        return _active(self.rules, "tolak")

    @property
    def _col(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self._refusing)}

    def moves(self) -> Iterator[dict[str, npt.NDArray[Any]]]:
        """The eligible move pairs (not stays), one chunk at a time, as narrow parts."""
        self.counts[:] = 0
        col = self._col
        later = [r for r in self._refusing if r.id not in BLOCKING_RULES]
        flags = _active(self.rules, "daftar_pendek")
        penalties = _active(self.rules, "penalti")
        block = _Blocking.of(self.f, self.rules)
        for person, post in _blocked_pairs(
            self.f, block, self.candidates, self.posts, self.counts, col, self.chunk_pairs
        ):
            ctx = _filter(PairContext.of(self.f, person, post), later, self.counts, col)
            yield _part(ctx, _fires(flags, ctx), _fires(penalties, ctx))

    def stays(self) -> dict[str, npt.NDArray[Any]]:
        """The stays of the candidates who hold an in-scope post; call after a pass of
        :meth:`moves` (blocking counted each holder against the own post: not a refusal)."""
        holders = self.candidates[self.f.p_held[self.candidates] >= 0]
        _uncount_holders(self.f, _Blocking.of(self.f, self.rules), holders, self.counts, self._col)
        stays = PairContext.of(self.f, holders, self.f.p_held[holders])
        penalties = _active(self.rules, "penalti")
        return _part(stays, np.zeros(len(stays), dtype=bool), _fires(penalties, stays))

    def total(self, part: dict[str, npt.NDArray[Any]]) -> npt.NDArray[np.float64]:
        """The total score of each pair of a part (the solver's weight before scaling)."""
        scores = self.scorer.score(part["person"], part["post"], part["move"], part["overdue"])
        return np.asarray(scores["total"], dtype=np.float64)

    def table(self, parts: list[dict[str, npt.NDArray[Any]]]) -> PairTable:
        """The PairTable of the kept ``parts`` (consumed) with the last pass's refusal counts."""
        pairs = _pairs_frame(self.f, self.scorer, parts, self.chunk_pairs)
        refusing = self._refusing
        by_post = [
            (int(p), r.id, int(self.counts[p, i]))
            for p in self.posts
            for i, r in enumerate(refusing)
            if self.counts[p, i]
        ]
        return PairTable(
            pairs=pairs,
            posts=self.posts,
            candidates=self.candidates,
            refusal_counts=pd.DataFrame(
                {
                    "rule_id": [r.id for r in refusing],
                    "count": self.counts.sum(axis=0).astype(np.int64),
                }
            ),
            refusals_by_post=pd.DataFrame(by_post, columns=["post", "rule_id", "count"]).astype(
                {"post": np.int32, "count": np.int64}
            ),
            plan_date=self.sc.tanggal_rencana,
            relaxed=relaxations(self.sc),
            warnings=self.scorer.warnings(self.posts, self.candidates),
            rules=self.rules,
        )


def count_eligible(ds: Dataset, sc: Skenario, *, chunk_pairs: int = CHUNK_PAIRS) -> int:
    """How many pairs :func:`build_pairs` would keep (moves and stays), counted block by block:
    the same rules on the same chunks, but no pair is kept, so memory stays at one chunk. Used to
    size a problem before building it (docs/scale.md)."""
    scan = PairScan.of(ds, sc, chunk_pairs=chunk_pairs)
    n = sum(len(part["post"]) for part in scan.moves())
    return n + len(scan.stays()["post"])


def build_pairs(ds: Dataset, sc: Skenario, *, chunk_pairs: int = CHUNK_PAIRS) -> PairTable:
    """Eligible pairs of a scenario (see the module docstring)."""
    return full_table(PairScan.of(ds, sc, chunk_pairs=chunk_pairs))


def full_table(scan: PairScan) -> PairTable:
    """The table of every eligible pair of one pass; MEMORI_TIDAK_CUKUP when it does not fit."""
    parts: list[dict[str, npt.NDArray[Any]]] = []
    kept = 0  # eligible pairs found so far (named when memory runs out)
    try:
        for part in scan.moves():
            parts.append(part)
            kept += len(part["post"])
        parts.append(scan.stays())
        kept += len(parts[-1]["post"])
        table = scan.table(parts)
    except MemoryError:
        table = None  # the error (and the frames holding the arrays) is let go here
    if table is None:
        parts.clear()
        _release_freed_memory()
        raise out_of_memory("kelayakan", len(scan.candidates), len(scan.posts), kept)
    _release_freed_memory()
    return table


# --- explanations -------------------------------------------------------------------------------------


def _message(
    rule: Rule, passed: bool, flagged: bool, actual: tuple[str, str], threshold: tuple[str, str]
) -> tuple[str, str]:
    """The explanation of one check in both languages; ``actual`` and ``threshold``: the display
    values (Indonesian, English)."""
    spec = rule.spec
    if flagged:
        status = "DAFTAR_PENDEK" if spec.effect == "daftar_pendek" else "PENALTI"
    else:
        status = "MEMENUHI" if passed else "TIDAK_MEMENUHI"
    return text(
        f"CEK_{status}",
        rule=spec.id,
        description_id=spec.description_id,
        description_en=spec.description_en,
        body_id=spec.message_id.format(actual=actual[0], threshold=threshold[0]),
        body_en=spec.message_en.format(actual=actual[1], threshold=threshold[1]),
    )


def _at(shown: Shown, i: int) -> tuple[str, str]:
    return str(shown.id[i]), str(shown.en[i])


@dataclass(frozen=True, slots=True)
class _Explained:
    refused: BoolArray
    shortlist: BoolArray
    overdue: BoolArray
    outcomes: list[tuple[Rule, Outcome, Shown, Shown]]


def _explain(rules: RuleSet, ctx: PairContext) -> _Explained:
    """All active check rules on every pair of the context, with display values."""
    fired = {e: np.zeros(len(ctx), dtype=bool) for e in ("tolak", "daftar_pendek", "penalti")}
    outcomes = []
    for rule in rules.checks():
        if not rule.active or not len(ctx):
            continue
        out = run_rule(rule, ctx)
        fired[rule.spec.effect] |= ~out.passed
        actual, threshold = out.detail()
        outcomes.append((rule, out, actual, threshold))
    return _Explained(fired["tolak"], fired["daftar_pendek"], fired["penalti"], outcomes)


def _checks_of(ex: _Explained, i: int) -> list[RuleCheck]:
    out = []
    for rule, o, actual, threshold in ex.outcomes:
        if not o.applies[i]:
            continue
        refuse = rule.spec.effect == "tolak"
        passed = bool(o.passed[i]) or not refuse
        flagged = not refuse and not bool(o.passed[i])
        a, t = _at(actual, i), _at(threshold, i)
        mid, men = _message(rule, passed, flagged, a, t)
        out.append(
            RuleCheck(
                rule.id, passed, a[0], t[0], rule.spec.legal_text_with_status, mid, men, flagged
            )
        )
    return out


def _refused_frame(f: Facts, ex: _Explained, ctx: PairContext) -> pd.DataFrame:
    rows: list[tuple[Any, ...]] = []
    for rule, o, actual, threshold in ex.outcomes:
        if rule.spec.effect != "tolak":
            continue
        for i in np.flatnonzero(~o.passed):
            a, t = _at(actual, int(i)), _at(threshold, int(i))
            mid, men = _message(rule, False, False, a, t)
            p, j = int(ctx.person[i]), int(ctx.post[i])
            rows.append(
                (
                    p,
                    j,
                    f.nip[p],
                    f.jabatan_id[j],
                    MOVE_TYPES[int(ctx.move[i])],
                    rule.id,
                    a[0],
                    t[0],
                    rule.spec.legal_text_with_status,
                    mid,
                    men,
                )
            )
    frame = pd.DataFrame(rows, columns=list(REFUSED_COLUMNS))
    order = {r.id: i for i, r in enumerate(f.rules.checks())}
    frame["_o"] = frame["rule_id"].map(order)
    return (
        frame.sort_values(["post", "person", "_o"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def check_pair(ds: Dataset, sc: Skenario, nip: str, jabatan_id: str) -> PairDecision:
    """Every applicable rule on one pair, with actual values and thresholds."""
    require_known(ds, nip, jabatan_id)
    rules = rule_set(sc)
    f = build_facts(ds, sc, rules)
    p, j = ds.person_index[nip], ds.post_index[jabatan_id]
    posts = scope_posts(ds, sc)
    in_scope = bool(np.isin(j, posts)) and bool(np.isin(p, candidate_rows(f, posts)))
    ctx = PairContext.of(f, np.array([p]), np.array([j]))
    ex = _explain(rules, ctx)
    eligible = not bool(ex.refused[0])
    return PairDecision(
        nip=nip,
        jabatan_id=jabatan_id,
        eligible=eligible and in_scope,
        move_type=MOVE_TYPES[int(ctx.move[0])],
        shortlist_only=eligible and bool(ex.shortlist[0]),
        checks=_checks_of(ex, 0),
        in_scope=in_scope,
        overdue=bool(ex.overdue[0]),
    )


def check_pairs(
    ds: Dataset, sc: Skenario, nips: list[str], jabatan_ids: list[str]
) -> list[PairDecision]:
    """:func:`check_pair` on many pairs at once (each rule runs once on all of them): the same
    decisions, in input order; the usulan package explains every move of a plan with it."""
    for nip, jid in zip(nips, jabatan_ids, strict=True):
        require_known(ds, nip, jid)
    if not nips:
        return []
    rules = rule_set(sc)
    f = build_facts(ds, sc, rules)
    people = np.array([ds.person_index[n] for n in nips], dtype=np.int64)
    targets = np.array([ds.post_index[j] for j in jabatan_ids], dtype=np.int64)
    posts = scope_posts(ds, sc)
    candidates = candidate_rows(f, posts)
    ctx = PairContext.of(f, people, targets)
    ex = _explain(rules, ctx)
    out = []
    for i, (nip, jid) in enumerate(zip(nips, jabatan_ids, strict=True)):
        in_scope = bool(np.isin(targets[i], posts)) and bool(np.isin(people[i], candidates))
        eligible = not bool(ex.refused[i])
        out.append(
            PairDecision(
                nip=nip,
                jabatan_id=jid,
                eligible=eligible and in_scope,
                move_type=MOVE_TYPES[int(ctx.move[i])],
                shortlist_only=eligible and bool(ex.shortlist[i]),
                checks=_checks_of(ex, i),
                in_scope=in_scope,
                overdue=bool(ex.overdue[i]),
            )
        )
    return out


def _assess(f: Facts, sc: Skenario, ctx: PairContext, in_scope: bool) -> Assessment:
    ex = _explain(f.rules, ctx)
    ok = ~ex.refused
    kept = ctx.take(ok)
    scorer = Scorer.of(f, sc)
    eligible = _pairs_frame(f, scorer, [_part(kept, ex.shortlist[ok], ex.overdue[ok])])
    return Assessment(
        eligible, _refused_frame(f, ex, ctx), sc.tanggal_rencana, relaxations(sc), in_scope
    )


def assess_post(ds: Dataset, sc: Skenario, post_row: int) -> Assessment:
    """Every candidate for one post: eligible ones ranked (total, incumbent, seniority, row order),
    refused ones with each failed rule."""
    rules = rule_set(sc)
    f = build_facts(ds, sc, rules)
    posts = scope_posts(ds, sc)
    cand = candidate_rows(f, posts)
    holder = np.flatnonzero(f.p_held == post_row)
    people = np.union1d(cand, holder)
    ctx = PairContext.of(f, people, np.full(len(people), post_row, dtype=np.int64))
    out = _assess(f, sc, ctx, bool(np.isin(post_row, posts)))
    out.eligible = rank_for_post(ds, out.eligible)
    return out


def assess_person(ds: Dataset, sc: Skenario, person_row: int) -> Assessment:
    """Every in-scope post for one person (and the own post as a stay): eligible ranked by total."""
    rules = rule_set(sc)
    f = build_facts(ds, sc, rules)
    posts = scope_posts(ds, sc)
    own = int(f.p_held[person_row])
    targets = np.union1d(posts, [own]) if own >= 0 else posts
    ctx = PairContext.of(f, np.full(len(targets), person_row, dtype=np.int64), targets)
    out = _assess(f, sc, ctx, bool(np.isin(person_row, candidate_rows(f, posts))))
    e = out.eligible
    out.eligible = e.iloc[np.lexsort((e["post"].to_numpy(), -e["total"].to_numpy()))].reset_index(
        drop=True
    )
    return out


def rank_for_post(ds: Dataset, pairs: pd.DataFrame) -> pd.DataFrame:
    """Best first: total, then the incumbent, then seniority (TMT golongan, TMT CPNS), then row."""
    far = pd.Timestamp("2262-01-01")
    rows = pairs["person"].to_numpy()
    peg = ds.pegawai
    order = np.lexsort(
        (
            rows,
            peg["tmt_cpns"].fillna(far).to_numpy()[rows],
            peg["tmt_golongan"].fillna(far).to_numpy()[rows],
            ~pairs["stay"].to_numpy(),
            -pairs["total"].round(12).to_numpy(),
        )
    )
    return pairs.iloc[order].reset_index(drop=True)


def refused_for_post(ds: Dataset, sc: Skenario, post_row: int) -> pd.DataFrame:
    """Refused candidates of one post: one row per failed rule, actual vs threshold."""
    return assess_post(ds, sc, post_row).refused


def refused_for_person(ds: Dataset, sc: Skenario, person_row: int) -> pd.DataFrame:
    """In-scope posts refused to one person: one row per failed rule, actual vs threshold."""
    return assess_person(ds, sc, person_row).refused


__all__ = [
    "PAIR_COLUMNS",
    "REFUSED_COLUMNS",
    "Assessment",
    "PairDecision",
    "PairTable",
    "RuleCheck",
    "assess_person",
    "assess_post",
    "build_pairs",
    "candidate_rows",
    "check_pair",
    "check_pairs",
    "rank_for_post",
    "refused_for_person",
    "refused_for_post",
    "run_rule",
    "scope_posts",
]
