"""Generic API for users with their own scores: assignment of agents to targets.

``assign(pairs, require=...)`` matches each agent to at most one target and each target to at
most one agent, using only the listed (agent, target) pairs:

- ``require="none"`` (default): optional on both sides; only pairs with negative cost (positive
  score with ``maximize=True``) are worth taking;
- ``"agents"``: every agent is assigned (the classic LAP when agents ≤ targets);
- ``"targets"``: every target is filled;
- ``"both"``: a perfect matching (as many agents as targets).

``backend="auto"`` picks the fastest exact engine for the shape:

- optional assignment (``require="none"``) → the project's min-cost flow (``solve_problem``);
- full assignment on a complete or near-complete matrix (listed pairs ≥ 50 % of agents ×
  targets, at most 16 million cells) → scipy's dense ``linear_sum_assignment`` (unlisted pairs
  cost ``inf``, so they are never chosen);
- other full assignment → scipy's sparse ``min_weight_full_bipartite_matching`` (costs shifted
  to ≥ 1, since a sparse matrix cannot hold a zero-cost edge);
- integers too large for exact float sums (span × size ≥ 2**53) → the flow.

Every engine works on the same integer costs (values × ``scale``, rounded), so all return the
same optimal objective. Force one with ``backend="scipy-dense"``, ``"scipy-sparse"``, ``"flow"``
or a project backend (``"assignment"``, ``"mip"``, ``"cpsat"``, ``"pulp"``).

A full assignment that cannot exist raises ``InfeasibleAssignmentError`` naming a Hall
violator: a set S of agents (or targets) whose listed partners N(S) are fewer than S, found by
alternating paths from an agent left unmatched by a maximum matching (König).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import maximum_bipartite_matching, min_weight_full_bipartite_matching

from placement.domain.errors import PlacementError, error, shown
from placement.domain.messages import Where, issue, texts
from placement.solver.problem import IntArray, Problem, SolveStatus

Require = Literal["none", "agents", "targets", "both"]
REQUIRES: tuple[str, ...] = ("none", "agents", "targets", "both")
SCIPY_ENGINES = ("scipy-dense", "scipy-sparse")
DENSE_MIN_DENSITY = 0.5
DENSE_MAX_CELLS = 16_000_000  # 128 MB of float64
FLOAT_EXACT = 2**53
HALL_TRIES = 20  # unmatched vertices tried when looking for the smallest Hall violator
SHOWN_NAMES = 6


class AssignError(PlacementError, ValueError):
    """Bad input to ``assign`` (a user error, also a ValueError)."""

    @classmethod
    def make(cls, code: str, msg_id: str, msg_en: str, column: str | None = None) -> AssignError:
        return cls([error("pairs", None, column, code, msg_id, msg_en)])


class InfeasibleAssignmentError(AssignError):
    """No assignment meets ``require``: ``members`` (agents or targets, per ``side``) list only
    the ``neighbours`` as partners, fewer than themselves."""

    def __init__(self, side: str, members: list[object], neighbours: list[object]) -> None:
        self.side, self.members, self.neighbours = side, members, neighbours
        own_id, other_id = ("agen", "target") if side == "agents" else ("target", "agen")
        own_en, other_en = ("agents", "targets") if side == "agents" else ("targets", "agents")
        names, partners = _names(members), _names(neighbours)
        super().__init__(
            [
                issue(
                    "PENUGASAN_TIDAK_MUNGKIN",
                    Where("pairs"),
                    n_members=len(members),
                    own_id=own_id,
                    names=names,
                    n_neighbours=len(neighbours),
                    other_id=other_id,
                    partners=partners,
                    own_en=own_en,
                    other_en=other_en,
                )
            ]
        )


def _names(values: list[object]) -> str:
    """At most SHOWN_NAMES values, each shortened, then how many more."""
    head = ", ".join(shown(v, 30) for v in values[:SHOWN_NAMES])
    return head + (f", … (+{len(values) - SHOWN_NAMES})" if len(values) > SHOWN_NAMES else "")


def assign(
    pairs: pd.DataFrame,
    *,
    maximize: bool = False,
    require: Require = "none",
    scale: int = 1,
    backend: str = "auto",
    time_limit: float | None = None,
) -> tuple[pd.DataFrame, float]:
    """Assign agents to targets, each at most once (see the module docstring for ``require``).

    ``pairs`` has columns ``agent``, ``target`` and ``cost`` (or ``score`` with
    ``maximize=True``); only listed pairs are allowed, each at most once. Values are multiplied
    by ``scale`` and rounded to integers (use e.g. ``scale=1000`` for decimals). Returns
    (DataFrame agent, target in input row order, ``attrs["engine"]`` the engine used;
    objective in the input's units).

    >>> df = pd.DataFrame({"agent": ["a", "a", "b"], "target": ["x", "y", "x"], "score": [3, 2, 2]})
    >>> plan, total = assign(df, maximize=True)
    >>> sorted(zip(plan.agent, plan.target)), total
    ([('a', 'y'), ('b', 'x')], 4.0)
    >>> assign(df.rename(columns={"score": "cost"}), require="agents")[1]
    4.0
    """
    column = "score" if maximize else "cost"
    if require not in REQUIRES:
        raise AssignError.make(
            "PENUGASAN_SYARAT",
            *texts("PENUGASAN_SYARAT", requires=", ".join(REQUIRES), require=shown(require, 20)),
        )
    missing = sorted({"agent", "target", column} - set(pairs.columns))
    if missing:
        raise AssignError.make(
            "PENUGASAN_KOLOM",
            *texts("PENUGASAN_KOLOM", missing=", ".join(missing)),
        )
    a_idx, agents = _codes(pairs, "agent", sort=False)
    t_idx, targets = _codes(pairs, "target", sort=False)
    values = _integer_values(pairs, column, scale)
    cost = -values if maximize else values
    graph = _Graph(a_idx, t_idx, len(agents), len(targets), cost)
    if (row := graph.first_duplicate()) is not None:
        raise _duplicate_error(row, agents[a_idx[row]], targets[t_idx[row]])
    chosen: IntArray | None = np.zeros(0, dtype=np.int64)
    engine = "none"
    if len(pairs):
        engine = _engine(graph, require, backend)
        if engine not in SCIPY_ENGINES:  # the flow numbers ids in sorted order, as it always did
            a_idx, agents = _codes(pairs, "agent", sort=True)
            t_idx, targets = _codes(pairs, "target", sort=True)
            graph = _Graph(a_idx, t_idx, len(agents), len(targets), cost)
        chosen = _solve(graph, require, engine, backend, time_limit)
        if chosen is None:
            raise _hall_violator(graph, require, agents, targets)
    out = pd.DataFrame({"agent": agents[a_idx[chosen]], "target": targets[t_idx[chosen]]})
    out.attrs["engine"] = engine
    return out, float(values[chosen].sum()) / scale


def _codes(pairs: pd.DataFrame, column: str, sort: bool) -> tuple[IntArray, np.ndarray]:
    """Integer codes of an id column (hashed: no object sort over all rows)."""
    codes, uniques = pd.factorize(pairs[column], sort=sort)
    if len(codes) and codes.min() < 0:
        row = int(np.argmin(codes))
        raise AssignError.make(
            "PENUGASAN_ID_KOSONG",
            *texts("PENUGASAN_ID_KOSONG", column=column, rows=row + 2),
            column,
        )
    return np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object)


def _integer_values(pairs: pd.DataFrame, column: str, scale: int) -> IntArray:
    """Values × scale as int64 (|v| < 2**62); plain integer columns with scale 1 are not copied
    through float."""
    series = pairs[column]
    dtype = series.dtype
    plain = isinstance(dtype, np.dtype) and (
        dtype.kind == "i" or (dtype.kind == "u" and dtype.itemsize < 8)
    )
    if scale == 1 and plain:
        ints: IntArray = series.to_numpy(dtype=np.int64)
        if not ints.size or max(-int(ints.min()), int(ints.max())) < 2**62:
            return ints
    raw = series.to_numpy(dtype=float) * scale
    finite = np.isfinite(raw)
    if not finite.all() or (raw.size and np.abs(raw).max() >= 2**62):
        row = int(np.argmin(finite & (np.abs(np.nan_to_num(raw)) < 2**62)))
        raise AssignError.make(
            "PENUGASAN_NILAI",
            *texts("PENUGASAN_NILAI", column=column, rows=row + 2),
            column,
        )
    values: IntArray = np.rint(raw).astype(np.int64)
    return values


def _duplicate_error(row: int, agent: object, target: object) -> AssignError:
    pair = f"({shown(agent, 30)}, {shown(target, 30)})"
    return AssignError.make(
        "PENUGASAN_GANDA",
        *texts("PENUGASAN_GANDA", pair=pair, rows=row + 2),
    )


class _Graph:
    """The listed pairs as integer arrays (agents are rows, targets columns). When agents ×
    targets is at most a few times the pairs, ``slot`` maps each cell to its input row."""

    def __init__(self, rows: IntArray, cols: IntArray, n_rows: int, n_cols: int, cost: IntArray):
        self.rows, self.cols, self.n_rows, self.n_cols, self.cost = rows, cols, n_rows, n_cols, cost
        self.codes = rows * n_cols + cols
        self.slot: IntArray | None = None
        if n_rows * n_cols <= 4 * len(rows) + 4096:
            self.slot = np.full(n_rows * n_cols, -1, dtype=np.int64)
            self.slot[self.codes] = np.arange(len(rows))

    def first_duplicate(self) -> int | None:
        """An input row whose (agent, target) is listed again, if any."""
        if self.slot is not None:
            repeated = self.slot[self.codes] != np.arange(len(self.codes))
        else:
            repeated = pd.Index(self.codes).duplicated()
        return int(np.argmax(repeated)) if repeated.any() else None

    def biadjacency(self, data: np.ndarray, transpose: bool = False) -> sparse.csr_matrix:
        rows, cols, shape = (self.rows, self.cols, (self.n_rows, self.n_cols))
        if transpose:
            rows, cols, shape = cols, rows, (self.n_cols, self.n_rows)
        return sparse.csr_matrix((data, (rows, cols)), shape=shape)

    def pair_index(self, rows: IntArray, cols: IntArray) -> IntArray:
        """Input row of each chosen (agent, target), sorted."""
        keys = rows * self.n_cols + cols
        if self.slot is not None:
            found = self.slot[keys]
        else:
            order = np.argsort(self.codes)
            found = order[np.searchsorted(self.codes[order], keys)]
        return np.sort(found).astype(np.int64)


def _engine(graph: _Graph, require: str, backend: str) -> str:
    """The engine for ``backend="auto"``: flow, scipy-dense or scipy-sparse (module docstring)."""
    if backend != "auto":
        if backend in SCIPY_ENGINES and require == "none":
            raise AssignError.make(
                "PENUGASAN_MESIN",
                *texts("PENUGASAN_MESIN", backend=backend),
            )
        return backend
    if require == "none":
        return "flow"
    low, high = int(graph.cost.min()), int(graph.cost.max())
    if max(-low, high, high - low + 1) * min(graph.n_rows, graph.n_cols) >= FLOAT_EXACT:
        return "flow"
    cells = graph.n_rows * graph.n_cols
    if cells <= DENSE_MAX_CELLS and len(graph.cost) >= DENSE_MIN_DENSITY * cells:
        return "scipy-dense"
    return "scipy-sparse"


def _solve(
    graph: _Graph, require: str, engine: str, backend: str, time_limit: float | None
) -> IntArray | None:
    """Chosen input rows, or None when no assignment meets ``require``."""
    need_rows = require in ("agents", "both")
    need_cols = require in ("targets", "both")
    if engine in SCIPY_ENGINES:
        if (need_rows and graph.n_rows > graph.n_cols) or (
            need_cols and graph.n_cols > graph.n_rows
        ):
            return None  # the required side is the larger one
        try:
            rows, cols = _scipy(graph, engine)
        except ValueError:
            if _max_matching(graph, transpose=False)[1] < min(graph.n_rows, graph.n_cols):
                return None
            raise
        return graph.pair_index(rows.astype(np.int64), cols.astype(np.int64))
    return _flow(graph, need_rows, need_cols, "auto" if engine == "flow" else backend, time_limit)


def _scipy(graph: _Graph, engine: str) -> tuple[np.ndarray, np.ndarray]:
    """A minimum-cost matching of size min(agents, targets); ValueError when none exists."""
    if engine == "scipy-dense":
        matrix = np.full((graph.n_rows, graph.n_cols), np.inf)
        matrix[graph.rows, graph.cols] = graph.cost
        return linear_sum_assignment(matrix)  # type: ignore[no-any-return]
    shifted = (graph.cost - graph.cost.min() + 1).astype(float)
    return min_weight_full_bipartite_matching(graph.biadjacency(shifted))  # type: ignore[no-any-return]


def _flow(
    graph: _Graph, need_rows: bool, need_cols: bool, backend: str, time_limit: float | None
) -> IntArray | None:
    from placement.solver.run import solve_problem

    problem = Problem(
        n_people=graph.n_rows,
        n_posts=graph.n_cols,
        pair_person=graph.rows,
        pair_post=graph.cols,
        weight=-graph.cost,
        tiebreak=np.zeros(len(graph.cost), dtype=np.int64),
        stay=np.zeros(len(graph.cost), dtype=bool),
        must_assign=np.full(graph.n_rows, need_rows),
        must_fill=np.full(graph.n_cols, need_cols),
    )
    solution = solve_problem(problem, backend=backend, time_limit=time_limit)
    if solution.status is SolveStatus.INFEASIBLE:
        return None
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        raise RuntimeError(f"no assignment found: {solution.status}")
    return solution.chosen


def _max_matching(graph: _Graph, transpose: bool) -> tuple[np.ndarray, int]:
    """Hopcroft–Karp: the partner column of each row (-1: unmatched) and the matching size."""
    adjacency = graph.biadjacency(np.ones(len(graph.cost), dtype=np.int8), transpose)
    match = maximum_bipartite_matching(adjacency, perm_type="column")
    return match, int((match >= 0).sum())


def _hall_violator(
    graph: _Graph, require: str, agents: np.ndarray, targets: np.ndarray
) -> InfeasibleAssignmentError:
    """The smallest set found of agents (or targets) whose listed partners are fewer."""
    for side, transpose in (("agents", False), ("targets", True)):
        if require not in (side, "both"):
            continue
        match, size = _max_matching(graph, transpose)
        if size == len(match):
            continue
        adjacency = graph.biadjacency(np.ones(len(graph.cost), dtype=np.int8), transpose)
        partner = np.full(adjacency.shape[1], -1, dtype=np.int64)
        partner[match[match >= 0]] = np.flatnonzero(match >= 0)
        best: tuple[list[int], list[int]] | None = None
        for start in np.flatnonzero(match < 0)[:HALL_TRIES].tolist():
            found = _alternating_reach(adjacency, partner, start)
            if best is None or len(found[0]) < len(best[0]):
                best = found
        assert best is not None
        own, other = (agents, targets) if side == "agents" else (targets, agents)
        return InfeasibleAssignmentError(side, list(own[best[0]]), list(other[best[1]]))
    raise AssertionError("a full assignment exists; no Hall violator")


def _alternating_reach(
    adjacency: sparse.csr_matrix, partner: IntArray, start: int
) -> tuple[list[int], list[int]]:
    """Rows and columns reachable from an unmatched row by alternating paths; every column
    reached is matched (the matching is maximum), so |columns| = |rows| - 1."""
    indptr, indices = adjacency.indptr, adjacency.indices
    rows, cols = [start], []
    seen_row, seen_col = {start}, set()
    frontier = [start]
    while frontier:
        row = frontier.pop()
        for col in indices[indptr[row] : indptr[row + 1]].tolist():
            if col in seen_col:
                continue
            seen_col.add(col)
            cols.append(col)
            nxt = int(partner[col])
            if nxt not in seen_row:
                seen_row.add(nxt)
                rows.append(nxt)
                frontier.append(nxt)
    return sorted(rows), sorted(cols)
