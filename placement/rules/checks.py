"""One small vectorised function per rule, registered by rule id.

Every function receives a :class:`PairContext` (arrays of person rows, post rows and move types,
plus the per-person / per-post :class:`Facts`) and the effective :class:`Rule`, and returns an
:class:`Outcome`: where the rule applies, where it passes, and (lazily, only for explanations)
the actual value and the threshold per pair as display strings. The engine
(:mod:`placement.rules.eligibility`) adds the ``berlaku_untuk`` move-type filter and decides what
a failure means (refuse, shortlist only, penalty) from the rule pack.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain import grades
from placement.domain.memo import memo
from placement.domain.model import Dataset
from placement.rules.registry import MOVE_CODE, Rule, RuleSet, rule_set

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]
ObjArray = npt.NDArray[np.object_]
Detail = Callable[[], tuple[ObjArray, ObjArray]]

MISSING = "tidak ada data"
NAT = np.datetime64("NaT", "D")
RUMPUN_TABLE = Path(__file__).resolve().parent.parent / "data" / "jurusan_rumpun.csv"
TETAP, PROMOSI, ROTASI, MUTASI, DEMOSI, ALIH_JENIS = (
    MOVE_CODE[m] for m in ("tetap", "promosi", "rotasi", "mutasi", "demosi", "alih_jenis")
)
KINDS: tuple[str, ...] = tuple(str(k) for k in grades.JenisJabatan)
KIND_CODE: dict[str, int] = {k: i for i, k in enumerate(KINDS)}
JPT_KINDS: tuple[str, ...] = tuple(sorted(str(k) for k in grades.JPT_TYPES))


def norm_text(text: object) -> str:
    """Lower-case, single-spaced text ('' for missing)."""
    if text is None or (isinstance(text, float) and np.isnan(text)) or text is pd.NA:
        return ""
    return " ".join(str(text).lower().replace("_", " ").split())


def norm_many(values: Iterable[object] | pd.Series) -> ObjArray:
    """:func:`norm_text` of many values, computed once per distinct text."""
    items = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else list(values)
    memo: dict[str, str] = {}
    out = np.empty(len(items), dtype=object)
    for i, v in enumerate(items):
        if isinstance(v, str):
            hit = memo.get(v)
            if hit is None:
                hit = memo[v] = norm_text(v)
            out[i] = hit
        else:
            out[i] = norm_text(v)
    return out


def _codes(values: Iterable[object], table: dict[str, int], missing: int = -1) -> IntArray:
    return np.array([table.get(v, missing) for v in norm_many(values)], dtype=np.int64)


def _days(frame: pd.DataFrame, col: str) -> DateArray:
    if col not in frame.columns:
        return np.full(len(frame), NAT)
    return pd.to_datetime(frame[col]).to_numpy(dtype="datetime64[D]")


# --- jurusan → rumpun ----------------------------------------------------------------------------


@cache
def load_rumpun_table(path: str = "") -> tuple[tuple[str, str], ...]:
    """(jurusan, rumpun) pairs, normalised, longest jurusan first (bundled table when empty)."""
    file = Path(path) if path else RUMPUN_TABLE
    with file.open(encoding="utf-8") as fh:
        rows = [(norm_text(r["jurusan"]), norm_text(r["rumpun"])) for r in csv.DictReader(fh)]
    return tuple(sorted((r for r in rows if r[0] and r[1]), key=lambda r: -len(r[0])))


def rumpun_of_major(majors: Iterable[object], table: tuple[tuple[str, str], ...]) -> ObjArray:
    """Rumpun per jurusan: exact match, else the longest table entry found as whole words
    ("S1 Teknik Sipil" → teknik); '' when unknown."""
    exact = dict(table)
    patterns = [(re.compile(rf"\b{re.escape(j)}\b"), r) for j, r in table]
    memo: dict[str, str] = {}

    def one(text: str) -> str:
        if text not in memo:
            memo[text] = exact.get(text) or next((r for p, r in patterns if p.search(text)), "")
        return memo[text]

    return np.array([one(m) if m else "" for m in norm_many(majors)], dtype=object)


# --- facts: per-person and per-post arrays ---------------------------------------------------------


@dataclass(eq=False)
class Facts:
    """Numpy arrays of everything the rules read, per person row and per post row."""

    ds: Dataset
    rules: RuleSet
    plan_date: date
    plan: np.datetime64
    # people
    nip: ObjArray
    p_level: IntArray
    p_rank: IntArray
    p_grade: IntArray
    p_golongan: ObjArray
    p_status: ObjArray
    p_pppk: BoolArray
    p_edu: IntArray
    p_education: ObjArray
    p_box: FloatArray
    p_skp: IntArray  # n × 2, -1 missing
    p_skp_text: ObjArray
    p_disc: ObjArray  # normalised label, '' none
    p_disc_code: IntArray  # grades.HUKUMAN_DISIPLIN, 0 none
    p_disc_until: DateArray
    p_job_fit: ObjArray
    p_job_fit_code: IntArray  # grades.JOB_FIT, -1 none
    p_tmt_jabatan: DateArray
    p_tmt_jenjang: DateArray
    p_tmt_cpns: DateArray
    p_birth: DateArray
    p_age: IntArray
    p_n_comp: IntArray
    p_held: IntArray  # row of the post held, -1 none
    p_opd: IntArray
    p_kind: ObjArray  # kind of the current jabatan (held post's jenis for holders)
    p_kind_code: IntArray  # KIND_CODE, -1 unknown
    p_eselon: ObjArray  # eselon of the held post, '' none
    p_rumpun: ObjArray  # from the jurusan table, '' unknown
    p_rumpun_code: IntArray  # -1 unknown
    # posts
    jabatan_id: ObjArray
    j_level: IntArray
    j_rank: IntArray
    j_kind: ObjArray
    j_kind_code: IntArray
    j_bup_age: IntArray  # BUP of the post's kind
    j_eselon: ObjArray
    j_opd: IntArray
    j_min_golongan: ObjArray  # override, '' none
    j_min_education: ObjArray  # override, '' none
    j_rumpun: ObjArray  # '' unknown
    j_rumpun_code: IntArray  # -1 unknown
    j_rumpun_general: BoolArray  # rumpun in RUMPUN_SESUAI.rumpun_umum: any field fits
    j_priority: IntArray
    _bup: dict[int, DateArray] = field(default_factory=dict)

    def bup_at_age(self, age: int) -> DateArray:
        """Retirement date per person for a BUP age: first day of the month after the birthday."""
        if age not in self._bup:
            months = self.p_birth.astype("datetime64[M]") + np.timedelta64(12 * age + 1, "M")
            self._bup[age] = months.astype("datetime64[D]")
        return self._bup[age]


def build_facts(ds: Dataset, sc: Skenario, rules: RuleSet | None = None) -> Facts:
    """Arrays for the rules at the scenario's plan date (``sc.tanggal_rencana``), memoised per
    dataset and scenario (explanations ask for them once per move)."""
    rules = rules or rule_set(sc)
    return memo(ds, "facts", sc.model_dump_json(), lambda: _build_facts(ds, sc, rules))


def _build_facts(ds: Dataset, sc: Skenario, rules: RuleSet) -> Facts:
    peg, jab = ds.pegawai, ds.jabatan
    plan_date = sc.tanggal_rencana
    plan = np.datetime64(plan_date, "D")
    opd_codes: dict[str, int] = {}

    def opd_code(values: Iterable[object]) -> IntArray:
        return np.array([opd_codes.setdefault(v, len(opd_codes)) for v in norm_many(values)],
                        dtype=np.int64)  # fmt: skip

    j_opd = opd_code(jab["opd"])
    post_index = ds.post_index
    held = np.array(
        [
            post_index.get(str(j), -1) if j is not None and j == j else -1
            for j in peg["jabatan_id"].to_numpy(dtype=object)
        ],
        dtype=np.int64,
    )
    is_holder = held >= 0
    held_safe = np.where(is_holder, held, 0)
    j_kind = jab["jenis_jabatan"].astype(str).to_numpy(dtype=object)
    j_eselon = jab["eselon"].astype(str).to_numpy(dtype=object)
    p_opd = np.where(is_holder, j_opd[held_safe] if len(jab) else 0, opd_code(peg["unit"]))
    p_kind = np.where(is_holder, j_kind[held_safe] if len(jab) else "",
                      peg["jenis_jabatan"].astype(str).to_numpy(dtype=object))  # fmt: skip
    p_eselon = np.where(is_holder, j_eselon[held_safe] if len(jab) else "", "")
    golongan = peg["golongan"].to_numpy(dtype=object)
    grade_table = {
        norm_text(g): grades.grade_rank(g) for g in (*grades.PNS_GRADES, *grades.PPPK_GRADES)
    }
    education = np.array([e.upper() for e in norm_many(peg["education"])], dtype=object)
    skp_text = np.stack([norm_many(peg[c]) for c in ("skp_1", "skp_2")], axis=1)
    birth = _days(peg, "birth_date")
    bdt = pd.to_datetime(peg["birth_date"])
    months, days_ = bdt.dt.month.to_numpy(), bdt.dt.day.to_numpy()
    not_yet = (months > plan_date.month) | ((months == plan_date.month) & (days_ > plan_date.day))
    age = plan_date.year - bdt.dt.year.to_numpy() - not_yet.astype(np.int64)
    komp = ds.kompetensi
    valid = komp[pd.to_numeric(komp["level"], errors="coerce").notna()] if len(komp) else komp
    n_comp: IntArray = np.zeros(len(peg), dtype=np.int64)
    if len(valid):
        counted = peg["nip"].astype(str).map(valid.groupby("nip")["competency"].nunique())
        n_comp = np.asarray(counted.fillna(0).to_numpy(), dtype=np.int64)
    rumpun_rule = rules["RUMPUN_SESUAI"]
    p_rumpun = rumpun_of_major(peg["major"], load_rumpun_table(str(rumpun_rule["tabel"])))
    j_rumpun = norm_many(jab["rumpun"])
    rumpun_codes = {r: i for i, r in enumerate(sorted({*p_rumpun, *j_rumpun} - {""}))}
    general = {norm_text(r) for r in rumpun_rule["rumpun_umum"]}
    disc = norm_many(peg["discipline"])
    job_fit = norm_many(peg["job_fit"])
    status = np.array([v.upper() for v in norm_many(peg["status"])], dtype=object)
    box = pd.to_numeric(peg["talent_box"], errors="coerce").to_numpy(dtype=float)
    return Facts(
        ds=ds,
        rules=rules,
        plan_date=plan_date,
        plan=plan,
        nip=peg["nip"].astype(str).to_numpy(dtype=object),
        p_level=peg["level"].to_numpy(dtype=np.int64),
        p_rank=np.where(
            is_holder, jab["rank"].to_numpy(dtype=np.int64)[held_safe] if len(jab) else 0, 0
        ),
        p_grade=_codes(golongan, grade_table),
        p_golongan=golongan,
        p_status=status,
        p_pppk=status == "PPPK",
        p_edu=_codes(education, {k.lower(): v for k, v in grades.EDUCATION_RANK.items()}),
        p_education=education,
        p_box=box,
        p_skp=np.stack([_codes(skp_text[:, i], grades.PREDIKAT_KINERJA) for i in (0, 1)], axis=1),
        p_skp_text=skp_text,
        p_disc=disc,
        p_disc_code=_codes(disc, grades.HUKUMAN_DISIPLIN, 0),
        p_disc_until=_days(peg, "discipline_until"),
        p_job_fit=job_fit,
        p_job_fit_code=_codes(job_fit, grades.JOB_FIT),
        p_tmt_jabatan=_days(peg, "tmt_jabatan"),
        p_tmt_jenjang=_days(peg, "tmt_jenjang"),
        p_tmt_cpns=_days(peg, "tmt_cpns"),
        p_birth=birth,
        p_age=age.astype(np.int64),
        p_n_comp=n_comp,
        p_held=held,
        p_opd=p_opd.astype(np.int64),
        p_kind=p_kind.astype(object),
        p_kind_code=np.array([KIND_CODE.get(str(k), -1) for k in p_kind], dtype=np.int64),
        p_eselon=p_eselon.astype(object),
        p_rumpun=p_rumpun,
        p_rumpun_code=np.array([rumpun_codes.get(r, -1) for r in p_rumpun], dtype=np.int64),
        jabatan_id=jab["jabatan_id"].astype(str).to_numpy(dtype=object),
        j_level=jab["level"].to_numpy(dtype=np.int64),
        j_rank=jab["rank"].to_numpy(dtype=np.int64),
        j_kind=j_kind,
        j_kind_code=np.array([KIND_CODE.get(str(k), -1) for k in j_kind], dtype=np.int64),
        j_bup_age=np.array(
            [grades.bup_age(grades.JenisJabatan(k)) for k in j_kind], dtype=np.int64
        ),
        j_eselon=j_eselon,
        j_opd=j_opd,
        j_min_golongan=np.array(
            [str(v).strip() if norm_text(v) else "" for v in jab["min_golongan"]], dtype=object
        ),
        j_min_education=np.array(
            [str(v).strip().upper() if norm_text(v) else "" for v in jab["min_education"]],
            dtype=object,
        ),
        j_rumpun=j_rumpun,
        j_rumpun_code=np.array([rumpun_codes.get(r, -1) for r in j_rumpun], dtype=np.int64),
        j_rumpun_general=np.isin(j_rumpun, list(general)) if general else np.zeros(len(jab), bool),
        j_priority=jab["priority"].to_numpy(dtype=np.int64),
    )


# --- pair context and outcomes ---------------------------------------------------------------------


def move_types(f: Facts, person: IntArray, post: IntArray) -> npt.NDArray[np.int8]:
    """Move type code per pair: tetap (own post), demosi (lower eselon rank or lower level),
    alih_jenis (a JF into a structural post of its own level: ahli muda → pengawas, ahli madya →
    administrator; perpindahan dari jabatan fungsional ke jabatan administrasi, not a promotion),
    promosi (higher eselon rank), rotasi (same rank, same OPD), mutasi (same rank, other OPD)."""
    pr, jr = f.p_rank[person], f.j_rank[post]
    demote = (jr < pr) | (f.j_level[post] < f.p_level[person])
    up = np.where(
        (f.p_kind_code[person] == KIND_CODE["FUNGSIONAL"]) & (f.j_level[post] == f.p_level[person]),
        ALIH_JENIS,
        PROMOSI,
    )
    out = np.where(
        demote,
        DEMOSI,
        np.where(jr > pr, up, np.where(f.j_opd[post] == f.p_opd[person], ROTASI, MUTASI)),
    ).astype(np.int8)
    out[f.p_held[person] == post] = TETAP
    return out


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
    detail: Detail  # () → (actual, threshold) display strings, computed only for explanations


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


def _obj(values: Iterable[Any]) -> ObjArray:
    return np.array(list(values), dtype=object)


def show_dates(d: DateArray) -> ObjArray:
    return _obj(MISSING if np.isnat(x) else str(x) for x in d)


def show_years(start: DateArray, plan: np.datetime64) -> ObjArray:
    yrs = (plan - start).astype("timedelta64[D]").astype(float) / 365.25
    return _obj(
        MISSING if np.isnat(s) else f"{s} ({y:.1f} th)" for s, y in zip(start, yrs, strict=True)
    )


def show_text(values: Iterable[object]) -> ObjArray:
    return _obj(str(v) if norm_text(v) else MISSING for v in values)


def shift_months(day: date, months: int) -> date:
    """Calendar shift by whole months; the day is clipped to the month's end (29 Feb → 28 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


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
    dates = np.array([*(years_before(f.plan_date, years[k]) if k in years else NAT for k in KINDS), NAT],
                     dtype="datetime64[D]")  # fmt: skip
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


# --- the rules -------------------------------------------------------------------------------------


@check("NAIK_SATU_JENJANG")
def naik_satu_jenjang(ctx: PairContext, rule: Rule) -> Outcome:
    pl, jl = ctx.f.p_level[ctx.person], ctx.f.j_level[ctx.post]
    step = int(rule["langkah_maks"])
    return Outcome(
        ctx.ones(),
        jl <= pl + step,
        lambda: (_obj(f"{a} → {b}" for a, b in zip(pl, jl, strict=True)), _obj(pl + step)),
    )


@check("DEMOSI")
def demosi(ctx: PairContext, rule: Rule) -> Outcome:
    f = ctx.f

    def where(eselon: ObjArray, level: IntArray) -> ObjArray:
        return _obj(
            f"{e or 'non-struktural'} (jenjang {lv})" for e, lv in zip(eselon, level, strict=True)
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
    rank, text = post_min_grade(ctx.f, rule)
    return Outcome(
        ctx.ones(),
        ctx.f.p_grade[ctx.person] >= rank[ctx.post],
        lambda: (show_text(ctx.f.p_golongan[ctx.person]), text[ctx.post]),
    )


@check("PPPK_STRUKTURAL")
def pppk_struktural(ctx: PairContext, rule: Rule) -> Outcome:
    return Outcome(
        ctx.ones(),
        ~ctx.f.p_pppk[ctx.person],
        lambda: (show_text(ctx.f.p_status[ctx.person]), _obj("PNS" for _ in ctx.person)),
    )


@check("KOMPETENSI_ADA")
def kompetensi_ada(ctx: PairContext, rule: Rule) -> Outcome:
    n = ctx.f.p_n_comp[ctx.person]
    return Outcome(ctx.ones(), n > 0, lambda: (_obj(n), _obj("≥ 1" for _ in n)))


@check("KOTAK_TALENTA_MIN")
def kotak_talenta_min(ctx: PairContext, rule: Rule) -> Outcome:
    table = np.zeros(len(MOVE_CODE), dtype=float)
    for move, value in rule["kotak_min"].items():
        table[MOVE_CODE[move]] = value
    need = table[ctx.move]
    box = ctx.f.p_box[ctx.person]
    passed = ~np.isnan(box) & (np.nan_to_num(box, nan=-1.0) >= need)
    return Outcome(
        ctx.ones(),
        passed,
        lambda: (_obj(MISSING if np.isnan(b) else int(b) for b in box), _obj(int(x) for x in need)),
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
            _obj(f"≥ {n:g} th (TMT ≤ {c})" for n, c in zip(need, cutoff, strict=True)),
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
            _obj(
                f"≥ {n:g} th di jenjang {lv} (sejak ≤ {c})"
                for n, c, lv in zip(need, cutoff, f.p_level[p], strict=True)
            ),
        ),
    )


@check("PENDIDIKAN_MIN")
def pendidikan_min(ctx: PairContext, rule: Rule) -> Outcome:
    rank, text = post_min_education(ctx.f, rule)
    need = rank[ctx.post]
    return Outcome(
        need >= 0,
        ctx.f.p_edu[ctx.person] >= need,
        lambda: (show_text(ctx.f.p_education[ctx.person]), text[ctx.post]),
    )


@check("BUP_DEKAT")
def bup_dekat(ctx: PairContext, rule: Rule) -> Outcome:
    f, p = ctx.f, ctx.person
    age = f.j_bup_age[ctx.post]
    bup = np.full(len(p), NAT)
    for a in np.unique(age):
        sel = age == a
        bup[sel] = f.bup_at_age(int(a))[p[sel]]
    cutoff = months_after(f.plan_date, int(rule["jendela_bulan"]))
    return Outcome(
        ctx.ones(),
        ~np.isnat(bup) & (bup >= cutoff),
        lambda: (
            _obj(f"{b} (BUP {a} th)" for b, a in zip(bup, age, strict=True)),
            _obj(str(cutoff) for _ in p),
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
            _obj(" / ".join(x or MISSING for x in row) for row in f.p_skp_text[p, :years]),
            _obj(f"{rule['predikat_min']} ({years} tahun)" for _ in p),
        ),
    )


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
            _obj(
                "tidak ada"
                if not lv
                else f"{lv} s.d. {u}"
                if not np.isnat(u)
                else f"{lv} (tanpa tanggal selesai)"
                for lv, u in zip(level, until, strict=True)
            ),
            _obj(f"tidak sedang menjalani {'/'.join(sorted(levels))} pada {f.plan}" for _ in p),
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
        lambda: (_obj(age), _obj(f"{shown} {v}" for v in limit)),
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
    wanted = " / ".join(refuse) + (" / tanpa hasil" if rule["tanpa_hasil_tolak"] else "")
    return Outcome(
        _jpt_to_jpt(ctx),
        ~table[f.p_job_fit_code[ctx.person]],
        lambda: (show_text(fit), _obj(f"bukan {wanted}" for _ in fit)),
    )


@check("UJI_KOMPETENSI_JPT")
def uji_kompetensi_jpt(ctx: PairContext, rule: Rule) -> Outcome:
    """A JPT → JPT move with no job-fit / uji kompetensi result is shortlist-only (ps 132)."""
    fit = ctx.f.p_job_fit[ctx.person]
    return Outcome(
        _jpt_to_jpt(ctx),
        ctx.f.p_job_fit_code[ctx.person] >= 0,
        lambda: (
            _obj(x or "tanpa hasil" for x in fit),
            _obj("uji kompetensi dahulu: hanya daftar pendek" for _ in fit),
        ),
    )


@check("RUMPUN_SESUAI")
def rumpun_sesuai(ctx: PairContext, rule: Rule) -> Outcome:
    f = ctx.f
    want = f.j_rumpun_code[ctx.post]
    have = f.p_rumpun_code[ctx.person]
    return Outcome(
        (want >= 0) & ~f.j_rumpun_general[ctx.post],
        (have >= 0) & (have == want),
        lambda: (show_text(f.p_rumpun[ctx.person]), f.j_rumpun[ctx.post]),
    )


@check("JPT_SELEKSI_TERBUKA")
def jpt_seleksi_terbuka(ctx: PairContext, rule: Rule) -> Outcome:
    kind = ctx.f.j_kind[ctx.post]
    return Outcome(
        kind_mask(ctx.f.j_kind_code[ctx.post], rule["jenis_jabatan"]),
        np.zeros(len(ctx), dtype=bool),
        lambda: (
            _obj(f"promosi ke {k}" for k in kind),
            _obj("seleksi terbuka: hanya daftar pendek" for _ in kind),
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
            _obj(f"{c} (> {n:g} th)" for n, c in zip(need, cutoff, strict=True)),
        ),
    )


__all__ = [
    "CHECKS",
    "MISSING",
    "Facts",
    "Outcome",
    "PairContext",
    "build_facts",
    "check",
    "load_rumpun_table",
    "move_types",
    "norm_many",
    "norm_text",
    "post_min_education",
    "post_min_grade",
    "rumpun_of_major",
    "shift_months",
]
