"""Ordered scales: golongan, eselon, education; normalisers round-trip and never raise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from placement.domain import grades

ESELON_ORDER = ("IV.b", "IV.a", "III.b", "III.a", "II.b", "II.a", "I.b", "I.a")
EDUCATION_ORDER = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

pns = st.sampled_from(grades.PNS_GRADES)
pppk = st.sampled_from(grades.PPPK_GRADES)
eselon = st.sampled_from(ESELON_ORDER)


def _spellings(grade: str) -> list[str]:
    roman, letter = grade.split("/")
    return [
        grade,
        f"{roman} {letter}",
        f"{roman}-{letter.upper()}",
        f"{ROMAN[roman]}{letter}",
        f"{ROMAN[roman]}/{letter}",
        f" {grade.lower()} ",
        grades.PANGKAT[grade].upper(),
    ]


@given(pns)
def test_normalize_grade_round_trip(grade: str) -> None:
    for text in _spellings(grade):
        assert grades.normalize_grade(text) == grade, text
    assert grades.normalize_grade(grades.normalize_grade(grade) or "") == grade


@given(pppk)
def test_pppk_grades_round_trip(grade: str) -> None:
    assert grades.normalize_grade(grade) == grade
    assert grades.normalize_grade(grade.lower()) == grade
    assert grades.is_pppk_grade(grade)


@given(st.text(max_size=12))
def test_normalize_grade_never_raises(text: str) -> None:
    result = grades.normalize_grade(text)
    assert result is None or result in grades.PNS_GRADES or result in grades.PPPK_GRADES


@given(pns, pns)
def test_grade_rank_follows_the_scale(a: str, b: str) -> None:
    order = grades.PNS_GRADES.index
    assert (grades.grade_rank(a) < grades.grade_rank(b)) == (order(a) < order(b))


def test_grade_rank_strictly_increasing() -> None:
    for scale in (grades.PNS_GRADES, grades.PPPK_GRADES):
        ranks = [grades.grade_rank(g) for g in scale]
        assert ranks == sorted(set(ranks)) and len(ranks) == 17


def test_grade_rank_rejects_unknown() -> None:
    with pytest.raises(ValueError, match="unknown golongan"):
        grades.grade_rank("V/a")


def test_eselon_ranks_strictly_increasing_with_seniority() -> None:
    ranks = [grades.ESELON_RANK[e] for e in ESELON_ORDER]
    assert ranks == sorted(set(ranks))
    assert set(grades.ESELON_RANK) == set(ESELON_ORDER)


@given(eselon, eselon)
def test_more_senior_eselon_never_needs_a_lower_grade_or_level(a: str, b: str) -> None:
    if grades.ESELON_RANK[a] <= grades.ESELON_RANK[b]:
        assert grades.grade_rank(grades.ESELON_MIN_GRADE[a]) <= grades.grade_rank(
            grades.ESELON_MIN_GRADE[b]
        )
        assert grades.TYPE_LEVEL[grades.ESELON_TYPE[a]] <= grades.TYPE_LEVEL[grades.ESELON_TYPE[b]]


@given(eselon)
def test_normalize_eselon_round_trip(value: str) -> None:
    roman, letter = value.split(".")
    for text in (value, f"{roman}/{letter.upper()}", f"{ROMAN[roman]}{letter}", f"Eselon {value}"):
        assert grades.normalize_eselon(text) == value, text


def test_education_order() -> None:
    ranks = [grades.EDUCATION_RANK[e] for e in EDUCATION_ORDER]
    assert ranks == sorted(ranks)
    assert grades.EDUCATION_RANK["D4"] == grades.EDUCATION_RANK["S1"]  # D-IV setara S1
    assert set(grades.EDUCATION_RANK) == set(EDUCATION_ORDER)


@given(st.sampled_from(EDUCATION_ORDER))
def test_normalize_education_round_trip(level: str) -> None:
    assert grades.normalize_education(level) == level
    assert grades.normalize_education(level.lower()) == level
    if level[0] in "DS" and level[1:].isdigit():
        assert grades.normalize_education(f"{level[0]}-{level[1:]}") == level


@pytest.mark.parametrize(
    ("text", "level"),
    [("D-III", "D3"), ("Diploma IV", "D4"), ("Strata 1", "S1"), ("SLTA", "SMA"), ("SLTP", "SMP")],
)
def test_education_export_spellings(text: str, level: str) -> None:
    assert grades.normalize_education(text) == level


@given(st.text(max_size=20))
def test_label_normalisers_never_raise(text: str) -> None:
    grades.normalize_eselon(text)
    grades.normalize_education(text)
    grades.normalize_jenjang(text)
    grades.normalize_jenis(text)
