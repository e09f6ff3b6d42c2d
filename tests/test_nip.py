"""NIP parser: structure, PPPK month, derived dates, and properties over generated NIPs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from placement.domain.nip import NipError, age_at, bup_date, make_nip, parse_nip


def test_parses_pns_nip() -> None:
    info = parse_nip("197001012000011001")
    assert info.birth_date == date(1970, 1, 1)
    assert info.tmt_cpns == date(2000, 1, 1)
    assert info.gender == "L"
    assert info.sequence == 1
    assert not info.is_pppk


def test_parses_pppk_with_21_in_month_place() -> None:
    info = parse_nip("198505052021212003")
    assert info.is_pppk and info.tmt_cpns is None and info.gender == "P"


def test_accepts_spaces_and_leading_apostrophe() -> None:
    assert parse_nip("'19700101 200001 1 001").nip == "197001012000011001"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (1.97001012000011e17, "NIP_EXCEL_ANGKA"),
        ("1.97001E+17", "NIP_EXCEL_ANGKA"),
        ("19700101200001100", "NIP_PANJANG"),
        ("19700101200001100X", "NIP_BUKAN_ANGKA"),
        ("197002302000011001", "NIP_TANGGAL_LAHIR"),
        ("197001012000131001", "NIP_TMT_CPNS"),
        ("197001011975011001", "NIP_TMT_CPNS"),
        ("197001012000013001", "NIP_JENIS_KELAMIN"),
    ],
)
def test_rejects_bad_nips_with_code(raw: object, code: str) -> None:
    with pytest.raises(NipError) as exc:
        parse_nip(raw)
    assert exc.value.code == code


def test_age_and_bup_date() -> None:
    birth = date(1968, 5, 20)
    assert age_at(birth, date(2026, 5, 19)) == 57
    assert age_at(birth, date(2026, 5, 20)) == 58
    assert bup_date(birth, 58) == date(2026, 6, 1)
    assert bup_date(date(1970, 12, 3), 60) == date(2031, 1, 1)


@given(
    birth=st.dates(date(1960, 1, 1), date(2003, 12, 31)),
    years=st.integers(18, 40),
    month=st.integers(1, 12),
    gender=st.sampled_from(["L", "P"]),
    seq=st.integers(1, 999),
    pppk=st.booleans(),
)
def test_make_and_parse_round_trip(
    birth: date, years: int, month: int, gender: str, seq: int, pppk: bool
) -> None:
    tmt = None if pppk else date(birth.year + years, month, 1)
    info = parse_nip(make_nip(birth, tmt, gender, seq))
    assert (info.birth_date, info.tmt_cpns, info.gender, info.sequence, info.is_pppk) == (
        birth,
        tmt,
        gender,
        seq,
        pppk,
    )
