"""What the rules read: per-person and per-post numpy arrays (:class:`Facts`) built once from a
dataset at the scenario's plan date, and the text normalisation and jurusan → rumpun table
they use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain import grades
from placement.domain.memo import memo
from placement.domain.model import Dataset
from placement.domain.rumpun import GENERAL, Tables, load_tables, people_fields, post_fields
from placement.rules.registry import RuleSet, rule_set

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]
ObjArray = npt.NDArray[np.object_]

NAT = np.datetime64("NaT", "D")
KINDS: tuple[str, ...] = tuple(str(k) for k in grades.JenisJabatan)
KIND_CODE: dict[str, int] = {k: i for i, k in enumerate(KINDS)}


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


# --- field of work (rumpun) ------------------------------------------------------------------


@dataclass(frozen=True)
class _FieldArrays:
    tables: Tables
    p_text: ObjArray
    p_bits: IntArray
    j_field: ObjArray
    j_bits: IntArray
    j_general: BoolArray
    j_technical: BoolArray
    j_derived: BoolArray


def rumpun_tables(rules: RuleSet) -> Tables:
    """The rumpun tables of a rule pack (RUMPUN_TEKNIS.tabel_rumpun folder; RUMPUN_SESUAI.tabel
    replaces the jurusan table)."""
    return load_tables(
        str(rules["RUMPUN_TEKNIS"]["tabel_rumpun"]), str(rules["RUMPUN_SESUAI"]["tabel"])
    )


def _fields(ds: Dataset, rules: RuleSet) -> _FieldArrays:
    """Person fields as bits, post fields (given or derived), accepted bits, technical flags."""
    peg, jab = ds.pegawai, ds.jabatan
    tables = rumpun_tables(rules)
    bit = {f: 1 << i for i, f in enumerate(tables.fields)}
    people = people_fields(
        peg["major"].tolist(), peg["name"].tolist(), _column(peg, "post_name"), tables
    )
    derived = post_fields(jab["name"].tolist(), jab["opd"].tolist(), tables)
    given = norm_many(jab["rumpun"])
    j_field = np.array(
        [g.replace(" ", "_") or d.field for g, d in zip(given, derived, strict=True)], dtype=object
    )
    general = {norm_text(r).replace(" ", "_") for r in rules["RUMPUN_SESUAI"]["rumpun_umum"]}
    teknis = _column(jab, "technical")
    derived_flag = np.array([t is None or t is pd.NA or t != t for t in teknis], dtype=bool)
    technical = np.array(
        [
            d.technical if flag else bool(t)
            for d, t, flag in zip(derived, teknis, derived_flag, strict=True)
        ],
        dtype=bool,
    )
    return _FieldArrays(
        tables=tables,
        p_text=np.array([", ".join(sorted(f)) for f in people], dtype=object),
        p_bits=np.array([sum(bit[x] for x in f if x in bit) for f in people], dtype=np.int64),
        j_field=j_field,
        j_bits=np.array(
            [sum(bit[x] for x in tables.accepted(f) if x in bit) for f in j_field], dtype=np.int64
        ),
        j_general=np.array([f in ("", GENERAL) or f in general for f in j_field], dtype=bool),
        j_technical=technical & ~np.isin(j_field, ["", GENERAL]),
        j_derived=derived_flag,
    )


def _column(frame: pd.DataFrame, col: str) -> list[object]:
    return frame[col].tolist() if col in frame.columns else [None] * len(frame)


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
    p_cpns: BoolArray
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
    p_rumpun: ObjArray  # fields from jurusan, gelar and JF name joined by ", " ('' unknown)
    p_fields: IntArray  # bit per field of ``fields``
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
    j_rumpun: ObjArray  # the jabatan's rumpun, else derived from name and OPD; '' unknown
    j_accepts: IntArray  # bits of the person fields the post's field accepts
    j_rumpun_general: BoolArray  # unknown, umum or in RUMPUN_SESUAI.rumpun_umum: any field fits
    j_technical: BoolArray  # the jabatan's teknis, else derived (hard rule RUMPUN_TEKNIS)
    j_technical_derived: BoolArray  # teknis column empty: derived from the name
    j_priority: IntArray
    tables: Tables
    fields: tuple[str, ...]  # bit i of p_fields / j_accepts = fields[i]
    _bup: dict[int, DateArray] = field(default_factory=dict)

    def field_match(self, person: IntArray, post: IntArray) -> BoolArray:
        """Whether each person's fields fit each post's field (open posts fit everyone)."""
        out: BoolArray = self.j_rumpun_general[post] | (
            (self.p_fields[person] & self.j_accepts[post]) != 0
        )
        return out

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
        return np.array(
            [opd_codes.setdefault(v, len(opd_codes)) for v in norm_many(values)], dtype=np.int64
        )

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
    p_kind = np.where(
        is_holder,
        j_kind[held_safe] if len(jab) else "",
        peg["jenis_jabatan"].astype(str).to_numpy(dtype=object),
    )
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
    field = _fields(ds, rules)
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
        p_cpns=status == "CPNS",
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
        p_rumpun=field.p_text,
        p_fields=field.p_bits,
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
        j_rumpun=field.j_field,
        j_accepts=field.j_bits,
        j_rumpun_general=field.j_general,
        j_technical=field.j_technical,
        j_technical_derived=field.j_derived,
        j_priority=jab["priority"].to_numpy(dtype=np.int64),
        tables=field.tables,
        fields=field.tables.fields,
    )


__all__ = [
    "Facts",
    "build_facts",
    "norm_many",
    "norm_text",
    "rumpun_tables",
]
