"""The talent-pool scan behind the ``horizon`` and ``pengembangan`` successors of
:mod:`placement.succession.readiness`: candidates worth a time check, the rules each pair
fails at the plan date (post level by post level, in chunks of :data:`CHUNK_PAIRS` pairs), the
day each failing time rule stops refusing and the retirement-age (BUP) check on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from placement.domain.messages import texts
from placement.rules.checks import PairContext
from placement.rules.eligibility import cross_pairs, run_rule
from placement.rules.facts import IntArray
from placement.succession.timeline import NAT, TIME_HEALING, DateArray, Timeline

CHUNK_PAIRS = 500_000
POOL_BOXES: tuple[int, ...] = (7, 8, 9)  # kelompok rencana suksesi (PermenPAN-RB 3/2020)

# Rules a person can meet through development, with the action (id, en).
DEVELOPABLE: dict[str, tuple[str, str]] = {
    "KOTAK_TALENTA_MIN": texts("PENGEMBANGAN_KOTAK_TALENTA_MIN"),
    "KOMPETENSI_ADA": texts("PENGEMBANGAN_KOMPETENSI_ADA"),
    "SKP_PROMOSI": texts("PENGEMBANGAN_SKP_PROMOSI"),
    "PENDIDIKAN_MIN": texts("PENGEMBANGAN_PENDIDIKAN_MIN"),
    "GOL_MIN_ESELON": texts("PENGEMBANGAN_GOL_MIN_ESELON"),
    "RUMPUN_SESUAI": texts("PENGEMBANGAN_RUMPUN_SESUAI"),
    "JOB_FIT_JPT": texts("PENGEMBANGAN_JOB_FIT_JPT"),
}


def candidates_and_pool(tl: Timeline, cand: IntArray) -> tuple[IntArray, IntArray]:
    """Candidates worth a time check (box may pass KOTAK_TALENTA_MIN) and the talent pool."""
    f = tl.base
    box = f.p_box[cand]
    in_pool = np.isin(np.nan_to_num(box, nan=0), POOL_BOXES)
    rule = f.rules["KOTAK_TALENTA_MIN"]
    if rule.active:
        mins = [
            float(v)
            for m, v in rule["kotak_min"].items()
            if m in ("promosi", "rotasi", "mutasi", "alih_jenis") and m in rule.moves
        ]
        least = min([*mins, float(min(POOL_BOXES))])
        keep = np.nan_to_num(box, nan=-1) >= least
    else:
        keep = np.ones(len(cand), dtype=bool)
    return cand[keep | in_pool], cand[in_pool]


@dataclass
class Found:
    person: list[IntArray]
    post: list[IntArray]
    fails: list[np.ndarray]  # bool, n × n_rules

    def frame(self, n_rules: int) -> tuple[IntArray, IntArray, np.ndarray]:
        if not self.person:
            return (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, n_rules), bool))
        return (np.concatenate(self.person), np.concatenate(self.post), np.concatenate(self.fails))


def scan(tl: Timeline, posts: IntArray, wide: IntArray, pool: IntArray) -> tuple[Found, Found]:
    """Pairs refused today only by time rules (``wide`` people) or by developable + time rules
    (``pool`` people), post level by post level."""
    f = tl.base
    rules = tl.refusing()
    ids = [r.id for r in rules]
    time_col = np.isin(ids, TIME_HEALING)
    dev_col = np.isin(ids, list(DEVELOPABLE))
    naik = f.rules["NAIK_SATU_JENJANG"]
    step = int(naik["langkah_maks"]) if naik.active else 99
    demosi = f.rules.is_active("DEMOSI")
    in_pool = np.zeros(len(f.nip), dtype=bool)
    in_pool[pool] = True
    timed, dev = Found([], [], []), Found([], [], [])
    for level in np.unique(f.j_level[posts]):
        lposts = posts[f.j_level[posts] == level]
        lv = f.p_level[wide]
        people = wide[(lv >= level - step) & ((lv <= level) if demosi else True)]
        for person, post in cross_pairs(f, people, lposts, CHUNK_PAIRS):
            ctx = PairContext.of(f, person, post)
            fails = np.zeros((len(ctx), len(rules)), dtype=bool)
            alive = np.ones(len(ctx), dtype=bool)
            for k, rule in enumerate(rules):
                fails[:, k] = ~run_rule(rule, ctx).passed
                if not (time_col[k] or dev_col[k]):
                    alive &= ~fails[:, k]
            some = fails.any(axis=1)
            only_time = alive & some & ~(fails & ~time_col).any(axis=1)
            with_dev = alive & (fails & dev_col).any(axis=1) & in_pool[ctx.person]
            for found, mask in ((timed, only_time), (dev, with_dev)):
                if mask.any():
                    found.person.append(ctx.person[mask])
                    found.post.append(ctx.post[mask])
                    found.fails.append(fails[mask])
    return timed, dev


def rule_dates(
    tl: Timeline, person: IntArray, post: IntArray, fails: np.ndarray, end: date
) -> tuple[dict[str, DateArray], DateArray]:
    """Day each failing time rule stops refusing (NaT: not within the horizon) and the latest
    of them per pair (plan date when none fails; NaT when one does not stop in time)."""
    rules = tl.refusing()
    n = len(person)
    latest = np.full(n, np.datetime64(tl.plan_date, "D"))
    dates: dict[str, DateArray] = {}
    for k, rule in enumerate(rules):
        sel = np.flatnonzero(fails[:, k])
        if rule.id not in TIME_HEALING or not len(sel):
            continue
        day = np.full(n, NAT)
        day[sel] = tl.first_day(rule, person[sel], post[sel], tl.plan_date, end)
        dates[rule.id] = day
        later = np.where(np.isnat(day), NAT, np.maximum(latest, day))
        latest = np.where(fails[:, k], later, latest)
    return dates, latest


def bup_ok(tl: Timeline, person: IntArray, post: IntArray, day: DateArray) -> np.ndarray:
    """The person reaches neither the own BUP nor the target post's BUP on or before ``day``."""
    f = tl.base
    own = tl.ds.pegawai["bup_date"].to_numpy(dtype="datetime64[D]")[person]
    target = np.full(len(person), NAT)
    ages = f.j_bup_age[post]
    for a in np.unique(ages):
        sel = ages == a
        target[sel] = f.bup_at_age(int(a))[person[sel]]
    ok: np.ndarray = (~np.isnat(own) & (own > day)) & (~np.isnat(target) & (target > day))
    return ok
