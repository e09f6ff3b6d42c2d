"""One solve: eligibility → model → solver → plan tables (``placement.solve(dataset, scenario) ->
Result``). Everything that solves goes through :func:`solve`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.model import Dataset
from placement.plan.result import Result, hint_pairs, result_of
from placement.rules.eligibility import PairScan, PairTable, full_table, out_of_memory, scope_posts
from placement.solver.build import ModelIndex, build_problem
from placement.solver.problem import SCALE, MinRow, Solution, SolveStatus, empty_chosen
from placement.solver.run import choose_backend, solve_problem
from placement.solver.tiers import Tier, apply_tiers
from placement.workflow.pricing import solve_staged, staged_by_default

Progress = Callable[[str], None]


def tier_criteria(sc: Skenario, index: ModelIndex) -> list[Tier]:
    """Per-pair coefficients of the scenario's lexicographic tiers (all maximised)."""
    coefs = {
        "jabatan_terisi": np.rint(index.column("post_value").astype(float) * SCALE),
        "kecocokan": np.rint(index.column("fit").astype(float) * SCALE),
        "perpindahan_sedikit": index.column("stay").astype(float),
    }
    return [Tier(t.kriteria, coefs[t.kriteria].astype(np.int64), t.toleransi) for t in sc.tingkatan]


def solve(
    ds: Dataset,
    sc: Skenario,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int | None = None,
    progress: Progress | None = None,
    export: Path | None = None,
    extra_rows: tuple[MinRow, ...] = (),
    table: PairTable | None = None,
    hint: pd.DataFrame | None = None,
    staged: bool | None = None,
) -> Result:
    """Eligibility → model → solve → plan tables. Raises PlacementError on contradictory settings,
    and MEMORI_TIDAK_CUKUP (the stage and the size reached) when memory runs out.

    ``extra_rows``: linear lower bounds over the model's pair indices added to this solve only
    (e.g. "differ from an earlier plan", see placement.plan.diverse). ``table``: eligible pairs
    already built for this dataset and scenario (eligibility does not depend on caps or weights of
    the model, only on the rules). ``hint``: an earlier plan (nip, jabatan_tujuan_id) to warm-start
    from; used as the MIP's first incumbent when it is feasible for this model. ``staged``: price
    the eligible pairs in stages instead of building their table (workflow/pricing.py); None =
    when the scope's candidates × posts reach STAGED_CROSS and the solve is a plain one (no
    tiers, extra rows, hint, export or table given)."""
    where: dict[str, Any] = {"stage": "kelayakan"}
    try:
        return _solve(
            ds,
            sc,
            where,
            backend=backend,
            time_limit=time_limit,
            seed=seed,
            progress=progress,
            export=export,
            extra_rows=extra_rows,
            table=table,
            hint=hint,
            staged=staged,
        )
    except MemoryError:
        pass  # leaving the handler lets the solve's arrays go before the message is built
    known = where.get("table")
    people, posts = (
        (len(known.candidates), len(known.posts))
        if known is not None
        else (len(ds.pegawai), len(scope_posts(ds, sc)))
    )
    stage, pairs = str(where["stage"]), where.get("pairs") if known is None else len(known.pairs)
    where.clear()
    del known
    raise out_of_memory(stage, people, posts, pairs)


def _solve(
    ds: Dataset,
    sc: Skenario,
    where: dict[str, Any],
    *,
    backend: str,
    time_limit: float | None,
    seed: int | None,
    progress: Progress | None,
    export: Path | None,
    extra_rows: tuple[MinRow, ...],
    table: PairTable | None,
    hint: pd.DataFrame | None,
    staged: bool | None,
) -> Result:
    """:func:`solve`; ``where`` follows the stage reached and the pair table once built."""
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    say("Menyusun pasangan pegawai–jabatan yang memenuhi syarat")
    if table is None:
        scan = PairScan.of(ds, sc)
        plain = not (sc.tingkatan or extra_rows or hint is not None or export is not None)
        if staged is None:
            staged = plain and staged_by_default(scan)
        if staged:
            if not plain:
                raise ValueError("staged pricing solves plain models only (no tiers, rows, hint)")
            return _solve_staged(ds, sc, scan, where, backend, time_limit, seed, say)
        table = full_table(scan)
    where.update(stage="model", table=table)
    timings["kelayakan"] = time.perf_counter() - t
    t = time.perf_counter()
    say(f"Menyusun model ({len(table.pairs):,} pasangan)")
    problem, index = build_problem(ds, sc, table)
    if extra_rows:
        problem.min_rows = [*problem.min_rows, *extra_rows]
    timings["model"] = time.perf_counter() - t
    where["stage"] = "solver"
    t = time.perf_counter()
    run_seed = sc.seed if seed is None else seed
    chosen_backend = choose_backend(problem) if backend == "auto" else backend
    try:
        if sc.tingkatan:
            say(f"Menyelesaikan {len(sc.tingkatan)} tingkat leksikografis")
            problem, tier_record = apply_tiers(
                problem, tier_criteria(sc, index), backend, time_limit, run_seed
            )
            timings["tingkat"] = time.perf_counter() - t
        chosen_backend = choose_backend(problem) if backend == "auto" else backend
        say(f"Menyelesaikan dengan backend {chosen_backend}")
        start_plan = None if hint is None else hint_pairs(ds, index, hint)
        solution = solve_problem(problem, backend, time_limit, run_seed, export, hint=start_plan)
        if sc.tingkatan:
            solution.stats["tingkatan"] = json.dumps(tier_record)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while solving: no plan, status INTERRUPTED
        elapsed = round(time.perf_counter() - t, 3)
        solution = Solution(
            SolveStatus.INTERRUPTED,
            empty_chosen(),
            backend=chosen_backend,
            stats={"dihentikan_setelah_detik": elapsed},
        )
    timings["solver"] = time.perf_counter() - t
    where["stage"] = "rencana"
    t = time.perf_counter()
    result = result_of(ds, sc, table, problem, index, solution)
    timings["rencana"] = time.perf_counter() - t
    result.timings.update(timings)
    return result


def _solve_staged(
    ds: Dataset,
    sc: Skenario,
    scan: PairScan,
    where: dict[str, Any],
    backend: str,
    time_limit: float | None,
    seed: int | None,
    say: Progress,
) -> Result:
    """:func:`solve` with the eligible pairs priced in stages (workflow/pricing.py)."""
    t = time.perf_counter()
    run_seed = sc.seed if seed is None else seed
    staged = solve_staged(
        ds,
        sc,
        scan,
        backend=backend,
        time_limit=time_limit,
        seed=run_seed,
        say=say,
        reached=lambda stage, pairs: where.update(stage=stage, pairs=pairs),
    )  # Ctrl-C here stops the solve as during a full build's eligibility
    solver_seconds = time.perf_counter() - t
    where.update(stage="rencana", table=staged.table)
    t = time.perf_counter()
    result = result_of(ds, sc, staged.table, staged.problem, staged.index, staged.solution)
    result.timings.update(
        {
            "kelayakan": staged.read_seconds,
            "solver": solver_seconds - staged.read_seconds,
            "rencana": time.perf_counter() - t,
        }
    )
    return result
