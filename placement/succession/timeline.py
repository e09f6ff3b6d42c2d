"""The rule engine at other dates: when does a time-based rule stop (or start) refusing a pair?

Only three fields of :class:`~placement.rules.facts.Facts` depend on the plan date
(``plan_date``, ``plan`` and ``p_age``); :meth:`Timeline.facts` moves them to another day, so every
rule is evaluated by its own check function, exactly as the optimiser would on that plan date.
:meth:`Timeline.verify_shift` compares this with a full rebuild of the facts for a scenario whose
``tanggal_rencana`` is that day, so a new date-dependent field cannot slip through unnoticed.

:meth:`Timeline.first_day` finds the earliest day a monotone rule reaches a state (passes, or for
MASA_JABATAN_MAKS: fails). It starts from the day the rule's threshold is crossed (TMT + n years,
the end of a sanction + 1 day, ...: :func:`estimate`), confirms with the engine that the rule has
the state on that day and not on the day before, and falls back to a bisection with the engine
for any pair where the estimate is not confirmed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain.model import Dataset
from placement.rules.checks import PairContext
from placement.rules.eligibility import run_rule
from placement.rules.facts import KINDS, NAT, BoolArray, Facts, IntArray, build_facts
from placement.rules.registry import Rule

DateArray = npt.NDArray[np.datetime64]

# Rules whose outcome changes only with the passing of time (the data stay as they are):
# healing ones stop refusing on a day, expiring ones start refusing on a day.
TIME_HEALING: tuple[str, ...] = ("MASA_JABATAN_MIN", "PENGALAMAN_JENJANG", "HUKDIS_PROMOSI")
TIME_EXPIRING: tuple[str, ...] = ("BUP_DEKAT", "USIA_JPT")
_DATE_FIELDS = ("plan_date", "plan", "p_age")


def to_day(value: np.datetime64 | date) -> date:
    """A numpy day (not NaT) as a date."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value.astype("datetime64[D]")))


def add_months(days: DateArray, months: IntArray | int) -> DateArray:
    """Vectorised calendar shift by whole months, the day clipped to the month's end
    (:func:`placement.domain.dates.shift_months` on arrays; NaT stays NaT)."""
    days = np.asarray(days, dtype="datetime64[D]")
    month = days.astype("datetime64[M]")
    offset = (days - month.astype("datetime64[D]")).astype("timedelta64[D]")
    target = month + np.asarray(months, dtype=np.int64).astype("timedelta64[M]")
    start = target.astype("datetime64[D]")
    length = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - start
    out: DateArray = start + np.minimum(offset, length - np.timedelta64(1, "D"))
    return out


def _months_by_kind(years: dict[str, float], codes: IntArray) -> npt.NDArray[np.float64]:
    """Whole months per element from a {kind: years} parameter (NaN where the kind has none)."""
    table = np.array(
        [*(round(float(years[k]) * 12) if k in years else np.nan for k in KINDS), np.nan]
    )
    out: npt.NDArray[np.float64] = table[codes]
    return out


def _shift(start: DateArray, months: npt.NDArray[np.float64]) -> DateArray:
    ok = ~np.isnat(start) & ~np.isnan(months)
    out = np.full(len(start), NAT)
    out[ok] = add_months(start[ok], months[ok].astype(np.int64))
    return out


def estimate(rule: Rule, f: Facts, person: IntArray, post: IntArray) -> DateArray:
    """Day a time-based rule's threshold is crossed per pair (NaT: unknown or never). Only a
    starting point: :meth:`Timeline.first_day` confirms it with the engine."""
    p, j = person, post
    if rule.id == "MASA_JABATAN_MIN":
        start = np.where(
            (f.p_held[p] >= 0) | ~np.isnat(f.p_tmt_jabatan[p]),
            f.p_tmt_jabatan[p],
            f.p_tmt_jenjang[p],
        )
        return _shift(start, _months_by_kind(rule["min_tahun"], f.p_kind_code[p]))
    if rule.id == "PENGALAMAN_JENJANG":
        start = f.p_tmt_jenjang[p]
        start = np.where(np.isnat(start), f.p_tmt_jabatan[p], start)
        start = np.where(np.isnat(start) & (f.p_level[p] == 0), f.p_tmt_cpns[p], start)
        return _shift(start, _months_by_kind(rule["min_tahun"], f.j_kind_code[j]))
    if rule.id == "HUKDIS_PROMOSI":
        return f.p_disc_until[p] + np.timedelta64(1, "D")
    if rule.id == "MASA_JABATAN_MAKS":  # overdue from the day after TMT + max years
        months = _months_by_kind(rule["maks_tahun"], f.j_kind_code[j])
        return _shift(f.p_tmt_jabatan[p], months) + np.timedelta64(1, "D")
    return np.full(len(p), NAT)


@dataclass(eq=False)
class Timeline:
    """Rule facts of a dataset and scenario at any day (cached per day)."""

    ds: Dataset
    sc: Skenario
    base: Facts
    _cache: dict[date, Facts] = field(default_factory=dict)
    _birth: tuple[IntArray, IntArray, IntArray] | None = None

    @classmethod
    def of(cls, ds: Dataset, sc: Skenario) -> Timeline:
        tl = cls(ds, sc, build_facts(ds, sc))
        tl._cache[sc.tanggal_rencana] = tl.base
        return tl

    @property
    def plan_date(self) -> date:
        return self.sc.tanggal_rencana

    def refusing(self) -> list[Rule]:
        """Active rules that refuse a pair, in pack order."""
        return [r for r in self.base.rules.checks() if r.active and r.spec.effect == "tolak"]

    def _age_at(self, day: date) -> IntArray:
        birth = self._birth
        if birth is None:
            bdt = pd.to_datetime(self.ds.pegawai["birth_date"])
            birth = self._birth = (
                np.asarray(bdt.dt.year.to_numpy(), dtype=np.int64),
                np.asarray(bdt.dt.month.to_numpy(), dtype=np.int64),
                np.asarray(bdt.dt.day.to_numpy(), dtype=np.int64),
            )
        year, month, dom = birth
        not_yet = (month > day.month) | ((month == day.month) & (dom > day.day))
        age: IntArray = (day.year - year - not_yet.astype(np.int64)).astype(np.int64)
        return age

    def facts(self, day: date) -> Facts:
        """The facts with the plan date moved to ``day``."""
        hit = self._cache.get(day)
        if hit is None:
            hit = self._cache[day] = dataclasses.replace(
                self.base, plan_date=day, plan=np.datetime64(day, "D"), p_age=self._age_at(day)
            )
        return hit

    def verify_shift(self, day: date) -> list[str]:
        """Fields where :meth:`facts` differs from a full rebuild at ``day`` (empty = consistent)."""
        full = build_facts(self.ds, self.sc.model_copy(update={"tanggal_rencana": day}))
        moved = self.facts(day)
        bad = []
        for fld in dataclasses.fields(Facts):
            if fld.name.startswith("_"):
                continue
            a, b = getattr(moved, fld.name), getattr(full, fld.name)
            if isinstance(a, np.ndarray):
                same = a.shape == b.shape and bool(
                    np.all(
                        (a == b) | (pd.isna(a) & pd.isna(b)) if a.dtype.kind in "fMm" else a == b
                    )
                )
            elif fld.name == "rules":
                same = (
                    a.pack == b.pack
                    and list(a.rules) == list(b.rules)
                    and all(
                        dict(x.params) == dict(y.params) and x.active == y.active
                        for x, y in zip(a, b, strict=True)
                    )
                )
            else:
                same = a is b or a == b
            if not same:
                bad.append(fld.name)
        return bad

    # --- evaluation ------------------------------------------------------------------------------

    def _grouped(
        self, days: DateArray, fn: Callable[[Facts, IntArray], BoolArray], n: int
    ) -> BoolArray:
        out = np.zeros(n, dtype=bool)
        if not n:
            return out
        uniq, inverse = np.unique(days, return_inverse=True)
        inverse = inverse.ravel()
        for k, day in enumerate(uniq):
            idx = np.flatnonzero(inverse == k)
            out[idx] = fn(self.facts(to_day(day)), idx)
        return out

    def passes(self, rule: Rule, person: IntArray, post: IntArray, days: DateArray) -> BoolArray:
        """``passed`` of one rule per pair, each on its own day (no NaT days)."""

        def fn(f: Facts, idx: IntArray) -> BoolArray:
            out: BoolArray = run_rule(rule, PairContext.of(f, person[idx], post[idx])).passed
            return out

        return self._grouped(days, fn, len(person))

    def eligible(
        self, person: IntArray, post: IntArray, days: DateArray, skip: frozenset[str] = frozenset()
    ) -> BoolArray:
        """Every active refusing rule (but ``skip``) passes per pair on its own day."""
        rules = [r for r in self.refusing() if r.id not in skip]

        def fn(f: Facts, idx: IntArray) -> BoolArray:
            ctx = PairContext.of(f, person[idx], post[idx])
            ok = np.ones(len(idx), dtype=bool)
            for rule in rules:
                ok &= run_rule(rule, ctx).passed
            return ok

        return self._grouped(days, fn, len(person))

    def first_day(
        self,
        rule: Rule,
        person: IntArray,
        post: IntArray,
        lo: DateArray | date,
        hi: date,
        target: bool = True,
    ) -> DateArray:
        """Earliest day in (lo, hi] on which ``rule`` has ``passed == target`` per pair; NaT when
        not by ``hi``. The rule must be monotone in time and not have the state on ``lo``."""
        person = np.asarray(person, dtype=np.int64)
        post = np.asarray(post, dtype=np.int64)
        n = len(person)
        lo_d = np.broadcast_to(
            np.asarray(
                np.datetime64(lo, "D") if isinstance(lo, date) else lo, dtype="datetime64[D]"
            ),
            (n,),
        ).copy()
        hi_d = np.datetime64(hi, "D")
        one = np.timedelta64(1, "D")
        out = np.full(n, NAT)
        est = estimate(rule, self.base, person, post)
        inside = ~np.isnat(est) & (est > lo_d) & (est <= hi_d)
        todo = ~inside
        idx = np.flatnonzero(inside)
        if len(idx):
            at = self.passes(rule, person[idx], post[idx], est[idx]) == target
            prev = est[idx] - one
            before = np.zeros(len(idx), dtype=bool)
            check = prev > lo_d[idx]
            before[check] = (
                self.passes(rule, person[idx][check], post[idx][check], prev[check]) == target
            )
            good = at & ~before
            out[idx[good]] = est[idx[good]]
            todo[idx[~good]] = True
        idx = np.flatnonzero(todo)
        if len(idx):  # bisection with the engine: state(lo) != target, state(hi) == target
            reach = self.passes(rule, person[idx], post[idx], np.full(len(idx), hi_d)) == target
            idx = idx[reach]
            low, high = lo_d[idx], np.full(len(idx), hi_d)
            while len(idx) and np.any(high - low > one):
                open_ = high - low > one
                mid = low + ((high - low) // 2)
                state = np.zeros(len(idx), dtype=bool)
                state[open_] = (
                    self.passes(rule, person[idx][open_], post[idx][open_], mid[open_]) == target
                )
                high = np.where(open_ & state, mid, high)
                low = np.where(open_ & ~state, mid, low)
            out[idx] = high
        return out


__all__ = [
    "NAT",
    "TIME_EXPIRING",
    "TIME_HEALING",
    "DateArray",
    "Timeline",
    "add_months",
    "estimate",
    "to_day",
]
