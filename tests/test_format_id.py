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
