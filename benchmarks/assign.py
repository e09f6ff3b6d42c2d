"""``assign`` (auto, require="both") against user code that calls scipy on the same pairs.

python -m benchmarks.assign [--quick]   writes benchmarks/results/assign[-quick].json and .md

Dense: complete n × n, random integer costs. Sparse: about 10 random targets per agent plus a
hidden perfect matching (so require="both" is feasible). Median of 3 runs each; the baseline
factorizes the id columns, builds scipy's input and turns the answer back into a DataFrame.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from benchmarks.__main__ import RESULTS
from benchmarks.full import machine
from placement.solver import assign

FULL = {"dense": (100, 200, 400, 800), "sparse": (800, 2_000, 5_000)}
QUICK = {"dense": (100, 200), "sparse": (800,)}
PER_AGENT = 10
REPEATS = 3


def dense_pairs(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    agent, target = np.divmod(rng.permutation(n * n), n)
    return pd.DataFrame(
        {
            "agent": np.char.add("a", agent.astype(str)).astype(object),
            "target": np.char.add("t", target.astype(str)).astype(object),
            "cost": rng.integers(1, 1_000, n * n),
        }
    )


def sparse_pairs(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    agent = np.concatenate([np.arange(n), rng.integers(0, n, n * (PER_AGENT - 1))])
    target = np.concatenate([rng.permutation(n), rng.integers(0, n, n * (PER_AGENT - 1))])
    codes = np.unique(agent * n + target)
    rng.shuffle(codes)
    agent, target = np.divmod(codes, n)
    return pd.DataFrame(
        {
            "agent": np.char.add("a", agent.astype(str)).astype(object),
            "target": np.char.add("t", target.astype(str)).astype(object),
            "cost": rng.integers(1, 1_000, len(codes)),
        }
    )


def baseline(pairs: pd.DataFrame, shape: str) -> tuple[pd.DataFrame, float]:
    """What a user writes: codes for the ids, scipy's input, the answer back as names."""
    a, agents = pd.factorize(pairs["agent"])
    t, targets = pd.factorize(pairs["target"])
    cost = pairs["cost"].to_numpy(dtype=float)
    if shape == "dense":
        matrix = np.full((len(agents), len(targets)), np.inf)
        matrix[a, t] = cost
        rows, cols = linear_sum_assignment(matrix)
        total = float(matrix[rows, cols].sum())
    else:
        graph = sparse.csr_matrix((cost, (a, t)), shape=(len(agents), len(targets)))
        rows, cols = min_weight_full_bipartite_matching(graph)
        total = float(graph[rows, cols].sum())
    return pd.DataFrame({"agent": agents[rows], "target": targets[cols]}), total


def median_time(run: Callable[[], tuple[pd.DataFrame, float]]) -> tuple[float, float]:
    """Median wall time of REPEATS runs and the objective of the last one."""
    times, total = [], 0.0
    for _ in range(REPEATS):
        start = time.perf_counter()
        total = run()[1]
        times.append(time.perf_counter() - start)
    return statistics.median(times), total


def case(shape: str, n: int) -> dict[str, Any]:
    pairs = dense_pairs(n) if shape == "dense" else sparse_pairs(n)
    ours, ours_total = median_time(lambda: assign(pairs, require="both"))
    base, base_total = median_time(lambda: baseline(pairs, shape))
    return {
        "shape": shape,
        "n": n,
        "pairs": len(pairs),
        "engine": assign(pairs, require="both")[0].attrs["engine"],
        "assign_s": round(ours, 4),
        "baseline_s": round(base, 4),
        "ratio": round(ours / base, 2),
        "overhead_ms": round((ours - base) * 1000, 1),
        "objective": ours_total,
        "same_objective": ours_total == base_total,
    }


def markdown(rows: list[dict[str, Any]], info: dict[str, Any]) -> str:
    lines = [
        f"Mesin: {info['platform']}, {info['cpus']} CPU, Python {info['python']}",
        "",
        "`assign(pairs, require='both')` (auto) vs kode pengguna yang memanggil scipy langsung "
        f"(median {REPEATS} kali):",
        "",
        "| bentuk | n | pasangan | engine | assign s | baseline s | rasio | selisih ms | objektif sama |",
        "|" + "---|" * 9,
    ]
    lines += [
        f"| {r['shape']} | {r['n']:,} | {r['pairs']:,} | {r['engine']} | {r['assign_s']:.4f} "
        f"| {r['baseline_s']:.4f} | {r['ratio']:.2f}× | {r['overhead_ms']:.1f} "
        f"| {'ya' if r['same_objective'] else 'TIDAK'} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def main(quick: bool = False) -> list[dict[str, Any]]:
    sizes = QUICK if quick else FULL
    rows = [case(shape, n) for shape, ns in sizes.items() for n in ns]
    info = machine()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = "assign-quick" if quick else "assign"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(
        json.dumps({"machine": info, "utc": stamp, "cases": rows}, indent=2), encoding="utf-8"
    )
    (RESULTS / f"{name}.md").write_text(markdown(rows, info), encoding="utf-8")
    print(markdown(rows, info))
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes only (seconds)")
    main(parser.parse_args().quick)
