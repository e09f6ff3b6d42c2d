"""id-ID formatting shared by the usulan package, the comparison and the UI."""

from __future__ import annotations

from datetime import date

import pandas as pd

from placement.domain import format_id as f


def test_numbers_percent_dates() -> None:
    assert f.number(3000) == "3.000" and f.number(1234567.891, 2) == "1.234.567,89"
    assert (
        f.number(2.5, 1) == "2,5"
        and f.number(None) == ""
        and f.number(float("nan"), empty="-") == "-"
    )
    assert f.percent(0.025) == "2,5 %" and f.percent(1) == "100,0 %" and f.percent(pd.NA) == ""
    assert f.date_text(date(2026, 7, 1)) == "1 Juli 2026"
    assert f.date_text("2026-12-31") == "31 Desember 2026"
    assert (
        f.date_text(pd.Timestamp("2027-02-03")) == "3 Februari 2027" and f.date_text(pd.NaT) == ""
    )


def test_asn_terms_in_words() -> None:
    assert f.move_type("alih_jenis").startswith("Alih jenis") and f.move_type("mutasi") == "Mutasi"
    assert (
        f.post_kind("JPT_PRATAMA") == "JPT Pratama"
        and f.post_kind("FUNGSIONAL") == "Jabatan Fungsional"
    )
    assert f.eselon_text("III.a") == "Eselon III.a (Administrator)" and f.eselon_text(None) == ""
    assert f.rank_text("III/c") == "Penata, III/c" and f.rank_text("IX") == "IX"
    assert f.text(3.0) == "3" and f.text(None, "x") == "x"


def test_current_post_never_a_dash_or_bare_id() -> None:
    assert f.current_post(None, "FUNGSIONAL", "ahli muda", "Dinas Kesehatan") == (
        "Jabatan Fungsional ahli muda pada Dinas Kesehatan"
    )
    assert f.current_post(float("nan"), "PELAKSANA", pd.NA, "Dinas A") == "Pelaksana pada Dinas A"
    assert f.current_post("Perawat Ahli Muda", "FUNGSIONAL", "ahli muda", "RSUD") == (
        "Perawat Ahli Muda pada RSUD"
    )
    assert f.current_post("", None, None, None) == "Jabatan saat ini"


def test_english_numbers_and_dates() -> None:
    assert f.number(3000, lang="en") == "3,000" and f.number(35.5092, 2, lang="en") == "35.51"
    assert f.number(254701) == "254.701" and f.number(-1234.5, 1) == "-1.234,5"
    assert f.percent(0.125, lang="en") == "12.5 %" and f.percent(0.125) == "12,5 %"
    assert f.date_text("2026-12-02", lang="en") == "2 December 2026"
    assert f.date_text("2026-12-02T09:48:00+00:00") == "2 Desember 2026"


def test_times_in_a_chosen_zone() -> None:
    # the run store keeps UTC: 07:05 UTC is 14.05 WIB
    assert f.datetime_text("2026-07-01T07:05:00+00:00") == "1 Juli 2026, 14.05 WIB"
    assert f.datetime_text("2026-07-01T07:05:00", lang="en") == "1 July 2026, 14:05 WIB"
    assert f.datetime_text("2026-12-31T17:30:00+00:00", "Asia/Makassar") == (
        "1 Januari 2027, 01.30 WITA"
    )
    assert f.datetime_text("2026-07-01T07:05:00", "Asia/Jayapura").endswith("16.05 WIT")
    assert f.datetime_text(pd.Timestamp("2026-07-01 07:05", tz="UTC")).endswith("14.05 WIB")
    assert f.datetime_text(None) == "" and f.datetime_text(pd.NaT, empty="-") == "-"
    assert f.to_local("2026-07-01T23:30:00", "Asia/Jakarta").day == 2
