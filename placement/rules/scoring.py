"""Score terms per eligible pair, each in [0, 1] (weights from ``sc.bobot``).

- ``jpm``: job person match = Σ_k min(actual_k, standard_k) / Σ_k standard_k over the post's
  standard (a standard competency the person was not assessed on counts 0). NaN when the person
  has no competency data at all. A post without a standard uses the default standard of its kind
  (rule-pack parameter ``JPM.standar_bawaan``) and a warning is issued.
- ``box_value``: ``sc.bobot.nilai_kotak_talenta[box]`` (0 when the box is missing).
- ``education_match``: level part ``e`` = 1 when education ≥ the post's minimum, else
  ``max(0, 1 − penurunan_per_tingkat × missing steps)`` (0 when education is unknown); when the
  post has a field (rumpun, not umum) and the person's field is known,
  ``(1 − bobot_rumpun) × e + bobot_rumpun × field_match``, else ``e``.
- ``field_match``: 1 when the person's fields (jurusan, gelar, JF name; placement.domain.rumpun)
  fit the post's field or the post is open (umum / unknown field), else 0.
- ``field_penalty`` = ``sc.bobot.penalti_rumpun`` × (1 − field_match) for a new post (not for
  staying): above ``bobot.jpm`` by default, so JPM alone never buys back a wrong field.
- ``fit`` = w_jpm × jpm (0 when NaN) + w_box × box_value + w_edu × education_match.
- ``post_value`` = ``sc.bobot.nilai_jabatan_terisi[priority]``; ``move_cost`` =
  ``sc.bobot.biaya_perpindahan[move_type]`` (0 for tetap); ``overdue_penalty`` =
  ``sc.bobot.penalti_lewat_masa_jabatan`` for a stay past MASA_JABATAN_MAKS.
- ``total`` = post_value + fit − move_cost − overdue_penalty − field_penalty.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from placement.config import Skenario
from placement.domain.errors import Issue, PlacementError
from placement.domain.memo import memo
from placement.domain.messages import Where, issue, texts
from placement.domain.model import Dataset
from placement.rules.checks import move_types, post_min_education
from placement.rules.facts import BoolArray, Facts, FloatArray, IntArray, build_facts, norm_text
from placement.rules.registry import MOVE_CODE, Rule, RuleSet, rule_set

TETAP = MOVE_CODE["tetap"]

SCORE_COLUMNS: tuple[str, ...] = (
    "jpm",
    "box_value",
    "education_match",
    "field_match",
    "fit",
    "post_value",
    "move_cost",
    "overdue_penalty",
    "field_penalty",
    "total",
)
CATEGORIES: dict[str, tuple[str, str]] = {
    "memenuhi": texts("KATEGORI_SKOR_MEMENUHI"),
    "masih": texts("KATEGORI_SKOR_MASIH"),
    "kurang": texts("KATEGORI_SKOR_KURANG"),
    "tanpa_data": texts("TAMPIL_TIDAK_ADA_DATA"),
}


@dataclass(eq=False)
class Competencies:
    """Dense person × competency and post × competency matrices (a few columns only)."""

    names: tuple[str, ...]
    actual: FloatArray  # n_people × K, NaN = not assessed
    has_any: BoolArray  # person has a JPM: levels, or a JPM used directly
    has_levels: BoolArray  # person has at least one competency level
    direct: FloatArray  # JPM (fraction) used directly when there are no levels; NaN = none
    standard: FloatArray  # n_posts × K, 0 = not in the standard
    std_sum: FloatArray
    default_std: BoolArray  # post uses the default standard of its kind


def competencies(ds: Dataset, rules: RuleSet) -> Competencies:
    """Pivot the long competency frames; fill missing post standards from the default (memoised)."""
    key = json.dumps(rules["JPM"], sort_keys=True, default=str)
    return memo(ds, "competencies", key, lambda: _competencies(ds, rules))


def _competencies(ds: Dataset, rules: RuleSet) -> Competencies:
    k_nip, k_name, k_level = _clean_long(ds.kompetensi, "nip")
    s_post, s_name, s_level = _clean_long(ds.standar, "jabatan_id")
    defaults: dict[str, dict[str, float]] = rules["JPM"]["standar_bawaan"]
    default_names = {norm_text(c) for d in defaults.values() for c in d}
    names = tuple(sorted({*k_name.tolist(), *s_name.tolist(), *default_names}))
    col = {n: i for i, n in enumerate(names)}
    actual = np.full((ds.n_people, len(names)), np.nan)
    if len(k_nip):
        person = _rows_of(k_nip, ds.person_index)
        ok = person >= 0
        actual[person[ok], _rows_of(k_name[ok], col)] = k_level[ok]
    standard = np.zeros((ds.n_posts, len(names)))
    has_std = np.zeros(ds.n_posts, dtype=bool)
    if len(s_post):
        post = _rows_of(s_post, ds.post_index)
        ok = post >= 0
        standard[post[ok], _rows_of(s_name[ok], col)] = s_level[ok]
        has_std[post[ok]] = True
    kinds = ds.jabatan["jenis_jabatan"].astype(str).to_numpy()
    for i in np.flatnonzero(~has_std):
        for name, level in defaults.get(str(kinds[i]), {}).items():
            standard[i, col[norm_text(name)]] = float(level)
    has_levels = ~np.isnan(actual).all(axis=1) if len(names) else np.zeros(ds.n_people, bool)
    given = pd.to_numeric(ds.pegawai["jpm"], errors="coerce").to_numpy(dtype=float) / 100.0
    direct = np.where(has_levels, np.nan, given)
    return Competencies(
        names=names,
        actual=actual,
        has_any=has_levels | ~np.isnan(direct),
        has_levels=has_levels,
        direct=direct,
        standard=standard,
        std_sum=standard.sum(axis=1),
        default_std=~has_std,
    )


def _rows_of(keys: npt.NDArray[np.object_], index: Mapping[str, int]) -> IntArray:
    """``index[key]`` per key (-1 where absent), each distinct key looked up once."""
    codes, distinct = pd.factorize(keys, use_na_sentinel=False)
    return np.array([index.get(k, -1) for k in distinct], dtype=np.int64)[codes]


def _clean_long(
    frame: pd.DataFrame, key: str
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_], FloatArray]:
    """(keys, normalised competency names, numeric levels) of the rows with a name and a level,
    duplicates averaged (in order of first appearance)."""
    if not len(frame):
        return np.zeros(0, dtype=object), np.zeros(0, dtype=object), np.zeros(0)
    # Each distinct name normalised once, put back by position (no look-up per row).
    codes, distinct = pd.factorize(
        frame["competency"].astype(str).to_numpy(dtype=object), use_na_sentinel=False
    )
    names = np.array([norm_text(n) for n in distinct], dtype=object)[codes]
    level = frame["level"]
    if not (pd.api.types.is_numeric_dtype(level) and not pd.api.types.is_bool_dtype(level)):
        level = level.astype(str).str.replace(",", ".", regex=False)  # text: decimal commas
    levels = pd.to_numeric(level, errors="coerce").to_numpy(dtype=float)
    keys = frame[key].astype(str).to_numpy(dtype=object)
    keep = ~np.isnan(levels) & (names != "") & pd.notna(keys)  # groupby drops missing keys
    keys, names, levels = keys[keep], names[keep], levels[keep]
    pair = pd.factorize(keys, use_na_sentinel=False)[0] * (len(distinct) + 1)
    pair += pd.factorize(names, use_na_sentinel=False)[0]
    if len(np.unique(pair)) == len(pair):
        return keys, names, levels
    long = pd.DataFrame({key: keys, "competency": names, "level": levels})
    mean = long.groupby([key, "competency"], sort=False)["level"].mean().reset_index()
    return (
        mean[key].to_numpy(dtype=object),
        mean["competency"].to_numpy(dtype=object),
        mean["level"].to_numpy(dtype=float),
    )


def jpm_values(comp: Competencies, person: IntArray, post: IntArray) -> FloatArray:
    """JPM per pair (NaN when the person has no scores or the post no standard)."""
    a = np.nan_to_num(comp.actual, nan=0.0)[person]  # per person, then gathered (fewer cells)
    s = comp.standard[post]
    num = np.minimum(a, s).sum(axis=1)
    den = comp.std_sum[post]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    out = np.where(comp.has_levels[person], out, comp.direct[person])
    return np.where(comp.has_any[person], out, np.nan)


def jpm_category(jpm: float, rule: Rule) -> str:
    """Key of CATEGORIES for a JPM value (thresholds from the JPM rule-pack entry)."""
    if np.isnan(jpm):
        return "tanpa_data"
    if jpm >= float(rule["batas_memenuhi"]) - 1e-12:
        return "memenuhi"
    if jpm >= float(rule["batas_masih_memenuhi"]) - 1e-12:
        return "masih"
    return "kurang"


@dataclass(eq=False)
class Scorer:
    """Computes the score terms of pairs for one dataset and scenario."""

    f: Facts
    sc: Skenario
    comp: Competencies
    box_table: FloatArray  # index = box 0..9
    edu_min: IntArray  # per post, -1 none
    post_value: FloatArray  # per post
    move_cost: FloatArray  # per move code
    rumpun_weight: float
    step_penalty: float

    @classmethod
    def of(cls, f: Facts, sc: Skenario) -> Scorer:
        b = sc.bobot
        box = np.zeros(10)
        for k, v in b.nilai_kotak_talenta.items():
            box[int(k)] = float(v)
        cost = np.zeros(len(MOVE_CODE))
        for move, value in b.biaya_perpindahan.items():
            cost[MOVE_CODE[move]] = float(value)
        value_of = {int(k): float(v) for k, v in b.nilai_jabatan_terisi.items()}
        edu = f.rules["PENDIDIKAN_SKOR"]
        return cls(
            f=f,
            sc=sc,
            comp=competencies(f.ds, f.rules),
            box_table=box,
            edu_min=post_min_education(f, f.rules["PENDIDIKAN_MIN"])[0],
            post_value=np.array([value_of.get(int(p), 0.0) for p in f.j_priority], dtype=float),
            move_cost=cost,
            rumpun_weight=float(edu["bobot_rumpun"]),
            step_penalty=float(edu["penurunan_per_tingkat"]),
        )

    def education_match(self, person: IntArray, post: IntArray) -> FloatArray:
        f = self.f
        have, need = f.p_edu[person], self.edu_min[post]
        level = np.where(
            have >= need, 1.0, np.clip(1.0 - self.step_penalty * (need - have), 0.0, 1.0)
        )
        level = np.where(have < 0, 0.0, level)
        w = self.rumpun_weight
        match = f.field_match(person, post)
        known = ~f.j_rumpun_general[post] & (f.p_fields[person] != 0)
        return np.where(known, (1 - w) * level + w * match, level).astype(float)

    def score(
        self,
        person: IntArray,
        post: IntArray,
        move: npt.NDArray[np.int8],
        overdue: BoolArray,
    ) -> dict[str, FloatArray]:
        b = self.sc.bobot
        jpm = jpm_values(self.comp, person, post)
        box = self.f.p_box  # per person, then gathered
        box_value = np.where(
            np.isnan(box),
            0.0,
            self.box_table[np.nan_to_num(box, nan=0).astype(np.int64).clip(0, 9)],
        )[person]
        edu = self.education_match(person, post)
        field = self.f.field_match(person, post).astype(float)
        field_penalty = np.where(move == TETAP, 0.0, float(b.penalti_rumpun) * (1.0 - field))
        fit = b.jpm * np.nan_to_num(jpm, nan=0.0) + b.kotak_talenta * box_value + b.pendidikan * edu
        post_value = self.post_value[post]
        move_cost = self.move_cost[move]
        penalty = np.where(overdue, float(b.penalti_lewat_masa_jabatan), 0.0)
        return {
            "jpm": jpm,
            "box_value": box_value,
            "education_match": edu,
            "field_match": field,
            "fit": fit,
            "post_value": post_value,
            "move_cost": move_cost,
            "overdue_penalty": penalty,
            "field_penalty": field_penalty,
            "total": post_value + fit - move_cost - penalty - field_penalty,
        }

    def warnings(self, posts: IntArray, people: IntArray) -> list[Issue]:
        """Posts using the default standard, people without scores, weights, priorities."""
        out: list[Issue] = []
        b = self.sc.bobot
        default = posts[self.comp.default_std[posts]]
        if len(default):
            ids = ", ".join(map(str, self.f.jabatan_id[default[:5]]))
            where = Where("standar_kompetensi", None, "jabatan_id")
            out.append(issue("STANDAR_BAWAAN", where, n=len(default), ids=ids))
        none = people[~self.comp.has_any[people]]
        if len(none):
            nips = ", ".join(map(str, self.f.nip[none[:5]]))
            where = Where("kompetensi", None, "nip")
            out.append(issue("KOMPETENSI_KOSONG", where, n=len(none), nips=nips))
        total = b.jpm + b.kotak_talenta + b.pendidikan
        if abs(total - 1.0) > 1e-9:
            out.append(issue("BOBOT_JUMLAH", Where("skenario", None, "bobot"), total=total))
        out += self._field_warnings(posts)
        known = {int(k) for k in b.nilai_jabatan_terisi}
        unknown = sorted({int(p) for p in self.f.j_priority[posts]} - known)
        if unknown:
            where = Where("jabatan", None, "prioritas")
            out.append(issue("PRIORITAS_TANPA_NILAI", where, priorities=unknown))
        return out

    def _field_warnings(self, posts: IntArray) -> list[Issue]:
        """Technical flags derived from post names; a field penalty JPM can buy back."""
        out: list[Issue] = []
        f, b = self.f, self.sc.bobot
        derived = posts[f.j_technical_derived[posts]]
        tech = derived[f.j_technical[derived]]
        if len(tech):
            ids = ", ".join(map(str, f.jabatan_id[tech[:5]]))
            where = Where("jabatan", None, "teknis")
            out.append(
                issue("TEKNIS_DITURUNKAN", where, n=len(derived), technical=len(tech), ids=ids)
            )
        if b.penalti_rumpun <= b.jpm:
            where = Where("skenario", None, "bobot")
            out.append(issue("PENALTI_RUMPUN_RENDAH", where, penalty=b.penalti_rumpun, jpm=b.jpm))
        return out


# --- JPM detail for one pair -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JpmDetail:
    """JPM of one person for one post, with the gap per competency and the BKN category."""

    nip: str
    jabatan_id: str
    jpm: float  # NaN = no data
    category: str  # key of CATEGORIES
    category_id: str
    category_en: str
    default_standard: bool
    gaps: pd.DataFrame  # competency, standard, actual (NaN not assessed), gap (≤ 0 short), met
    detail: bool = True  # False: JPM used directly, rincian tidak tersedia (gaps empty)


def require_known(ds: Dataset, nip: str | None = None, jabatan_id: str | None = None) -> None:
    """PlacementError (NIP_TIDAK_ADA / JABATAN_TIDAK_ADA) for a person or post asked for that
    the data does not have; None skips that check."""
    if nip is not None and nip not in ds.person_index:
        where = Where("pegawai", None, "nip")
        raise PlacementError([issue("NIP_TIDAK_ADA", where, nip=nip)])
    if jabatan_id is not None and jabatan_id not in ds.post_index:
        where = Where("jabatan", None, "jabatan_id")
        raise PlacementError([issue("JABATAN_TIDAK_ADA", where, jid=jabatan_id)])


def jpm_detail(
    ds: Dataset, nip: str, jabatan_id: str, sc: Skenario | None = None, rules: RuleSet | None = None
) -> JpmDetail:
    """JPM, category and the gap per standard competency for one person and one post
    (``rules``: the scenario's rule set when the caller has it already)."""
    sc = sc or Skenario()
    require_known(ds, nip, jabatan_id)
    rules = rule_set(sc) if rules is None else rules
    comp = competencies(ds, rules)
    p, j = ds.person_index[nip], ds.post_index[jabatan_id]
    jpm = float(jpm_values(comp, np.array([p]), np.array([j]))[0])
    in_std = comp.standard[j] > 0
    standard = comp.standard[j][in_std]
    actual = comp.actual[p][in_std]
    gaps = pd.DataFrame(
        {
            "competency": np.array(comp.names, dtype=object)[in_std],
            "standard": standard,
            "actual": actual,
            "gap": np.nan_to_num(actual, nan=0.0) - standard,
            "met": np.nan_to_num(actual, nan=0.0) >= standard,
        }
    )
    key = jpm_category(jpm, rules["JPM"])
    detail = not (comp.has_any[p] and not comp.has_levels[p])
    if not detail:
        gaps = gaps.iloc[0:0]
    return JpmDetail(
        nip, jabatan_id, jpm, key, *CATEGORIES[key], bool(comp.default_std[j]), gaps, detail
    )


def score_pairs(
    ds: Dataset, sc: Skenario, person: IntArray, post: IntArray, overdue: BoolArray | None = None
) -> pd.DataFrame:
    """Score terms for arbitrary (person row, post row) pairs (move types derived)."""
    f = build_facts(ds, sc)
    person = np.asarray(person, dtype=np.int64)
    post = np.asarray(post, dtype=np.int64)
    od = np.zeros(len(person), dtype=bool) if overdue is None else overdue
    return pd.DataFrame(Scorer.of(f, sc).score(person, post, move_types(f, person, post), od))


__all__ = [
    "CATEGORIES",
    "SCORE_COLUMNS",
    "Competencies",
    "JpmDetail",
    "Scorer",
    "competencies",
    "jpm_category",
    "jpm_detail",
    "jpm_values",
    "require_known",
    "score_pairs",
]
