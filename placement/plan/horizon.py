"""Multi-year plans (``placement solve --horizon N``): year-by-year moves over N years.

Year t's plan date is the scenario's date plus t years. Every year's eligibility is evaluated at
that date on the original data, which is exact for anyone who has not moved yet (tenure, experience
and age progress with the date); each person moves at most once in the horizon, so the later years
never need the eligibility of someone who already moved. Retirement: a person serves in year t ≥ 1
only while their BUP date (of their current kind of post) lies after year t's date; year 0 is the
data as given.

Values, per year τ and discounted by ``discount``**τ: a holder in the original post earns that
year's stay value (overdue penalty included, so max tenure bites as years pass); a person moved in
year t earns the pair's total in year t and the total without the move cost in later years; a
wajib_isi post occupied earns its soft penalty back. The joint optimum is compared with the
myopic plan (each year solved for that year alone under the same once-only rule); the joint
value is never below the myopic one, since the myopic plan is one of its feasible plans.

Scenario elements: ``larang`` holds in every year; ``kunci``, ``pertahankan`` and
``wajib_pindah`` bind year 0 (the plan the planner executes); caps bind each year. Not supported
with a horizon (refused with a message): ``izinkan_non_job``, ``wajib_isi_keras``, ``tingkatan``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.messages import Where, failure
from placement.domain.model import Dataset
from placement.plan.result import Result, hint_pairs, result_of
from placement.rules.eligibility import PairTable, build_pairs
from placement.solver.build import ModelIndex, build_problem, cap_groups
from placement.solver.horizon import (
    HorizonModel,
    HorizonSolution,
    build_rows,
    solve_joint,
    solve_myopic,
)
from placement.solver.problem import SCALE, Problem, SolveStatus, make_solution

Progress = Callable[[str], None]


@dataclass
class HorizonResult:
    """The multi-year plan: year 0 as an ordinary Result, all years as one table."""

    dates: list[date]
    discount: float
    first: Result
    plan: pd.DataFrame  # tahun, tanggal, nip, nama, jabatan_asal_id, jabatan_tujuan_id, jenis
    retirements: pd.DataFrame  # tahun, tanggal_bup, nip, nama, jabatan_id
    joint: HorizonSolution
    myopic: HorizonSolution
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        joint = (self.joint.objective or 0) / SCALE
        myopic = None if self.myopic.objective is None else self.myopic.objective / SCALE
        per_year = self.plan.groupby("tahun").size().reindex(range(len(self.dates)), fill_value=0)
        return {
            "tahun": len(self.dates),
            "tanggal": [d.isoformat() for d in self.dates],
            "diskonto": self.discount,
            "status": str(self.joint.status),
            "objektif_horizon": round(joint, 4),
            "objektif_miopik": None if myopic is None else round(myopic, 4),
            "selisih_terhadap_miopik": None if myopic is None else round(joint - myopic, 4),
            "perpindahan_per_tahun": [int(n) for n in per_year],
            "pensiun_per_tahun": [
                int((self.retirements["tahun"] == t).sum()) for t in range(len(self.dates))
            ],
            "solver": dict(self.joint.stats),
        }


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _unsupported(sc: Skenario) -> None:
    used = [
        k
        for k, on in (
            ("izinkan_non_job", sc.izinkan_non_job),
            ("wajib_isi_keras", sc.wajib_isi_keras),
            ("tingkatan", bool(sc.tingkatan)),
        )
        if on
    ]
    if used:
        raise failure("HORIZON_TIDAK_DIDUKUNG", Where("skenario"), used=", ".join(used))


@dataclass
class YearFacts:
    """Per-year facts shared by the model build."""

    dates: list[date]
    tables: list[PairTable]
    active: np.ndarray  # person row × year
    posts: np.ndarray  # in-scope post rows (sorted)


def horizon_years(
    ds: Dataset, sc: Skenario, n_years: int, say: Progress = lambda _msg: None
) -> YearFacts:
    """Each year's date, eligible pairs and who still serves."""
    dates = [add_years(sc.tanggal_rencana, t) for t in range(n_years)]
    tables = []
    for t, d in enumerate(dates):
        say(f"Tahun {t + 1}/{n_years} ({d.isoformat()}): pasangan yang memenuhi syarat")
        tables.append(build_pairs(ds, sc.model_copy(update={"tanggal_rencana": d})))
    bup = pd.to_datetime(ds.pegawai["bup_date"]).to_numpy(dtype="datetime64[D]")
    active = np.ones((ds.n_people, n_years), dtype=bool)
    for t, d in enumerate(dates[1:], start=1):
        active[:, t] = np.isnat(bup) | (bup > np.datetime64(d))
    return YearFacts(dates, tables, active, np.sort(np.asarray(tables[0].posts, dtype=np.int64)))


def build_horizon_model(
    ds: Dataset, sc: Skenario, yrs: YearFacts, discount: float
) -> tuple[HorizonModel, dict[str, Any]]:
    """Columns, values and rows of the multi-year model (see placement.solver.horizon)."""
    n_years = len(yrs.dates)
    local_post = np.full(ds.n_posts, -1, dtype=np.int64)
    local_post[yrs.posts] = np.arange(len(yrs.posts))
    holder_post = np.full(ds.n_people, -1, dtype=np.int64)
    for jid, row in ds.holder_row.items():
        post = ds.post_index[jid]
        if local_post[post] >= 0:
            holder_post[row] = local_post[post]
    pen_post = np.zeros(len(yrs.posts))
    if ds.jabatan["must_fill"].to_numpy(dtype=bool)[yrs.posts].any():
        pen_post = np.where(
            ds.jabatan["must_fill"].to_numpy(dtype=bool)[yrs.posts],
            sc.bobot.penalti_wajib_isi_kosong,
            0.0,
        )
    stay_value = np.zeros((ds.n_people, n_years))  # a holder in the original post, per year
    for t, table in enumerate(yrs.tables):
        stays = table.pairs[table.pairs["stay"].to_numpy(dtype=bool)]
        people = stays["person"].to_numpy(dtype=np.int64)
        stay_value[people, t] = stays["total"].to_numpy(dtype=float)
    is_holder = holder_post >= 0
    stay_value[is_holder] += pen_post[holder_post[is_holder]][:, None]
    stay_value *= yrs.active

    forbidden = {
        (ds.person_index.get(k.nip, -1), ds.post_index.get(k.jabatan_id, -1)) for k in sc.larang
    }
    must_move = {ds.person_index[n] for n in sc.wajib_pindah if n in ds.person_index}
    kept_in_year0 = {ds.holder_row[j] for j in sc.pertahankan if j in ds.holder_row}
    locks = {
        ds.person_index[k.nip]: ds.post_index[k.jabatan_id]
        for k in sc.kunci
        if k.nip in ds.person_index and k.jabatan_id in ds.post_index
    }
    for person, post in locks.items():
        if local_post[post] == holder_post[person]:
            kept_in_year0.add(person)
    for person, post in forbidden:
        if person >= 0 and post >= 0 and holder_post[person] == local_post[post]:
            must_move.add(person)  # forbidden to stay in the own post: leaves in year 0

    person_cols, post_cols, year_cols, by_year, kinds, totals = [], [], [], [], [], []
    discount_of = np.array([discount**t for t in range(n_years)])
    for t, table in enumerate(yrs.tables):
        p = table.pairs
        sel = ~p["stay"].to_numpy(dtype=bool) & ~p["shortlist_only"].to_numpy(dtype=bool)
        who = p["person"].to_numpy(dtype=np.int64)
        where = p["post"].to_numpy(dtype=np.int64)
        sel &= yrs.active[who, t]
        if forbidden:
            sel &= ~pd.MultiIndex.from_arrays([who, where]).isin(list(forbidden))
        if t == 0 and kept_in_year0:
            sel &= ~np.isin(who, list(kept_in_year0))
        if t > 0 and must_move:
            sel &= ~np.isin(who, list(must_move))
        idx = np.flatnonzero(sel)
        who, where = who[idx], where[idx]
        total = p["total"].to_numpy(dtype=float)[idx]
        hold = total + p["move_cost"].to_numpy(dtype=float)[idx]
        values = np.zeros((len(idx), n_years))
        for tau in range(n_years):
            if tau < t:
                values[:, tau] = stay_value[who, tau]
            elif tau == t:
                values[:, tau] = (total + pen_post[local_post[where]]) * yrs.active[who, tau]
            else:
                values[:, tau] = (hold + pen_post[local_post[where]]) * yrs.active[who, tau]
        person_cols.append(who)
        post_cols.append(local_post[where])
        year_cols.append(np.full(len(idx), t))
        by_year.append(values)
        kinds.append(p["move_type"].astype(str).to_numpy()[idx])
        totals.append(total)
    holders = np.flatnonzero(is_holder & ~np.isin(np.arange(ds.n_people), list(must_move)))
    person_cols.append(holders)
    post_cols.append(np.full(len(holders), -1))
    year_cols.append(np.full(len(holders), -1))
    by_year.append(stay_value[holders])
    kinds.append(np.full(len(holders), "tetap", dtype=object))
    totals.append(np.zeros(len(holders)))
    col_person = np.concatenate(person_cols).astype(np.int64)
    col_post = np.concatenate(post_cols).astype(np.int64)
    col_year = np.concatenate(year_cols).astype(np.int64)
    values = np.vstack(by_year) * discount_of[None, :]
    value_by_year = [np.rint(values[:, t] * SCALE).astype(np.int64) for t in range(n_years)]
    value = np.sum(value_by_year, axis=0).astype(np.int64)

    fixed = []
    for person, post in locks.items():
        if local_post[post] == holder_post[person]:
            continue
        hit = np.flatnonzero(
            (col_person == person) & (col_post == local_post[post]) & (col_year == 0)
        )
        fixed.extend(hit[:1].tolist())
    groups = _groups(ds, sc, holder_post)
    rows = build_rows(
        n_years,
        col_person,
        np.maximum(col_post, 0),
        col_year,
        yrs.active,
        holder_post,
        is_holder,
        len(yrs.posts),
        groups,
    )
    model = HorizonModel(
        n_years,
        col_person,
        col_post,
        col_year,
        value,
        value_by_year,
        rows,
        np.array(sorted(fixed), dtype=np.int64),
    )
    return model, {
        "holder_post": holder_post,
        "move_type": np.concatenate(kinds),
        "skor": np.concatenate(totals),
    }


def _groups(ds: Dataset, sc: Skenario, holder_post: np.ndarray) -> list[tuple[np.ndarray, int]]:
    """Move caps per year: (incumbent person rows, moves allowed), as in the one-year model."""
    holders = np.flatnonzero(holder_post >= 0).astype(np.int64)
    return [(members, allowed) for _, members, allowed in cap_groups(ds, sc, holders)]


def solve_horizon(
    ds: Dataset,
    sc: Skenario,
    years: int,
    *,
    discount: float = 1.0,
    time_limit: float | None = None,
    seed: int | None = None,
    progress: Progress | None = None,
) -> HorizonResult:
    """The joint multi-year plan, its myopic comparison and year 0 as an ordinary Result."""
    _unsupported(sc)
    say = progress or (lambda _msg: None)
    run_seed = sc.seed if seed is None else seed
    timings: dict[str, float] = {}
    t = time.perf_counter()
    yrs = horizon_years(ds, sc, years, say)
    timings["kelayakan"] = time.perf_counter() - t
    t = time.perf_counter()
    problem0, index0 = build_problem(ds, sc, yrs.tables[0])  # checks the scenario as solve does
    model, info = build_horizon_model(ds, sc, yrs, discount)
    timings["model"] = time.perf_counter() - t
    t = time.perf_counter()
    say(f"Rencana miopik: {years} tahun, satu per satu")
    myopic = solve_myopic(model, time_limit, run_seed)
    timings["miopik"] = time.perf_counter() - t
    t = time.perf_counter()
    say(f"Rencana {years} tahun yang optimal ({model.n_cols:,} kolom)")
    start = myopic.chosen if myopic.status is SolveStatus.FEASIBLE else None
    joint = solve_joint(model, time_limit, run_seed, incumbent=start)
    timings["solver"] = time.perf_counter() - t
    plan = _plan_rows(ds, yrs, model, info, joint.chosen)
    first = _first_year(ds, sc, yrs.tables[0], problem0, index0, plan, joint)
    first.timings.update(timings)
    return HorizonResult(
        yrs.dates, discount, first, plan, _retirements(ds, yrs, plan), joint, myopic, timings
    )


def _plan_rows(
    ds: Dataset, yrs: YearFacts, model: HorizonModel, info: dict[str, Any], chosen: np.ndarray
) -> pd.DataFrame:
    """One row per move in the horizon, in year order."""
    moves = chosen[model.col_year[chosen] >= 0]
    person = model.col_person[moves]
    year = model.col_year[moves]
    origin = ds.pegawai["jabatan_id"].to_numpy()[person]
    target = ds.jabatan["jabatan_id"].to_numpy()[yrs.posts[model.col_post[moves]]]
    out = pd.DataFrame(
        {
            "tahun_ke": year + 1,
            "tanggal": [yrs.dates[y].isoformat() for y in year],
            "nip": ds.pegawai["nip"].to_numpy()[person],
            "nama": ds.pegawai["name"].to_numpy()[person],
            "jabatan_asal_id": origin,
            "jabatan_tujuan_id": target,
            "jenis_perpindahan": info["move_type"][moves],
            "skor": np.round(info["skor"][moves].astype(float), 6),
        }
    )
    out = out.sort_values(["tahun_ke", "jabatan_tujuan_id"], kind="stable").reset_index(drop=True)
    out["tahun"] = out["tahun_ke"] - 1
    return out


def _first_year(
    ds: Dataset,
    sc: Skenario,
    table: PairTable,
    problem: Problem,
    index: ModelIndex,
    plan: pd.DataFrame,
    joint: HorizonSolution,
) -> Result:
    """Year 0 of the joint plan as a one-year Result (the plan the planner executes)."""
    if joint.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        empty = make_solution(
            problem, joint.status, np.zeros(0, dtype=np.int64), 0.0, "horizon", {}
        )
        return result_of(ds, sc, table, problem, index, empty)
    now = plan[plan["tahun"] == 0]
    movers = set(now["nip"].astype(str))
    post_ids = ds.jabatan["jabatan_id"].to_numpy()[np.asarray(table.posts)]
    holders = ((ds.holder_of(j), j) for j in post_ids)
    stays = [(nip, j) for nip, j in holders if nip and nip not in movers]
    wanted = pd.DataFrame(
        [*zip(now["nip"].astype(str), now["jabatan_tujuan_id"], strict=True), *stays],
        columns=["nip", "jabatan_tujuan_id"],
    )
    chosen = hint_pairs(ds, index, wanted)
    if len(chosen) != len(wanted):
        raise AssertionError("multi-year plan: a year-0 decision has no pair in the one-year model")
    solution = make_solution(problem, joint.status, chosen, 0.0, "horizon", {"horizon": "ya"})
    solution.bound = solution.objective  # the proof is the horizon's (hasil.json 'horizon')
    return result_of(ds, sc, table, problem, index, solution)


def _retirements(ds: Dataset, yrs: YearFacts, plan: pd.DataFrame) -> pd.DataFrame:
    """Who retires before each year's plan date, and the post they leave (after earlier moves)."""
    rows = []
    moved_to = {
        (str(n), int(t)): j
        for n, t, j in zip(plan["nip"], plan["tahun"], plan["jabatan_tujuan_id"], strict=True)
    }
    peg = ds.pegawai
    for t in range(1, len(yrs.dates)):
        leaving = np.flatnonzero(yrs.active[:, t - 1] & ~yrs.active[:, t])
        for p in leaving.tolist():
            nip = str(peg.at[p, "nip"])
            post = next(
                (moved_to[(nip, y)] for y in range(t) if (nip, y) in moved_to),
                peg.at[p, "jabatan_id"],
            )
            rows.append(
                {
                    "tahun_ke": t + 1,
                    "tanggal_bup": peg.at[p, "bup_date"],
                    "nip": nip,
                    "nama": peg.at[p, "name"],
                    "jabatan_id": post if isinstance(post, str) else None,
                }
            )
    cols = ["tahun_ke", "tanggal_bup", "nip", "nama", "jabatan_id"]
    out = pd.DataFrame(rows, columns=cols)
    out["tahun"] = out["tahun_ke"] - 1
    return out
