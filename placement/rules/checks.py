"""One small vectorised function per rule, registered by rule id.

Every function receives a :class:`PairContext` (arrays of person rows, post rows and move types,
plus the per-person / per-post :class:`Facts`) and the effective :class:`Rule`, and returns an
:class:`Outcome`: where the rule applies, where it passes, and (lazily, only for explanations)
the actual value and the threshold per pair as display values in both languages
(:class:`~placement.rules.shown.Shown`, words from the message catalogue). The engine
(:mod:`placement.rules.eligibility`) adds the ``berlaku_untuk`` move-type filter and decides what
a failure means (refuse, shortlist only, penalty) from the rule pack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from placement.domain import grades
from placement.domain.dates import shift_months
from placement.rules.facts import (
    KIND_CODE,
    KINDS,
    NAT,
    BoolArray,
    DateArray,
    Facts,
    FloatArray,
    IntArray,
    ObjArray,
    norm_text,
)
from placement.rules.registry import MOVE_CODE, Rule
from placement.rules.rumpun import field_check
from placement.rules.shown import NO_DATA, Shown, both, or_no_data, text

Detail = Callable[[], tuple[Shown, Shown]]
TETAP, PROMOSI, ROTASI, MUTASI, DEMOSI, ALIH_JENIS = (
    MOVE_CODE[m] for m in ("tetap", "promosi", "rotasi", "mutasi", "demosi", "alih_jenis")
)
JPT_KINDS: tuple[str, ...] = tuple(sorted(str(k) for k in grades.JPT_TYPES))


# --- pair context and outcomes ---------------------------------------------------------------------


def move_types(f: Facts, person: IntArray, post: IntArray) -> npt.NDArray[np.int8]:
    """Move type code per pair: tetap (own post), demosi (lower eselon rank or lower level),
    alih_jenis (a JF into a structural post of its own level: ahli muda → pengawas, ahli madya →
    administrator; perpindahan dari jabatan fungsional ke jabatan administrasi, not a promotion),
    promosi (higher eselon rank), rotasi (same rank, same OPD), mutasi (same rank, other OPD)."""
    # Over every candidate pair (millions at province scale): gathers from narrow copies of the
    # per-person and per-post codes, codes written in place in increasing precedence.
    pr, jr = _narrow(f.p_rank)[person], _narrow(f.j_rank)[post]
    pl, jl = _narrow(f.p_level)[person], _narrow(f.j_level)[post]
    same_opd = _narrow(f.j_opd)[post] == _narrow(f.p_opd)[person]
    out = np.where(same_opd, np.int8(ROTASI), np.int8(MUTASI))
    up = jr > pr
    out[up] = PROMOSI
    up &= jl == pl
    up &= (f.p_kind_code == KIND_CODE["FUNGSIONAL"])[person]
    out[up] = ALIH_JENIS
    demote = jr < pr
    demote |= jl < pl
    out[demote] = DEMOSI
    out[f.p_held[person] == post] = TETAP
    return out


def _narrow(codes: IntArray) -> npt.NDArray[np.signedinteger[Any]]:
    """``codes`` in the narrowest signed integer type that holds them (faster to gather)."""
    lo, hi = int(codes.min(initial=0)), int(codes.max(initial=0))
    for kind in (np.int8, np.int16, np.int32):
        if np.iinfo(kind).min <= lo and hi <= np.iinfo(kind).max:
            return codes.astype(kind)
    return codes


@dataclass(frozen=True, slots=True)
class PairContext:
    """Candidate pairs being checked: person rows, post rows, move type codes."""

    f: Facts
    person: IntArray
    post: IntArray
    move: npt.NDArray[np.int8]

    @classmethod
    def of(cls, f: Facts, person: IntArray, post: IntArray) -> PairContext:
        person = np.asarray(person, dtype=np.int64)
        post = np.asarray(post, dtype=np.int64)
        return cls(f, person, post, move_types(f, person, post))

    def take(self, idx: IntArray | BoolArray) -> PairContext:
        if idx.dtype == np.bool_:  # one pass over the mask, not one per array (several × faster)
            idx = np.flatnonzero(idx)
        return PairContext(self.f, self.person[idx], self.post[idx], self.move[idx])

    def __len__(self) -> int:
        return len(self.person)

    def ones(self) -> BoolArray:
        return np.ones(len(self.person), dtype=bool)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Result of one rule on the pairs of a context."""

    applies: BoolArray
    passed: BoolArray
    detail: Detail  # () → (actual, threshold) display values, computed only for explanations


CheckFn = Callable[[PairContext, Rule], Outcome]
CHECKS: dict[str, CheckFn] = {}


def check(rule_id: str) -> Callable[[CheckFn], CheckFn]:
    """Register the check function of a rule id (one function per rule)."""

    def deco(fn: CheckFn) -> CheckFn:
        if rule_id in CHECKS:
            raise ValueError(f"duplicate check for {rule_id}")
        CHECKS[rule_id] = fn
        return fn

    return deco


# --- display helpers (explanations only) -----------------------------------------------------------


def show_years(start: DateArray, plan: np.datetime64) -> Shown:
    yrs = (plan - start).astype("timedelta64[D]").astype(float) / 365.25
    return Shown.each(
        NO_DATA if np.isnat(s) else text("SEJAK", start=s, years=y)
        for s, y in zip(start, yrs, strict=True)
    )


def show_text(values: Iterable[object]) -> Shown:
    return Shown.each(or_no_data(str(v), bool(norm_text(v))) for v in values)


def years_before(plan_date: date, years: float) -> np.datetime64:
    """Calendar date ``years`` before the plan date (fractions as whole months)."""
    return np.datetime64(shift_months(plan_date, -round(float(years) * 12)), "D")


def months_after(plan_date: date, months: int) -> np.datetime64:
    return np.datetime64(shift_months(plan_date, int(months)), "D")


def cutoff_by_kind(
    f: Facts, kind_codes: IntArray, years: dict[str, Any]
) -> tuple[DateArray, FloatArray]:
    """Per element: the date ``years[kind]`` before the plan date (NaT / NaN where the kind has
    no value). Looked up by kind code, so the cost is one gather per pair."""
    dates = np.array(
        [*(years_before(f.plan_date, years[k]) if k in years else NAT for k in KINDS), NAT],
        dtype="datetime64[D]",
    )
    need = np.array([*(float(years.get(k, np.nan)) for k in KINDS), np.nan], dtype=float)
    return dates[kind_codes], need[kind_codes]  # code -1 → the trailing NaT / NaN


def kind_mask(codes: IntArray, kinds: Iterable[str]) -> BoolArray:
    """Elements whose kind code is one of ``kinds``."""
    table = np.zeros(len(KINDS) + 1, dtype=bool)
    for k in kinds:
        if k in KIND_CODE:
            table[KIND_CODE[k]] = True
    return table[codes]


# --- effective post thresholds shared with blocking and scoring ------------------------------------


def post_min_grade(f: Facts, rule: Rule) -> tuple[IntArray, ObjArray]:
    """Lowest golongan per post: the post's gol_min when valid, else the eselon default; with
    ``satu_tingkat_di_bawah`` (PP 100/2000 ps 5 huruf b) one pangkat below either."""
    defaults: dict[str, str] = rule["golongan_min"]
    table = np.array(
        [
            o if o in grades.PNS_GRADES or o in grades.PPPK_GRADES else defaults.get(e, "")
            for o, e in zip(f.j_min_golongan, f.j_eselon, strict=True)
        ],
        dtype=object,
    )
    text = (
        np.array([grades.grade_below(t) if t else "" for t in table], dtype=object)
        if rule["satu_tingkat_di_bawah"]
        else table
    )
    rank = np.array([grades.grade_rank(t) if t else -1 for t in text], dtype=np.int64)
    return rank, text


def post_min_education(f: Facts, rule: Rule) -> tuple[IntArray, ObjArray]:
    """Minimum education per post: the post's pendidikan_min when valid, else the kind default."""
    defaults: dict[str, str] = rule["pendidikan_min"]
    text = np.array(
        [
            o if o in grades.EDUCATION_RANK else defaults.get(k, "")
            for o, k in zip(f.j_min_education, f.j_kind, strict=True)
        ],
        dtype=object,
    )
    rank = np.array([grades.EDUCATION_RANK.get(t, -1) for t in text], dtype=np.int64)
    return rank, text


def overdue_holder(f: Facts, person: IntArray) -> BoolArray:
    """Holders in their current post longer than MASA_JABATAN_MAKS allows for its kind."""
    held = f.p_held[person]
    kind = np.where(held >= 0, f.j_kind_code[np.maximum(held, 0)], -1)
    cutoff, _ = cutoff_by_kind(f, kind, f.rules["MASA_JABATAN_MAKS"]["maks_tahun"])
    start = f.p_tmt_jabatan[person]
    return (held >= 0) & ~np.isnat(start) & ~np.isnat(cutoff) & (start < cutoff)


# --- the rules -------------------------------------------------------------------------------------


@check("NAIK_SATU_JENJANG")
def naik_satu_jenjang(ctx: PairContext, rule: Rule) -> Outcome:
    pl, jl = ctx.f.p_level[ctx.person], ctx.f.j_level[ctx.post]
    step = int(rule["langkah_maks"])
    return Outcome(
        ctx.ones(),
        jl <= pl + step,
        lambda: (
            Shown.same(f"{a} → {b}" for a, b in zip(pl, jl, strict=True)),
            Shown.same(pl + step),
        ),
    )


@check("DEMOSI")
def demosi(ctx: PairContext, rule: Rule) -> Outcome:
    f = ctx.f

    def where(eselon: ObjArray, level: IntArray) -> Shown:
        return Shown.each(
            text("ESELON_JENJANG", eselon=e, level=lv) if e else text("NON_STRUKTURAL", level=lv)
            for e, lv in zip(eselon, level, strict=True)
        )

    return Outcome(
        ctx.ones(),
        ctx.move != DEMOSI,
        lambda: (
            where(f.p_eselon[ctx.person], f.p_level[ctx.person]),
            where(f.j_eselon[ctx.post], f.j_level[ctx.post]),
        ),
    )


@check("GOL_MIN_ESELON")
def gol_min_eselon(ctx: PairContext, rule: Rule) -> Outcome:
    rank, grade = post_min_grade(ctx.f, rule)
    return Outcome(
        ctx.ones(),
        ctx.f.p_grade[ctx.person] >= rank[ctx.post],
        lambda: (show_text(ctx.f.p_golongan[ctx.person]), Shown.same(grade[ctx.post])),
    )


def _pns_only(ctx: PairContext, barred: BoolArray) -> Outcome:
    """Structural posts take PNS only: refused where ``barred`` (per person) holds."""
    return Outcome(
        ctx.ones(),
        ~barred[ctx.person],
        lambda: (show_text(ctx.f.p_status[ctx.person]), Shown.same("PNS" for _ in ctx.person)),
    )


@check("PPPK_STRUKTURAL")
def pppk_struktural(ctx: PairContext, rule: Rule) -> Outcome:
    return _pns_only(ctx, ctx.f.p_pppk)


@check("CPNS_STRUKTURAL")
def cpns_struktural(ctx: PairContext, rule: Rule) -> Outcome:
    return _pns_only(ctx, ctx.f.p_cpns)


@check("KOMPETENSI_ADA")
def kompetensi_ada(ctx: PairContext, rule: Rule) -> Outcome:
    n = ctx.f.p_n_comp[ctx.person]
    return Outcome(ctx.ones(), n > 0, lambda: (Shown.same(n), Shown.same("≥ 1" for _ in n)))


@check("KOTAK_TALENTA_MIN")
def kotak_talenta_min(ctx: PairContext, rule: Rule) -> Outcome:
    """Box ≥ ``kotak_min[move]``; a holder past the maximum tenure (MASA_JABATAN_MAKS) moving
    within the level (rotasi, mutasi) needs ``kotak_min_lewat_masa[move]`` instead (penyegaran)."""
    table = np.zeros(len(MOVE_CODE), dtype=float)
    for move, value in rule["kotak_min"].items():
        table[MOVE_CODE[move]] = value
    need = table[ctx.move]
    overdue_table = table.copy()
    for move, value in rule["kotak_min_lewat_masa"].items():
        overdue_table[MOVE_CODE[move]] = value
    if (overdue_table != table).any() and ctx.f.rules.is_active("MASA_JABATAN_MAKS"):
        need = np.where(overdue_holder(ctx.f, ctx.person), overdue_table[ctx.move], need)
    p_box = ctx.f.p_box  # per person first, then gathered: these run over every candidate pair
    passed = (~np.isnan(p_box))[ctx.person] & (np.nan_to_num(p_box, nan=-1.0)[ctx.person] >= need)
    return Outcome(
        ctx.ones(),
        passed,
        lambda: (
            Shown.each(NO_DATA if np.isnan(b) else both(int(b)) for b in p_box[ctx.person]),
            Shown.same(int(x) for x in need),
        ),
    )


@check("MASA_JABATAN_MIN")
def masa_jabatan_min(ctx: PairContext, rule: Rule) -> Outcome:
    f, p = ctx.f, ctx.person
    holder = f.p_held[p] >= 0
    start = np.where(holder | ~np.isnat(f.p_tmt_jabatan[p]), f.p_tmt_jabatan[p], f.p_tmt_jenjang[p])
    if rule["promosi_kumulatif"]:  # PP 13/2002 ps 7A: structural service counts cumulatively
        level_start = f.p_tmt_jenjang[p]
        earlier = holder & (ctx.move == PROMOSI) & ~np.isnat(level_start) & ~(level_start >= start)
        start = np.where(earlier, level_start, start)
    cutoff, need = cutoff_by_kind(f, f.p_kind_code[p], rule["min_tahun"])
    applies = (holder | bool(rule["nonstruktural"])) & ~np.isnan(need)
    passed = ~np.isnat(start) & (start <= cutoff)
    return Outcome(
        applies,
        passed,
        lambda: (
            show_years(start, f.plan),
            Shown.each(
                text("MASA_MIN", years=n, cutoff=c) for n, c in zip(need, cutoff, strict=True)
            ),
        ),
    )


@check("PENGALAMAN_JENJANG")
def pengalaman_jenjang(ctx: PairContext, rule: Rule) -> Outcome:
    f, p, j = ctx.f, ctx.person, ctx.post
    start = f.p_tmt_jenjang[p]
    start = np.where(np.isnat(start), f.p_tmt_jabatan[p], start)
    start = np.where(np.isnat(start) & (f.p_level[p] == 0), f.p_tmt_cpns[p], start)
    cutoff, need = cutoff_by_kind(f, f.j_kind_code[j], rule["min_tahun"])
    applies = (f.j_level[j] > f.p_level[p]) & ~np.isnan(need)
    passed = ~np.isnat(start) & (start <= cutoff)
    return Outcome(
        applies,
        passed,
        lambda: (
            show_years(start, f.plan),
            Shown.each(
                text("PENGALAMAN_MIN", years=n, level=lv, cutoff=c)
                for n, c, lv in zip(need, cutoff, f.p_level[p], strict=True)
            ),
        ),
    )


@check("PENDIDIKAN_MIN")
def pendidikan_min(ctx: PairContext, rule: Rule) -> Outcome:
    rank, education = post_min_education(ctx.f, rule)
    need = rank[ctx.post]
    return Outcome(
        need >= 0,
        ctx.f.p_edu[ctx.person] >= need,
        lambda: (show_text(ctx.f.p_education[ctx.person]), Shown.same(education[ctx.post])),
    )


@check("BUP_DEKAT")
def bup_dekat(ctx: PairContext, rule: Rule) -> Outcome:
    """BUP of the target post's kind on or after the plan date + the window (``jendela_bulan``;
    ``jendela_bulan_promosi`` for a promotion, so a promoted official serves at least that long)."""
    f, p = ctx.f, ctx.person
    age = f.j_bup_age[ctx.post]
    bup = np.full(len(p), NAT)
    for a in np.unique(age):
        sel = age == a
        bup[sel] = f.bup_at_age(int(a))[p[sel]]
    cutoff = np.where(
        ctx.move == PROMOSI,
        months_after(f.plan_date, int(rule["jendela_bulan_promosi"])),
        months_after(f.plan_date, int(rule["jendela_bulan"])),
    )
    return Outcome(
        ctx.ones(),
        ~np.isnat(bup) & (bup >= cutoff),
        lambda: (
            Shown.each(text("BUP", day=b, age=a) for b, a in zip(bup, age, strict=True)),
            Shown.same(str(c) for c in cutoff),
        ),
    )


@check("SKP_PROMOSI")
def skp_promosi(ctx: PairContext, rule: Rule) -> Outcome:
    f, p = ctx.f, ctx.person
    years = max(1, min(2, int(rule["jumlah_tahun"])))
    need = grades.PREDIKAT_KINERJA[norm_text(rule["predikat_min"])]
    passed: BoolArray = np.all(f.p_skp[p, :years] >= need, axis=1)
    return Outcome(
        ctx.ones(),
        passed,
        lambda: (
            Shown.each(_ratings(row) for row in f.p_skp_text[p, :years]),
            Shown.each(text("SKP_MIN", rating=rule["predikat_min"], years=years) for _ in p),
        ),
    )


def _ratings(row: Iterable[str]) -> tuple[str, str]:
    """The ratings of the years checked, 'baik / tidak ada data'."""
    shown = [or_no_data(x, bool(x)) for x in row]
    return " / ".join(str(a) for a, _ in shown), " / ".join(str(b) for _, b in shown)


def _sanction(level: str, until: np.datetime64) -> tuple[str, str]:
    if not level:
        return text("TANPA_HUKDIS")
    if np.isnat(until):
        return text("HUKDIS_TANPA_AKHIR", level=level)
    return text("HUKDIS_SAMPAI", level=level, until=until)


@check("HUKDIS_PROMOSI")
def hukdis_promosi(ctx: PairContext, rule: Rule) -> Outcome:
    f, p = ctx.f, ctx.person
    levels = {norm_text(t) for t in rule["tingkat"]}
    table = np.zeros(max(grades.HUKUMAN_DISIPLIN.values()) + 1, dtype=bool)
    for name in levels:
        table[grades.HUKUMAN_DISIPLIN[name]] = True
    level = f.p_disc[p]
    until = f.p_disc_until[p]
    blocking = table[f.p_disc_code[p]] & (np.isnat(until) | (until >= f.plan))
    return Outcome(
        ctx.ones(),
        ~blocking,
        lambda: (
            Shown.each(_sanction(lv, u) for lv, u in zip(level, until, strict=True)),
            Shown.each(
                text("HUKDIS_SYARAT", levels="/".join(sorted(levels)), day=f.plan) for _ in p
            ),
        ),
    )


@check("USIA_JPT")
def usia_jpt(ctx: PairContext, rule: Rule) -> Outcome:
    """Completed years at the plan date ≤ the limit of the post's kind (ps 107 ayat (1): "usia
    paling tinggi 56 tahun"; 58 for JPT Madya), or strictly below it (``sampai_tahun_penuh``
    false: "belum mencapai 56 tahun 0 bulan", as some instansi read it)."""
    f = ctx.f
    age = f.p_age[ctx.person]
    kind = f.j_kind_code[ctx.post]
    limit = np.where(
        kind == KIND_CODE["JPT_MADYA"], int(rule["usia_maks_madya"]), int(rule["usia_maks"])
    )
    passed = age <= limit if rule["sampai_tahun_penuh"] else age < limit
    shown = "≤" if rule["sampai_tahun_penuh"] else "<"
    return Outcome(
        kind_mask(kind, rule["jenis_jabatan"]),
        passed,
        lambda: (Shown.same(age), Shown.same(f"{shown} {v}" for v in limit)),
    )


def _jpt_to_jpt(ctx: PairContext) -> BoolArray:
    f = ctx.f
    return kind_mask(f.p_kind_code[ctx.person], JPT_KINDS) & kind_mask(
        f.j_kind_code[ctx.post], JPT_KINDS
    )


@check("JOB_FIT_JPT")
def job_fit_jpt(ctx: PairContext, rule: Rule) -> Outcome:
    """A refusing job-fit result refuses; with ``tanpa_hasil_tolak`` no result refuses too."""
    f = ctx.f
    fit = f.p_job_fit[ctx.person]
    refuse = [norm_text(x) for x in rule["tolak_hasil"]]
    table = np.zeros(len(grades.JOB_FIT) + 1, dtype=bool)  # index -1 (no result)
    for name in refuse:
        table[grades.JOB_FIT[name]] = True
    table[-1] = bool(rule["tanpa_hasil_tolak"])
    no_result = [text("TANPA_HASIL")] if rule["tanpa_hasil_tolak"] else []
    wanted = [" / ".join([*refuse, *(r[k] for r in no_result)]) for k in (0, 1)]
    shown = text("BUKAN", wanted=wanted[0])[0], text("BUKAN", wanted=wanted[1])[1]
    return Outcome(
        _jpt_to_jpt(ctx),
        ~table[f.p_job_fit_code[ctx.person]],
        lambda: (show_text(fit), Shown.each(shown for _ in fit)),
    )


@check("UJI_KOMPETENSI_JPT")
def uji_kompetensi_jpt(ctx: PairContext, rule: Rule) -> Outcome:
    """A JPT → JPT move with no job-fit / uji kompetensi result is shortlist-only (ps 132)."""
    fit = ctx.f.p_job_fit[ctx.person]
    return Outcome(
        _jpt_to_jpt(ctx),
        ctx.f.p_job_fit_code[ctx.person] >= 0,
        lambda: (
            Shown.each(both(x) if x else text("TANPA_HASIL") for x in fit),
            Shown.each(text("UJI_KOMPETENSI") for _ in fit),
        ),
    )


@check("RUMPUN_SESUAI")
def rumpun_sesuai(ctx: PairContext, rule: Rule) -> Outcome:
    """Every post with a known field (not umum) needs a matching person field."""
    return Outcome(*field_check(ctx.f, ctx.person, ctx.post, ~ctx.f.j_rumpun_general[ctx.post]))


@check("RUMPUN_TEKNIS")
def rumpun_teknis(ctx: PairContext, rule: Rule) -> Outcome:
    """A technical post needs a person whose field fits the post's field."""
    return Outcome(*field_check(ctx.f, ctx.person, ctx.post, ctx.f.j_technical[ctx.post]))


@check("JPT_SELEKSI_TERBUKA")
def jpt_seleksi_terbuka(ctx: PairContext, rule: Rule) -> Outcome:
    kind = ctx.f.j_kind[ctx.post]
    return Outcome(
        kind_mask(ctx.f.j_kind_code[ctx.post], rule["jenis_jabatan"]),
        np.zeros(len(ctx), dtype=bool),
        lambda: (
            Shown.each(text("PROMOSI_KE", kind=k) for k in kind),
            Shown.each(text("SELEKSI_TERBUKA") for _ in kind),
        ),
    )


@check("MASA_JABATAN_MAKS")
def masa_jabatan_maks(ctx: PairContext, rule: Rule) -> Outcome:
    f = ctx.f
    start = f.p_tmt_jabatan[ctx.person]
    cutoff, need = cutoff_by_kind(f, f.j_kind_code[ctx.post], rule["maks_tahun"])
    applies = ~np.isnan(need)
    overdue = ~np.isnat(start) & (start < cutoff)
    return Outcome(
        applies,
        ~overdue,
        lambda: (
            show_years(start, f.plan),
            Shown.each(
                text("LEWAT_MASA", cutoff=c, years=n) for n, c in zip(need, cutoff, strict=True)
            ),
        ),
    )


__all__ = [
    "CHECKS",
    "Outcome",
    "PairContext",
    "check",
    "move_types",
    "post_min_education",
    "post_min_grade",
    "shift_months",
]
