"""Succession lists: ranked successors per structural post, with readiness.

Readiness (categories, in this order; a person appears once per post):

- ``sekarang`` (siap sekarang): the pair is eligible at the plan date (the optimiser's own pairs
  from :func:`~placement.rules.eligibility.build_pairs`), ranked like the optimiser ranks them
  (pair ``total``, then incumbent, seniority, row order).
- ``horizon`` (siap dalam horizon): refused today only by time-based rules (TIME_HEALING:
  tenure in post, experience in the level, an ending disciplinary sanction). For each such rule
  the exact day it stops refusing is found with the rule engine (:class:`Timeline`); the person
  is ready on the latest of these days when it falls within the horizon and the whole rule set
  passes on that day (so BUP_DEKAT and USIA_JPT are checked on that day) and the person reaches
  neither the own BUP nor the target post's BUP before it. Ranked by that day, then ``total``.
- ``pengembangan`` (perlu pengembangan): talent pool (box 7–9) refused today by at least one
  developable rule (:data:`DEVELOPABLE`, with the development action) and otherwise only by
  time-based rules that stop refusing within the horizon; on the day those stop refusing every
  other rule passes, and the person's BUP falls after the horizon. Ranked by ``total``.

Every listed successor carries the competency gaps for the post (standard − actual per
competency, the :func:`~placement.rules.scoring.jpm_detail` gaps). Pairs are never formed for
people × posts of the whole region: the time and development categories look only at the talent
pool within one level below or at the post's level, post level by post level, in chunks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.dates import shift_months
from placement.domain.errors import PlacementError
from placement.domain.grades import JPT_TYPES
from placement.domain.messages import Where, failure, issue, text
from placement.domain.model import Dataset
from placement.rules.checks import PairContext
from placement.rules.eligibility import (
    PairTable,
    build_pairs,
    candidate_rows,
    rank_for_post,
    run_rule,
    scope_posts,
)
from placement.rules.facts import IntArray, norm_text
from placement.rules.registry import MOVE_TYPES
from placement.rules.scoring import Scorer, competencies
from placement.succession.pool_scan import (
    DEVELOPABLE,
    POOL_BOXES,
    Found,
    bup_ok,
    candidates_and_pool,
    rule_dates,
    scan,
)
from placement.succession.timeline import NAT, DateArray, Timeline

CATEGORIES: tuple[str, ...] = ("sekarang", "horizon", "pengembangan")

ROW_COLUMNS: tuple[str, ...] = (
    "post",
    "person",
    "category",
    "rank",
    "ready_date",
    "total",
    "jpm",
    "move_type",
    "shortlist_only",
    "blockers",
    "actions",
    "gaps",
)


@dataclass(eq=False)
class Successors:
    """Succession lists of the selected posts.

    ``rows``: the top successors per post and category (:data:`ROW_COLUMNS`; ``ready_date`` is
    the plan date for ``sekarang``). ``bench``: per post (in report order) the counts of every
    category (not cut at ``top``). ``ready``: every successor ready within the horizon (post,
    person, ready_date), for matching with future vacancies.
    """

    plan_date: date
    horizon_end: date
    horizon_years: int
    posts: IntArray  # selected post rows, critical first
    critical: pd.Series  # post row → bool
    rows: pd.DataFrame
    bench: pd.DataFrame
    ready: pd.DataFrame


def horizon_end(plan_date: date, horizon_years: int) -> date:
    """Last day of the horizon (inclusive): the plan date + ``horizon_years`` calendar years."""
    return shift_months(plan_date, 12 * int(horizon_years))


def select_posts(
    ds: Dataset, sc: Skenario, jabatan_ids: list[str] | None = None, opd: str | None = None
) -> IntArray:
    """In-scope post rows, filtered by ids or OPD, critical posts first (JPT and wajib_isi),
    then by eselon rank (highest first), OPD and input order."""
    scope = scope_posts(ds, sc)
    rows = scope
    if jabatan_ids:
        wanted = [j.strip() for j in jabatan_ids]
        unknown = [j for j in wanted if j not in ds.post_index]
        if unknown:
            where = Where("jabatan", None, "jabatan_id")
            raise PlacementError([issue("JABATAN_TIDAK_ADA", where, jid=", ".join(unknown))])
        chosen = np.array([ds.post_index[j] for j in wanted], dtype=np.int64)
        outside = [j for j, r in zip(wanted, chosen, strict=True) if r not in set(scope.tolist())]
        if outside:
            raise failure(
                "JABATAN_DI_LUAR_LINGKUP",
                Where("skenario", column="lingkup"),
                "SUKSESI_JABATAN_DI_LUAR_LINGKUP",
                outside=", ".join(outside),
            )
        rows = np.unique(chosen)
    if opd:
        names = np.array([norm_text(o) for o in ds.jabatan["opd"]], dtype=object)
        if norm_text(opd) not in set(names):
            known = ", ".join(sorted(set(map(str, ds.jabatan["opd"])))[:8])
            raise failure(
                "OPD_TIDAK_ADA", Where("jabatan", column="unit_kerja"), opd=opd, known=known
            )
        rows = rows[names[rows] == norm_text(opd)]
    crit = critical_posts(ds)
    jab = ds.jabatan
    order = np.lexsort(
        (
            rows,
            np.array([norm_text(o) for o in jab["opd"].to_numpy()[rows]], dtype=object),
            -jab["rank"].to_numpy()[rows],
            ~crit.to_numpy()[rows],
        )
    )
    return rows[order].astype(np.int64)


def critical_posts(ds: Dataset) -> pd.Series:
    """Per post row: JPT or wajib_isi."""
    jpt = ds.jabatan["jenis_jabatan"].astype(str).isin([str(k) for k in JPT_TYPES])
    return (jpt | ds.jabatan["must_fill"].astype(bool)).reset_index(drop=True)


def _seniority_sort(ds: Dataset, frame: pd.DataFrame, keys: list[tuple[str, bool]]) -> pd.DataFrame:
    """Stable sort by ``keys`` (column, ascending) then total, seniority and row order."""
    far = pd.Timestamp("2262-01-01")
    rows = frame["person"].to_numpy()
    peg = ds.pegawai
    cols: list[np.ndarray] = [
        rows,
        peg["tmt_cpns"].fillna(far).to_numpy()[rows],
        peg["tmt_golongan"].fillna(far).to_numpy()[rows],
        -frame["total"].round(12).to_numpy(),
    ]
    for name, asc in reversed(keys):
        values = frame[name].to_numpy()
        cols.append(values if asc else -values)
    return frame.iloc[np.lexsort(cols)].reset_index(drop=True)


def _describe(
    tl: Timeline, rows: pd.DataFrame, fails: np.ndarray, dates: dict[str, DateArray], lang: str
) -> tuple[list[str], list[str]]:
    """Blocking rules (actual | threshold, and the day each time rule stops blocking) and
    development actions per row."""
    rules = tl.refusing()
    person = rows["person"].to_numpy(dtype=np.int64)
    post = rows["post"].to_numpy(dtype=np.int64)
    ctx = PairContext.of(tl.base, person, post)
    blocks: list[list[str]] = [[] for _ in range(len(rows))]
    acts: list[list[str]] = [[] for _ in range(len(rows))]
    until = text("SUKSESI_KESIAPAN_LOLOS", lang)
    for k, rule in enumerate(rules):
        sel = np.flatnonzero(fails[:, k])
        if not len(sel):
            continue
        actual, threshold = run_rule(rule, ctx.take(sel)).detail()
        day = dates.get(rule.id)
        shown = (actual.en, threshold.en) if lang == "en" else (actual.id, threshold.id)
        for i, a, t in zip(sel, *shown, strict=True):
            note = f"{rule.id} ({a} | {t})"
            if day is not None and not np.isnat(day[i]):
                note += f" {until} {day[i]}"
            blocks[i].append(note)
            if rule.id in DEVELOPABLE:
                acts[i].append(DEVELOPABLE[rule.id][1 if lang == "en" else 0])
    return ["; ".join(b) for b in blocks], ["; ".join(a) for a in acts]


def _signed(x: float) -> str:
    """−1.25, −0.5, −1 (minus sign, no trailing zeros)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def competency_gaps(ds: Dataset, sc: Skenario, person: IntArray, post: IntArray) -> list[str]:
    """Per pair: the competencies below the post's standard, largest gap first
    ("pengambilan keputusan −1; integritas −0.5"); '' when every standard is met."""
    from placement.rules.registry import rule_set

    comp = competencies(ds, rule_set(sc))
    names = np.array(comp.names, dtype=object)
    std = comp.standard[post]
    gap = np.nan_to_num(comp.actual[person], nan=0.0) - std
    short = (std > 0) & (gap < -1e-9)
    order = np.argsort(np.where(short, gap, np.inf), axis=1, kind="stable")
    out = []
    for i in range(len(person)):
        ks = order[i, : int(short[i].sum())]
        out.append("; ".join(f"{names[k]} {_signed(gap[i, k])}" for k in ks))
    return out


def successors(
    ds: Dataset,
    sc: Skenario,
    horizon_years: int = 2,
    *,
    top: int = 5,
    posts: IntArray | None = None,
    pairs: PairTable | None = None,
    lang: str = "id",
) -> Successors:
    """Succession lists of ``posts`` (default: every in-scope post, see :func:`select_posts`)."""
    if horizon_years < 1:
        raise ValueError("horizon_years must be ≥ 1")
    tl = Timeline.of(ds, sc)
    plan = sc.tanggal_rencana
    end = horizon_end(plan, horizon_years)
    posts = select_posts(ds, sc) if posts is None else np.asarray(posts, dtype=np.int64)
    crit = critical_posts(ds)
    now_frame = _ready_now(ds, sc, pairs, posts)
    wide, pool = candidates_and_pool(tl, candidate_rows(tl.base, scope_posts(ds, sc)))
    timed, dev = scan(tl, posts, wide, pool)
    scorer = Scorer.of(tl.base, sc)
    soon = _ready_in_horizon(tl, scorer, timed, end)
    later = _needs_development(tl, scorer, dev, end)
    soon = (_seniority_sort(ds, soon[0], [("post", True), ("ready_date", True)]), *soon[1:])
    later = (_seniority_sort(ds, later[0], [("post", True)]), *later[1:])
    bench = _bench(posts, now_frame, soon[0], later[0])
    ready_all = pd.concat(
        [now_frame[["post", "person", "ready_date"]], soon[0][["post", "person", "ready_date"]]],
        ignore_index=True,
    )
    found = [(now_frame, None, {}), soon, later]
    rows = _rows(ds, sc, tl, found, posts, top, lang)
    return Successors(plan, end, horizon_years, posts, crit, rows, bench, ready_all)


_Listed = tuple[pd.DataFrame, np.ndarray | None, dict[str, DateArray]]
"""One category's candidates, the rules each failed at the plan date (None: siap sekarang) and
the day each failing time rule stops refusing."""


def _ready_now(ds: Dataset, sc: Skenario, pairs: PairTable | None, posts: IntArray) -> pd.DataFrame:
    """Siap sekarang: the optimiser's eligible pairs of ``posts``, best first per post."""
    pt = pairs if pairs is not None else build_pairs(ds, sc)
    p = pt.pairs
    now = p[~p["stay"].to_numpy() & np.isin(p["post"].to_numpy(), posts)]
    now = rank_for_post(ds, now)
    now = now.iloc[np.argsort(now["post"].to_numpy(), kind="stable")]
    return pd.DataFrame(
        {
            "post": now["post"].to_numpy(dtype=np.int64),
            "person": now["person"].to_numpy(dtype=np.int64),
            "category": "sekarang",
            "ready_date": np.datetime64(sc.tanggal_rencana, "D"),
            "total": now["total"].to_numpy(dtype=float),
            "jpm": now["jpm"].to_numpy(dtype=float),
            "move_type": now["move_type"].astype(str).to_numpy(),
            "shortlist_only": now["shortlist_only"].to_numpy(dtype=bool),
        }
    )


def _scored(tl: Timeline, scorer: Scorer, person: IntArray, post: IntArray) -> dict[str, Any]:
    """Total, JPM and move type of pairs found by the scan (not in the optimiser's table)."""
    ctx = PairContext.of(tl.base, person, post)
    s = scorer.score(person, post, ctx.move, np.zeros(len(person), dtype=bool))
    return {
        "total": s["total"],
        "jpm": s["jpm"],
        "move_type": np.array(MOVE_TYPES, dtype=object)[ctx.move],
    }


def _ready_in_horizon(tl: Timeline, scorer: Scorer, timed: Found, end: date) -> _Listed:
    """Siap dalam horizon: pairs whose failing time rules all stop refusing by ``end`` and that
    are then eligible, within the retirement age (BUP) on their ready day."""
    tp, tj, tf = timed.frame(len(tl.refusing()))
    t_dates, ready = rule_dates(tl, tp, tj, tf, end)
    ok = ~np.isnat(ready)
    idx = np.flatnonzero(ok)
    ok[idx] = tl.eligible(tp[idx], tj[idx], ready[idx]) & bup_ok(tl, tp[idx], tj[idx], ready[idx])
    frame = pd.DataFrame(
        {
            "post": tj[ok],
            "person": tp[ok],
            "category": "horizon",
            "ready_date": ready[ok],
            **_scored(tl, scorer, tp[ok], tj[ok]),
            "shortlist_only": False,
            "_i": np.flatnonzero(ok),
        }
    )
    return frame, tf, t_dates


def _needs_development(tl: Timeline, scorer: Scorer, dev: Found, end: date) -> _Listed:
    """Perlu pengembangan: pairs eligible once the developable rules are met, with their time
    rules stopping by ``end`` and within the retirement age (BUP) at ``end``."""
    dp, dj, dfail = dev.frame(len(tl.refusing()))
    d_dates, d_ready = rule_dates(tl, dp, dj, dfail, end)
    ok = ~np.isnat(d_ready)
    idx = np.flatnonzero(ok)
    skip = frozenset(DEVELOPABLE)
    ok[idx] = tl.eligible(dp[idx], dj[idx], d_ready[idx], skip=skip) & bup_ok(
        tl, dp[idx], dj[idx], np.full(len(idx), np.datetime64(end, "D"))
    )
    frame = pd.DataFrame(
        {
            "post": dj[ok],
            "person": dp[ok],
            "category": "pengembangan",
            "ready_date": NAT,
            **_scored(tl, scorer, dp[ok], dj[ok]),
            "shortlist_only": False,
            "_i": np.flatnonzero(ok),
        }
    )
    return frame, dfail, d_dates


def _bench(
    posts: IntArray, now: pd.DataFrame, soon: pd.DataFrame, dev: pd.DataFrame
) -> pd.DataFrame:
    """Bench strength: per post, how many candidates each category has."""
    bench = pd.DataFrame({"post": posts})
    for cat, frame in (("sekarang", now), ("horizon", soon), ("pengembangan", dev)):
        counts = frame.groupby("post").size()
        bench[cat] = bench["post"].map(counts).fillna(0).astype(np.int64)
    return bench


def _rows(
    ds: Dataset,
    sc: Skenario,
    tl: Timeline,
    found: list[_Listed],
    posts: IntArray,
    top: int,
    lang: str,
) -> pd.DataFrame:
    """The ``top`` candidates per post and category with their blockers, development actions and
    competency gaps, in ``posts`` order, then category, then rank."""
    parts = []
    for frame, fails_all, dates in found:
        head = frame.groupby("post", sort=False).head(top).copy()
        head["rank"] = head.groupby("post").cumcount() + 1
        if fails_all is not None and len(head):
            i = head["_i"].to_numpy(dtype=np.int64)
            sub = {k: v[i] for k, v in dates.items()}
            blocks, acts = _describe(tl, head, fails_all[i], sub, lang)
        else:
            blocks, acts = [""] * len(head), [""] * len(head)
        head["blockers"] = blocks
        head["actions"] = acts
        parts.append(head.drop(columns=["_i"], errors="ignore"))
    rows = pd.concat(parts, ignore_index=True)
    rows["gaps"] = competency_gaps(
        ds, sc, rows["person"].to_numpy(dtype=np.int64), rows["post"].to_numpy(dtype=np.int64)
    )
    order = {int(r): i for i, r in enumerate(posts)}
    rows["_o"] = rows["post"].map(order)
    rows["_c"] = rows["category"].map({c: i for i, c in enumerate(CATEGORIES)})
    rows = rows.sort_values(["_o", "_c", "rank"], kind="stable").drop(columns=["_o", "_c"])
    return rows.reset_index(drop=True)[list(ROW_COLUMNS)]


__all__ = [
    "CATEGORIES",
    "DEVELOPABLE",
    "POOL_BOXES",
    "Successors",
    "competency_gaps",
    "critical_posts",
    "horizon_end",
    "select_posts",
    "successors",
]
