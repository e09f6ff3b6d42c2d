"""Eligibility priced in stages: pools too large for the full pair table (docs/scale.md).

A national pool (100,000 people × 29,202 posts, about 205 million eligible pairs) has no room for
its pair table (about 100 bytes a pair with the score columns). Here one pass over the eligible
pairs (:class:`PairScan`: the same rules on the same chunks as a full build) keeps each pair in
compact form only (person, post, move type, flags and the solver weight: 15 bytes), and the
model is solved on the pairs that can matter, by column generation over that store:

1. **Start**: every stay, shortlist-only and locked pair, and the ``START_PER_ROW`` pairs of
   largest weight of each post and of each person.
2. **LP**: solve the LP relaxation on the kept pairs (row multipliers y, Lagrangian bound B),
   price every stored pair (d = w − y_person − y_post, vectorised per block) and keep the best
   ``PRICED_PER_ROW`` positively priced pairs of each post and person; repeat until no stored
   pair has d > 0. Then B is the LP bound of the full model (the proof).
3. **Plan**: solve the model on the kept pairs with the usual backends (weight, then tie-break;
   plan weight ``best``). A pair can be in a plan of weight ≥ best only if B + min(d, 0) ≥
   best − 0.5 (reduced-cost fixing, solver/mip.py). Every such pair is kept and, if any was
   missing, the kept model is solved again: then every plan at least as good as the plan found
   uses kept pairs only, so the plan is the full model's optimum, tie-break included.

Only the kept pairs are scored in full (score columns for explanations). The result's table also
holds every eligible pair of the posts the plan leaves vacant, so that their reasons and
candidate counts are those of a full build. The tie-break is the full model's: the table carries
the full model's largest weight and people count (PairTable.model_extent).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from placement.config import Skenario
from placement.domain.format_id import number
from placement.domain.model import Dataset
from placement.rules.eligibility import PairScan, PairTable
from placement.solver.build import ModelIndex, WeightTerms, build_problem, holder_rows_of
from placement.solver.flow_lp import FlowLp
from placement.solver.growing_lp import GrowingLp
from placement.solver.mip import ZERO, mark_top, rank_in_group
from placement.solver.problem import IntArray, Problem, Solution, SolveStatus
from placement.solver.run import solve_problem

Part = dict[str, npt.NDArray[Any]]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

STAGED_CROSS = 500_000_000  # candidates × posts from which `auto` prices in stages
START_PER_ROW = 8  # pairs of largest weight kept per post and per person at the start
PRICED_PER_ROW = 10  # positively priced pairs kept per post and per person in an LP round
MAX_LP_ROUNDS = 200
RELAX_PENALTY = 100  # an artificial column costs this many times the largest |weight|
THIN_AT = 4_000_000  # the start's gathered pairs are thinned when they reach this many


def staged_by_default(scan: PairScan) -> bool:
    """Whether ``auto`` prices in stages: the candidates × posts of the scope reach STAGED_CROSS."""
    return len(scan.candidates) * len(scan.posts) >= STAGED_CROSS


def _member(keys: IntArray, sorted_keys: IntArray) -> BoolArray:
    """Whether each key is in the sorted unique array ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return np.asarray(sorted_keys[at] == keys)


def _keys_of(ds: Dataset, pairs: list[tuple[str, str]]) -> IntArray:
    """Keys (post row · people + person row) of the (nip, jabatan_id) pairs known in the data."""
    known = [
        ds.post_index[j] * ds.n_people + ds.person_index[n]
        for n, j in pairs
        if n in ds.person_index and j in ds.post_index
    ]
    return np.unique(np.array(known, dtype=np.int64))


@dataclass(eq=False)
class _Block:
    """The eligible move pairs of one chunk: the scan's narrow part, weights, priceable and
    kept flags."""

    part: Part
    weight: npt.NDArray[np.signedinteger[Any]]  # int32 when the weights fit
    priceable: BoolArray  # in the model: not shortlist-only, not forbidden
    kept: BoolArray


@dataclass(eq=False)
class _Found:
    """Stored pairs picked by a pass: block number, position in the block, the value they were
    picked by (weight or reduced profit), pegawai row, jabatan row and weight."""

    block: npt.NDArray[np.int32]
    at: IntArray
    d: FloatArray
    person: IntArray
    post: IntArray
    weight: FloatArray

    _FIELDS = ("block", "at", "d", "person", "post", "weight")

    @classmethod
    def of(cls, block_no: int, block: _Block, at: IntArray, d: FloatArray) -> _Found:
        part = block.part
        return cls(
            np.full(len(at), block_no, dtype=np.int32),
            at,
            d,
            part["person"][at],
            part["post"][at],
            block.weight[at].astype(np.float64),
        )

    def take(self, mask: BoolArray | IntArray) -> _Found:
        return _Found(*(getattr(self, k)[mask] for k in self._FIELDS))

    @classmethod
    def join(cls, found: list[_Found]) -> _Found:
        if not found:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty.astype(np.int32), empty, np.zeros(0), empty, empty, np.zeros(0))
        return cls(*(np.concatenate([getattr(f, k) for f in found]) for k in cls._FIELDS))


@dataclass(eq=False)
class _Store:
    """Every eligible pair of the scope in compact form (moves by block, stays always kept)."""

    ds: Dataset
    scan: PairScan
    blocks: list[_Block] = field(default_factory=list)
    stays: Part = field(default_factory=dict)
    eligible: int = 0
    extent: tuple[int, int] = (1, 0)

    @classmethod
    def read(cls, ds: Dataset, sc: Skenario, scan: PairScan) -> _Store:
        """One pass over the blocks: weights, the full model's extent, locked pairs kept."""
        store = cls(ds, scan)
        terms = WeightTerms.of(ds, sc, scan.posts, holder_rows_of(ds, scan.posts))
        banned = _keys_of(ds, [(k.nip, k.jabatan_id) for k in sc.larang])
        locked = _keys_of(ds, [(k.nip, k.jabatan_id) for k in sc.kunci])
        in_model = np.zeros(ds.n_people, dtype=bool)
        max_w = 1
        for part in scan.moves():
            weight = terms.weight(scan.total(part), part["person"], part["post"])
            keys = part["post"].astype(np.int64) * ds.n_people + part["person"]
            priceable = ~part["shortlist_only"] & ~_member(keys, banned)
            if priceable.any():
                max_w = max(max_w, int(np.abs(weight[priceable]).max()))
            in_model[part["person"][priceable]] = True
            small = weight.astype(np.int32) if max_w < 2**31 - 1 else weight
            store.blocks.append(_Block(part, small, priceable, _member(keys, locked)))
            store.eligible += len(weight)
        store.stays = scan.stays()
        store.eligible += len(store.stays["post"])
        stay_w = terms.weight(scan.total(store.stays), store.stays["person"], store.stays["post"])
        must_move = [ds.person_index.get(n, -1) for n in sc.wajib_pindah]
        placed_stay = ~np.isin(store.stays["person"], must_move)
        if placed_stay.any():
            max_w = max(max_w, int(np.abs(stay_w[placed_stay]).max()))
        in_model[holder_rows_of(ds, scan.posts)] = True
        store.extent = (max_w, int(in_model.sum()))
        return store

    def best(self, found: _Found, per_row: int) -> _Found:
        """The ``per_row`` pairs of largest d of each post and of each person among ``found``
        (see _top_mask)."""
        keep = _top_mask(found.post, found.d, per_row, self.ds.n_posts)
        keep |= _top_mask(found.person, found.d, per_row, self.ds.n_people)
        return found.take(keep)

    def keep(self, found: _Found) -> int:
        for b in np.unique(found.block).tolist():
            self.blocks[b].kept[found.at[found.block == b]] = True
        return len(found.d)

    def start(self, per_row: int) -> None:
        """Keep the ``per_row`` pairs of largest weight of each post and of each person."""

        def weights(block: _Block) -> tuple[IntArray, FloatArray]:
            at = np.flatnonzero(block.priceable)
            return at, block.weight[at].astype(np.float64)

        self.keep(self._best_per_row(weights, per_row)[0])

    def priced_best(
        self, y_person: FloatArray, y_post: FloatArray, per_row: int
    ) -> tuple[_Found, int]:
        """The ``per_row`` pairs of largest positive reduced profit of each post and of each
        person among the priceable pairs not kept, and how many have a positive one."""

        return self._best_per_row(lambda block: _priced(block, y_person, y_post, ZERO), per_row)

    def _best_per_row(
        self, values: Callable[[_Block], tuple[IntArray, FloatArray]], per_row: int
    ) -> tuple[_Found, int]:
        """The ``per_row`` pairs of largest value of each post and of each person among the
        pairs ``values`` gives per block (positions, values), and how many it gave.

        Streamed: a pair below the ``per_row``-th best value seen so far of both its person
        and its post can be among the best of neither, so only the others are gathered, and
        the gathered ones are thinned to the best per row whenever they reach THIN_AT."""
        kth_person = np.full(self.ds.n_people, -np.inf)
        kth_post = np.full(self.ds.n_posts, -np.inf)
        gathered: list[_Found] = []
        held = count = 0
        for b, block in enumerate(self.blocks):
            at, v = values(block)
            count += len(at)
            post = block.part["post"][at]
            near = v >= kth_person[block.part["person"][at]]
            if len(at):  # a block holds all of a few posts' pairs: only their best can be kept
                low = int(post.min())
                best_of_post = _top_mask(post - low, v, per_row, int(post.max()) - low + 1)
                near |= best_of_post & (v >= kth_post[post])
            gathered.append(_Found.of(b, block, at[near], v[near]))
            held += int(near.sum())
            if held >= THIN_AT:
                thinned = self.best(_Found.join(gathered), per_row)
                gathered, held = [thinned], len(thinned.d)
                self._kth(thinned, per_row, kth_person, kth_post)
        return self.best(_Found.join(gathered), per_row), count

    def _kth(self, found: _Found, k: int, kth_person: FloatArray, kth_post: FloatArray) -> None:
        """Raise the per-row thresholds to the ``k``-th largest d of each person and post."""
        for key, kth in ((found.person, kth_person), (found.post, kth_post)):
            order = np.lexsort((-found.d, key))
            at_k = order[rank_in_group(key[order]) == k - 1]
            kth[key[at_k]] = found.d[at_k]

    def price(self, y_person: FloatArray, y_post: FloatArray, above: float) -> _Found:
        """Every priceable pair not kept with reduced profit d > ``above``."""
        found: list[_Found] = []
        for b, block in enumerate(self.blocks):
            at, d = _priced(block, y_person, y_post, above)
            if len(at):
                found.append(_Found.of(b, block, at, d))
        return _Found.join(found)

    def table(self, extra_posts: IntArray | None = None) -> PairTable:
        """The PairTable of the kept pairs (and of every pair of ``extra_posts``)."""
        parts = []
        for block in self.blocks:
            mask = block.kept
            if extra_posts is not None and len(extra_posts):
                mask = mask | np.isin(block.part["post"], extra_posts)
            parts.append({k: v[mask] for k, v in block.part.items()})
        parts.append(dict(self.stays))
        table = self.scan.table(parts)
        table.eligible_count = self.eligible
        table.model_extent = self.extent
        return table

    def complete(self) -> bool:
        """Whether every priceable pair is kept: the kept model is then the full model."""
        return all(not (b.priceable & ~b.kept).any() for b in self.blocks)


def _priced(
    block: _Block, y_person: FloatArray, y_post: FloatArray, above: float
) -> tuple[IntArray, FloatArray]:
    """The priceable pairs of ``block`` not kept with reduced profit d = w − y_person − y_post
    above ``above``: (positions, d)."""
    d = block.weight - y_person[block.part["person"]]
    d -= y_post[block.part["post"]]
    at = np.flatnonzero((d > above) & block.priceable & ~block.kept)
    return at, d[at]


def _top_mask(key: IntArray, value: FloatArray, k: int, n_keys: int) -> BoolArray:
    """Mask of the ``k`` largest values of each key (0 ≤ key < n_keys), ranked in whole weight
    units (floor; ties: lower position first) so that one int64 sort does it. Exact for the
    integer weights of the start; for reduced profits the pairs within one unit (1e-4 of a
    score point) of the k-th may swap, which only changes which positive columns enter a round,
    never the proof."""
    keep = np.zeros(len(key), dtype=bool)
    if len(key):
        mark_top(keep, key.astype(np.int64), n_keys, np.floor(value).astype(np.int64), k)
    return keep


def _duals(
    ds: Dataset, problem: Problem, index: ModelIndex, y: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Row multipliers per pegawai row and per jabatan row (0 where the kept model has no row)."""
    P, J = problem.n_people, problem.n_posts
    y_person = np.zeros(ds.n_people)
    y_person[index.people] = y[:P]
    y_post = np.zeros(ds.n_posts)
    y_post[index.posts] = y[P : P + J]
    return y_person, y_post


@dataclass(frozen=True)
class _LpProof:
    """What the LP rounds end with: whether the bound is the full model's (``proven``), the row
    multipliers per pegawai row, jabatan row and stay group (by name), the Lagrangian bound and,
    when the LP's optimum is integral, that plan as pegawai rows, jabatan rows and its weight."""

    proven: bool
    y_person: FloatArray
    y_post: FloatArray
    y_groups: dict[str, float]
    bound: float
    lead: tuple[IntArray, IntArray, int] | None = None

    def duals(self, problem: Problem, index: ModelIndex) -> FloatArray:
        """The multipliers in the row order of ``problem`` (solver.highs_model.build_rows)."""
        groups = [self.y_groups.get(g.name, 0.0) for g in problem.stay_groups]
        return np.concatenate(
            [
                self.y_person[index.people],
                self.y_post[index.posts],
                np.array(groups, dtype=np.float64),
                np.zeros(len(problem.min_rows)),
            ]
        )

    def lead_pairs(self, ds: Dataset, problem: Problem, index: ModelIndex) -> IntArray | None:
        """The LP's plan as pair ids of ``problem`` (None without one, or when a pair is not
        in the model)."""
        if self.lead is None:
            return None
        keys = index.posts[problem.pair_post] * ds.n_people + index.people[problem.pair_person]
        order = np.argsort(keys)
        want = self.lead[1] * ds.n_people + self.lead[0]
        at = np.minimum(np.searchsorted(keys, want, sorter=order), len(keys) - 1)
        found = order[at] if len(keys) else np.zeros(0, dtype=np.int64)
        if len(found) != len(want) or (keys[found] != want).any():
            return None
        return np.sort(found).astype(np.int64)


@dataclass(frozen=True)
class Staged:
    """What a staged solve returns: the table (kept pairs and the vacant posts' pairs), the
    model of the kept pairs and its plan."""

    table: PairTable
    problem: Problem
    index: ModelIndex
    solution: Solution
    read_seconds: float  # the pass over the eligible pairs


def solve_staged(
    ds: Dataset,
    sc: Skenario,
    scan: PairScan,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
    say: Callable[[str], None] = lambda _msg: None,
    reached: Callable[[str, int], None] = lambda _stage, _pairs: None,
) -> Staged:
    """The optimum of the full model without its pair table (see the module docstring).
    ``reached(stage, eligible pairs)`` is told when the pass is over and solving begins (what
    a MEMORI_TIDAK_CUKUP message names).

    OPTIMAL only with the proof; without it (the LP rounds ran out, or the kept pairs' LP has
    no solution while some eligible pair is left out) the plan of the kept pairs is FEASIBLE, or
    NO_PLAN when they admit none."""
    say(
        f"Membaca pasangan yang memenuhi syarat per blok ({number(len(scan.candidates))} kandidat"
        f" × {number(len(scan.posts))} jabatan)"
    )
    t = time.perf_counter()
    store = _Store.read(ds, sc, scan)
    read_seconds = time.perf_counter() - t
    say(f"{number(store.eligible)} pasangan yang memenuhi syarat, disimpan ringkas")
    reached("solver", store.eligible)
    store.start(START_PER_ROW)
    stats: dict[str, float | int | str] = {"bertahap_pasangan_layak": store.eligible}
    table = store.table()
    problem, index = build_problem(ds, sc, table)
    proof = _lp_rounds(ds, store, problem, index, seed, stats, say)
    proven = proof.proven
    if proven:  # the LP columns join the model, with every pair that can beat the LP's plan
        if proof.lead is not None:
            stats["bertahap_ditambah_akhir"] = _fix(store, proof, proof.lead[2])
        table = store.table()
        problem, index = build_problem(ds, sc, table)
    say(f"Menyelesaikan rencana atas {number(problem.n_pairs)} pasangan yang disimpan")
    solution = _plan(ds, problem, index, proof, backend, time_limit, seed)
    if proven and solution.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        added = _fix(store, proof, int(problem.weight[solution.chosen].sum()))
        stats["bertahap_ditambah_akhir"] = int(stats.get("bertahap_ditambah_akhir", 0)) + added
        if added:
            table = store.table()
            problem, index = build_problem(ds, sc, table)
            solution = _plan(ds, problem, index, proof, backend, time_limit, seed)
    stats["bertahap_pasangan_disimpan"] = problem.n_pairs
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        proven = proven and store.complete()  # no plan on the kept pairs proves nothing more
    if not proven:
        solution = _unproven(solution)
    stats["bertahap_bukti"] = "lengkap" if proven else "tidak"
    solution.stats.update(stats)
    vacant = _vacant_posts(problem, index, solution)
    return Staged(store.table(vacant), problem, index, solution, read_seconds)


def _fix(store: _Store, proof: _LpProof, best: int) -> int:
    """Keep every pair that can be in a plan of weight ≥ ``best`` (reduced-cost fixing against
    the proven bound: B + min(d, 0) ≥ best − 0.5); returns how many were added."""
    need = best - 0.5 - proof.bound
    return store.keep(store.price(proof.y_person, proof.y_post, need - ZERO))


def _plan(
    ds: Dataset,
    problem: Problem,
    index: ModelIndex,
    proof: _LpProof,
    backend: str,
    time_limit: float | None,
    seed: int,
) -> Solution:
    """The kept model's optimum; with the LP proven, the MIP backend starts from its multipliers
    and plan instead of solving the LP again."""
    if not (proof.proven and np.isfinite(proof.bound)):
        return solve_problem(problem, backend, time_limit, seed)
    return solve_problem(
        problem,
        backend,
        time_limit,
        seed,
        hint=proof.lead_pairs(ds, problem, index),
        duals=proof.duals(problem, index),
    )


def _lp_rounds(
    ds: Dataset,
    store: _Store,
    problem: Problem,
    index: ModelIndex,
    seed: int,
    stats: dict[str, float | int | str],
    say: Callable[[str], None],
) -> _LpProof:
    """Column generation of the LP over the store, ending with the proof or without it."""
    lp: GrowingLp | FlowLp = (
        GrowingLp(problem, seed) if problem.has_side_constraints else FlowLp(problem)
    )
    stats["bertahap_lp"] = "flow" if isinstance(lp, FlowLp) else "highs"
    local_person = np.full(ds.n_people, -1, dtype=np.int64)
    local_person[index.people] = np.arange(problem.n_people)
    local_post = np.full(ds.n_posts, -1, dtype=np.int64)
    local_post[index.posts] = np.arange(problem.n_posts)
    y_person, y_post = np.zeros(ds.n_people), np.zeros(ds.n_posts)
    seconds = {"bertahap_detik_lp": 0.0, "bertahap_detik_harga": 0.0}
    for round_no in range(1, MAX_LP_ROUNDS + 1):
        t = time.perf_counter()
        lp, solved, y, bound = _optimise(lp, store, seed, stats)
        seconds["bertahap_detik_lp"] += time.perf_counter() - t
        stats["bertahap_putaran_lp"] = round_no
        if not solved:  # no multipliers (an empty or infeasible LP): proven only when nothing
            # is left out; the bound then fixes nothing, and there is nothing left to fix
            return _LpProof(store.complete(), y_person, y_post, {}, float("inf"))
        y_person, y_post = _duals(ds, problem, index, y)
        t = time.perf_counter()
        chosen, positive = store.priced_best(y_person, y_post, PRICED_PER_ROW)
        seconds["bertahap_detik_harga"] += time.perf_counter() - t
        stats.update({k: round(v, 1) for k, v in seconds.items()})
        say(
            f"Putaran LP {round_no}: {number(problem.n_pairs + len(lp.weight))} pasangan "
            f"disimpan, {number(positive)} berharga positif"
        )
        if not positive:
            groups = y[problem.n_people + problem.n_posts :]
            y_groups = {g.name: float(v) for g, v in zip(problem.stay_groups, groups, strict=False)}
            return _LpProof(True, y_person, y_post, y_groups, bound, _lead(problem, index, lp))
        store.keep(chosen)
        rows = (local_person[chosen.person], local_post[chosen.post])
        if (rows[0] < 0).any() or (rows[1] < 0).any():  # the start keeps a pair of each person
            raise RuntimeError("a priced pair's person or post has no row in the kept model")
        lp.add(*rows, chosen.weight)
    return _LpProof(False, y_person, y_post, {}, float("nan"))


def _optimise(
    lp: GrowingLp | FlowLp, store: _Store, seed: int, stats: dict[str, float | int | str]
) -> tuple[GrowingLp | FlowLp, bool, FloatArray, float]:
    """One LP solve of the rounds: (the LP now used, solved, y, bound). By flow while the flow
    proves its multipliers, else by HiGHS from then on; a kept LP without solution gets
    artificial columns once, so that pricing repairs its rows (see GrowingLp.relax)."""
    solved, y, bound = lp.optimise()
    if not solved and isinstance(lp, FlowLp):  # no flow plan, or its multipliers fail
        highs = GrowingLp(lp.problem, seed)
        highs.add(lp.person, lp.post, lp.weight)
        lp, stats["bertahap_lp"] = highs, "highs"
        solved, y, bound = lp.optimise()
    if not solved and isinstance(lp, GrowingLp) and not lp.relaxed and lp.problem.n_pairs:
        lp.relax(RELAX_PENALTY * max(1, store.extent[0]))
        stats["bertahap_relaksasi"] = 1
        solved, y, bound = lp.optimise()
    return lp, solved, y, bound


def _lead(
    problem: Problem, index: ModelIndex, lp: GrowingLp | FlowLp
) -> tuple[IntArray, IntArray, int] | None:
    """The LP's optimum as a plan (pegawai rows, jabatan rows, weight) when it is integral."""
    plan = lp.integral_plan()
    if plan is None:
        return None
    start, added = plan
    person = np.concatenate([problem.pair_person[start], lp.person[added]])
    post = np.concatenate([problem.pair_post[start], lp.post[added]])
    weight = int(problem.weight[start].sum()) + int(lp.weight[added].sum())
    return index.people[person], index.posts[post], weight


def _vacant_posts(problem: Problem, index: ModelIndex, solution: Solution) -> IntArray:
    """Jabatan rows the plan leaves without a holder."""
    filled = np.zeros(problem.n_posts, dtype=bool)
    filled[problem.pair_post[solution.chosen]] = True
    return index.posts[~filled]


def _unproven(solution: Solution) -> Solution:
    """The plan of the kept pairs without the proof that it is the full model's optimum."""
    if solution.status is SolveStatus.OPTIMAL:
        solution.status = SolveStatus.FEASIBLE
    elif solution.status is SolveStatus.INFEASIBLE:
        solution.status = SolveStatus.NO_PLAN
    return solution
