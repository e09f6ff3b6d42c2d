"""Score terms: JPM (with gaps and BKN categories), talent box value, education match, fit, post
value, move cost, overdue penalty, total."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from builders import dataset, person, post, scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from placement.domain.schema import MANAGERIAL_COMPETENCIES
from placement.rules import build_pairs, jpm_detail
from placement.rules.scoring import score_pairs

FOUR = MANAGERIAL_COMPETENCIES[:4]


def _pair(table_pairs: object, nip: str, jid: str) -> dict[str, float]:
    import pandas as pd

    assert isinstance(table_pairs, pd.DataFrame)
    row = table_pairs[(table_pairs["nip"] == nip) & (table_pairs["jabatan_id"] == jid)]
    assert len(row) == 1
    return {k: v for k, v in row.iloc[0].items() if isinstance(v, float)}


# --- JPM ---------------------------------------------------------------------------------------------


def test_jpm_is_capped_sum_over_standard_sum() -> None:
    a = post(jabatan_id="A")
    p = person()
    levels = {"integritas": 4.0, "kerja sama": 2.0, "komunikasi": 3.5, "orientasi pada hasil": 5.0}
    ds = dataset([p], [a], komp={0: levels}, std={"A": dict.fromkeys(FOUR, 4.0)})
    # min(4,4) + min(2,4) + min(3.5,4) + min(5,4) = 13.5 of 16
    d = jpm_detail(ds, p["nip"], "A")
    assert d.jpm == pytest.approx(13.5 / 16)
    assert d.category == "memenuhi" and d.category_id == "memenuhi syarat"
    assert not d.default_standard
    gaps = d.gaps.set_index("competency")
    assert gaps.loc["kerja sama", "gap"] == -2.0 and not gaps.loc["kerja sama", "met"]
    assert (
        gaps.loc["orientasi pada hasil", "gap"] == 1.0 and gaps.loc["orientasi pada hasil", "met"]
    )
    pairs = build_pairs(ds, scenario()).pairs
    assert _pair(pairs, p["nip"], "A")["jpm"] == pytest.approx(13.5 / 16)


def test_unassessed_standard_competency_counts_zero_and_no_data_is_nan() -> None:
    a = post(jabatan_id="A")
    partial, none = person(), person()
    ds = dataset(
        [partial, none],
        [a],
        komp={0: {"integritas": 4.0}, 1: {}},
        std={"A": {"integritas": 4.0, "komunikasi": 4.0}},
    )
    assert jpm_detail(ds, partial["nip"], "A").jpm == pytest.approx(0.5)
    d = jpm_detail(ds, none["nip"], "A")
    assert math.isnan(d.jpm) and d.category == "tanpa_data" and d.category_en == "no data"
    assert np.isnan(d.gaps["actual"]).all()


@pytest.mark.parametrize(
    ("level", "category"),
    [(4.0, "memenuhi"), (3.2, "memenuhi"), (3.19, "masih"), (2.72, "masih"), (2.71, "kurang")],
)
def test_bkn_categories_at_the_thresholds(level: float, category: str) -> None:
    a = post(jabatan_id="A")
    p = person()
    ds = dataset([p], [a], komp={0: {"integritas": level}}, std={"A": {"integritas": 4.0}})
    assert jpm_detail(ds, p["nip"], "A").category == category


def test_category_thresholds_are_parameters() -> None:
    a = post(jabatan_id="A")
    p = person()
    ds = dataset([p], [a], komp={0: {"integritas": 3.4}}, std={"A": {"integritas": 4.0}})
    assert jpm_detail(ds, p["nip"], "A").category == "memenuhi"  # 85 %
    strict = scenario(aturan={"JPM": {"batas_memenuhi": 0.9}})
    assert jpm_detail(ds, p["nip"], "A", strict).category == "masih"


def test_post_without_standard_uses_the_default_of_its_kind_with_a_warning() -> None:
    a = post(jabatan_id="A", eselon="IV.a")
    p = person()
    ds = dataset(
        [p], [a], default_level=None, komp={0: dict.fromkeys(MANAGERIAL_COMPETENCIES, 1.0)}
    )
    d = jpm_detail(ds, p["nip"], "A")
    assert d.default_standard and d.jpm == pytest.approx(0.5)  # default pengawas level 2
    assert set(d.gaps["competency"]) == set(MANAGERIAL_COMPETENCIES)
    t = build_pairs(ds, scenario())
    assert [w.code for w in t.warnings] == ["STANDAR_BAWAAN"]


def test_competency_names_and_decimal_commas_are_normalised() -> None:
    import pandas as pd

    from placement.domain.model import Dataset

    a, p = post(jabatan_id="A"), person()
    base = dataset([p], [a])
    komp = pd.DataFrame({"nip": [p["nip"]], "competency": ["  Integritas "], "level": ["3,5"]})
    std = pd.DataFrame({"jabatan_id": ["A"], "competency": ["integritas"], "level": [4.0]})
    ds = Dataset.from_frames(base.pegawai, base.jabatan, komp, std)
    assert jpm_detail(ds, p["nip"], "A").jpm == pytest.approx(3.5 / 4)


def test_repeated_competency_levels_are_averaged_and_unknown_rows_ignored() -> None:
    import pandas as pd

    from placement.domain.model import Dataset

    a, p = post(jabatan_id="A"), person()
    base = dataset([p], [a])
    komp = pd.DataFrame(
        {
            "nip": [p["nip"], p["nip"], "199001012020121001", p["nip"]],
            "competency": ["Integritas", " integritas", "Integritas", "Kerja Sama"],
            "level": ["3", "4,5", "1", ""],
        }
    )
    std = pd.DataFrame(
        {"jabatan_id": ["A", "B"], "competency": ["integritas"] * 2, "level": [5, 1]}
    )
    ds = Dataset.from_frames(base.pegawai, base.jabatan, komp, std)
    assert jpm_detail(ds, p["nip"], "A").jpm == pytest.approx(3.75 / 5)


# --- box, education, fit, totals --------------------------------------------------------------------------


def test_box_value_from_the_scenario_table_and_zero_when_missing() -> None:
    a = post(jabatan_id="A")
    nine, none = person(talent_box=9), person(talent_box=None)
    ds = dataset([nine, none], [a])
    terms = score_pairs(ds, scenario(), np.array([0, 1]), np.array([0, 0]))
    assert terms["box_value"].tolist() == [1.0, 0.0]
    custom = scenario(bobot={"nilai_kotak_talenta": {9: 0.5}})
    assert score_pairs(ds, custom, np.array([0]), np.array([0]))["box_value"].tolist() == [0.5]


def test_education_match_levels_and_rumpun() -> None:
    health = post(jabatan_id="H", eselon="IV.a", rumpun="kesehatan")
    plain = post(jabatan_id="P", eselon="IV.a")
    general = post(jabatan_id="G", eselon="IV.a", rumpun="umum")
    nurse = person(major="Keperawatan")
    engineer = person(major="Teknik Sipil")
    unknown = person(major="Filsafat")
    sma = person(education="SMA", major=None)
    ds = dataset([nurse, engineer, unknown, sma], [health, plain, general])
    sc = scenario()

    def edu(p: int, j: int) -> float:
        return float(score_pairs(ds, sc, np.array([p]), np.array([j]))["education_match"].iloc[0])

    assert edu(0, 0) == 1.0  # meets D3, same rumpun
    assert edu(1, 0) == 0.5  # meets, other rumpun
    assert edu(2, 0) == 1.0  # rumpun of the jurusan unknown: education only
    assert edu(1, 1) == 1.0  # post without rumpun
    assert edu(1, 2) == 1.0  # general post accepts every field
    assert edu(3, 1) == 0.25  # SMA is 3 steps below D3: 1 - 3 × 0.25
    lenient = scenario(aturan={"PENDIDIKAN_SKOR": {"bobot_rumpun": 0.2}})
    assert (
        float(score_pairs(ds, lenient, np.array([1]), np.array([0]))["education_match"].iloc[0])
        == 0.8
    )


def test_fit_total_costs_and_penalty() -> None:
    a = post(jabatan_id="A", opd="Dinas A", priority=1)
    b = post(jabatan_id="B", opd="Dinas B", priority=3)
    holder = person(holds=a, golongan="III/d", talent_box=7, tmt_jabatan=date(2019, 1, 1))
    ds = dataset(
        [holder], [a, b], std={"A": dict.fromkeys(FOUR, 3.0), "B": dict.fromkeys(FOUR, 3.0)}
    )
    pairs = build_pairs(ds, scenario()).pairs
    stay, move = _pair(pairs, holder["nip"], "A"), _pair(pairs, holder["nip"], "B")
    fit = 0.6 * 1.0 + 0.3 * 0.65 + 0.1 * 1.0
    assert stay["fit"] == pytest.approx(fit) and move["fit"] == pytest.approx(fit)
    assert stay["post_value"] == 3.0 and move["post_value"] == 1.0
    assert stay["move_cost"] == 0.0 and move["move_cost"] == 0.08  # mutasi
    assert stay["overdue_penalty"] == 0.1 and move["overdue_penalty"] == 0.0  # 7 years in post
    assert stay["total"] == pytest.approx(3.0 + fit - 0.1)
    assert move["total"] == pytest.approx(1.0 + fit - 0.08)
    weights = scenario(
        bobot={
            "jpm": 0.5,
            "kotak_talenta": 0.5,
            "pendidikan": 0.0,
            "penalti_lewat_masa_jabatan": 0.3,
            "biaya_perpindahan": {"mutasi": 0.2},
        }
    )
    p2 = build_pairs(ds, weights).pairs
    assert _pair(p2, holder["nip"], "A")["fit"] == pytest.approx(0.5 + 0.5 * 0.65)
    assert _pair(p2, holder["nip"], "A")["overdue_penalty"] == 0.3
    assert _pair(p2, holder["nip"], "B")["move_cost"] == 0.2


def test_weights_not_summing_to_one_give_a_warning() -> None:
    a, p = post(jabatan_id="A"), person()
    ds = dataset([p], [a], std={"A": {"integritas": 3.0}})
    t = build_pairs(ds, scenario(bobot={"jpm": 0.9}))
    assert "BOBOT_JUMLAH" in [w.code for w in t.warnings]


# --- properties ------------------------------------------------------------------------------------------------

_LEVELS = st.floats(min_value=1.0, max_value=5.0, allow_nan=False).map(lambda x: round(x, 2))


@settings(max_examples=40)
@given(
    std=st.dictionaries(st.sampled_from(MANAGERIAL_COMPETENCIES), _LEVELS, min_size=1, max_size=9),
    bonus=st.lists(st.floats(min_value=0, max_value=2, allow_nan=False), min_size=9, max_size=9),
)
def test_jpm_is_one_when_every_actual_meets_the_standard(
    std: dict[str, float], bonus: list[float]
) -> None:
    a, p = post(jabatan_id="A"), person()
    actual = {c: v + b for (c, v), b in zip(std.items(), bonus, strict=False)}
    ds = dataset([p], [a], komp={0: actual}, std={"A": std})
    assert jpm_detail(ds, p["nip"], "A").jpm == pytest.approx(1.0)


@settings(max_examples=40)
@given(
    actual=st.dictionaries(st.sampled_from(MANAGERIAL_COMPETENCIES), _LEVELS, max_size=9),
    std=st.dictionaries(st.sampled_from(MANAGERIAL_COMPETENCIES), _LEVELS, min_size=1, max_size=9),
    box=st.sampled_from([None, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    education=st.sampled_from(["SD", "SMA", "D3", "D4", "S1", "S3"]),
    major=st.sampled_from([None, "Keperawatan", "Teknik Sipil", "x"]),
    rumpun=st.sampled_from([None, "kesehatan", "umum", "teknik"]),
    eselon=st.sampled_from(["II.a", "III.b", "IV.a", "IV.b"]),
)
def test_every_term_is_in_the_unit_interval(
    actual: dict[str, float],
    std: dict[str, float],
    box: int | None,
    education: str,
    major: str | None,
    rumpun: str | None,
    eselon: str,
) -> None:
    a = post(jabatan_id="A", eselon=eselon, rumpun=rumpun)
    p = person(talent_box=box, education=education, major=major)
    ds = dataset([p], [a], komp={0: actual}, std={"A": std})
    terms = score_pairs(ds, scenario(), np.array([0]), np.array([0])).iloc[0]
    for name in ("box_value", "education_match", "fit"):
        assert 0.0 <= terms[name] <= 1.0, name
    assert math.isnan(terms["jpm"]) == (not actual)
    assert math.isnan(terms["jpm"]) or 0.0 <= terms["jpm"] <= 1.0
