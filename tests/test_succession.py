"""Succession lists, readiness dates, future vacancies, talent map and the CLI."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.rules.eligibility import build_pairs, check_pair
from placement.succession import (
    Timeline,
    box_transitions,
    future_vacancies,
    read_previous_round,
    read_sotk,
    succession_sheets,
    successors,
    talent_counts,
)
from placement.succession import timeline as timeline_mod
from placement.succession.talent_map import person_opd
from tests.builders import PLAN_DATE, dataset, person, post, scenario

# PLAN_DATE is 2026-01-01: a 1-year horizon ends 2027-01-01 (inclusive), 2 years 2028-01-01.


def _instance() -> tuple[Dataset, dict[str, Any]]:
    p = post(jabatan_id="P", eselon="IV.a")
    q = [post(jabatan_id=f"Q{i}", eselon="IV.a") for i in range(6)]
    people = {
        "holder": person(holds=p, birth_date=date(1969, 5, 10)),  # BUP 58 → 2027-06-01
        # holders of other IV.a posts: rotasi to P, blocked by MASA_JABATAN_MIN (2 years)
        "x": person(holds=q[0], tmt_jabatan=date(2024, 9, 5)),  # ready 2026-09-05
        "leap": person(holds=q[1], tmt_jabatan=date(2024, 2, 29)),  # 29 Feb + 2 y → 1 Mar
        "eve": person(holds=q[2], tmt_jabatan=date(2024, 12, 31)),  # ready 2026-12-31
        "end": person(holds=q[3], tmt_jabatan=date(2025, 1, 1)),  # ready 2027-01-01 = horizon end
        "late": person(holds=q[4], tmt_jabatan=date(2025, 1, 2)),  # ready 2027-01-02: outside
        # ready 2026-09-05 but BUP 2027-03-01 falls within 12 months of that day: never ready
        "old": person(holds=q[5], tmt_jabatan=date(2024, 9, 5), birth_date=date(1969, 2, 10)),
        "now": person(),  # pelaksana, eligible today (promosi)
        "sma": person(education="SMA"),  # box 8, below D3: perlu pengembangan
        "low": person(talent_box=5),  # box 5: not a successor at all
        "sanksi": person(discipline="sedang", discipline_until=date(2026, 3, 15)),
    }
    ds = dataset(list(people.values()), [p, *q], std={"P": {"integritas": 4, "kerja sama": 3}})
    return ds, people


@pytest.fixture(scope="module")
def inst() -> tuple[Dataset, dict[str, Any]]:
    return _instance()


def _rows(ds: Dataset, sc: Skenario, horizon: int = 1, top: int = 20) -> pd.DataFrame:
    s = successors(ds, sc, horizon, top=top, posts=np.array([ds.post_index["P"]]))
    rows = s.rows.copy()
    rows["nip"] = ds.pegawai["nip"].to_numpy()[rows["person"].to_numpy()]
    return rows


def _by_nip(rows: pd.DataFrame, who: dict[str, Any]) -> pd.Series:
    hit = rows[rows["nip"] == who["nip"]]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()


def _eligible_on(ds: Dataset, who: dict[str, Any], day: date) -> bool:
    sc = scenario(tanggal_rencana=day)
    return check_pair(ds, sc, str(who["nip"]), "P").eligible


# --- readiness -------------------------------------------------------------------------------------


def test_ready_date_is_exact_day_of_two_years_in_post(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    rows = _rows(ds, scenario())
    x = _by_nip(rows, people["x"])
    assert x["category"] == "horizon"
    assert _day(x["ready_date"]) == date(2026, 9, 5)
    assert "MASA_JABATAN_MIN" in x["blockers"] and "2026-09-05" in x["blockers"]
    # the rule engine agrees on that day and not the day before
    assert _eligible_on(ds, people["x"], date(2026, 9, 5))
    assert not _eligible_on(ds, people["x"], date(2026, 9, 4))


def test_ready_date_clipped_month_end(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    leap = _by_nip(_rows(ds, scenario()), people["leap"])
    assert _day(leap["ready_date"]) == date(2026, 3, 1)
    assert _eligible_on(ds, people["leap"], date(2026, 3, 1))
    assert not _eligible_on(ds, people["leap"], date(2026, 2, 28))


def test_horizon_boundary_one_day_before_and_after(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    rows = _rows(ds, scenario(), horizon=1)
    assert _day(_by_nip(rows, people["eve"])["ready_date"]) == date(2026, 12, 31)
    assert _day(_by_nip(rows, people["end"])["ready_date"]) == date(2027, 1, 1)
    assert people["late"]["nip"] not in set(rows["nip"])
    wider = _rows(ds, scenario(), horizon=2)
    assert _day(_by_nip(wider, people["late"])["ready_date"]) == date(2027, 1, 2)


def test_bup_before_ready_date_is_not_ready(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    rows = _rows(ds, scenario(), horizon=2)
    assert people["old"]["nip"] not in set(rows["nip"])
    # eligible rules-wise on the tenure day except for the retirement window
    d = check_pair(ds, scenario(tanggal_rencana=date(2026, 9, 5)), people["old"]["nip"], "P")
    assert {c.rule_id for c in d.checks if not c.passed} == {"BUP_DEKAT"}


def test_sanction_end_day_plus_one(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    s = _by_nip(_rows(ds, scenario()), people["sanksi"])
    assert s["category"] == "horizon" and _day(s["ready_date"]) == date(2026, 3, 16)
    assert "HUKDIS_PROMOSI" in s["blockers"]
    assert _eligible_on(ds, people["sanksi"], date(2026, 3, 16))
    assert not _eligible_on(ds, people["sanksi"], date(2026, 3, 15))


def test_blockers_in_the_report_language(inst: tuple[Dataset, dict[str, Any]]) -> None:
    """The blocking rule's values read in the language asked for (the UI's English mode)."""
    ds, people = inst
    s = successors(ds, scenario(), 1, top=20, posts=np.array([ds.post_index["P"]]), lang="en")
    rows = s.rows.assign(nip=ds.pegawai["nip"].to_numpy()[s.rows["person"].to_numpy()])
    blocked = _by_nip(rows, people["sanksi"])["blockers"]
    assert "HUKDIS_PROMOSI" in blocked and "no active" in blocked and "passes" in blocked
    assert "tidak sedang" not in blocked and "lolos" not in blocked
    assert "tidak sedang" in _by_nip(_rows(ds, scenario()), people["sanksi"])["blockers"]


def test_ready_now_development_and_pool(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    sc = scenario()
    rows = _rows(ds, sc)
    now = _by_nip(rows, people["now"])
    assert now["category"] == "sekarang" and _day(now["ready_date"]) == PLAN_DATE
    assert "integritas −1" in now["gaps"] and "kerja sama" not in now["gaps"]
    dev = _by_nip(rows, people["sma"])
    assert dev["category"] == "pengembangan" and "PENDIDIKAN_MIN" in dev["blockers"]
    assert "tugas belajar" in dev["actions"]
    assert people["low"]["nip"] not in set(rows["nip"])
    assert people["holder"]["nip"] not in set(rows["nip"])  # not the own successor
    # siap sekarang is exactly the optimiser's eligible non-stay pairs of the post
    pairs = build_pairs(ds, sc).pairs
    want = pairs[(pairs["jabatan_id"] == "P") & ~pairs["stay"]]["nip"].astype(str)
    assert set(rows[rows["category"] == "sekarang"]["nip"]) == set(want)


def test_bisection_fallback_gives_the_same_dates(
    inst: tuple[Dataset, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ds, _people = inst
    good = _rows(ds, scenario(), horizon=2)

    original = timeline_mod.estimate

    def wrong(rule: Any, f: Any, person: Any, post: Any) -> Any:  # 40 days late: not confirmed
        return original(rule, f, person, post) + np.timedelta64(40, "D")

    monkeypatch.setattr(timeline_mod, "estimate", wrong)
    bad = _rows(ds, scenario(), horizon=2)
    cols = ["post", "person", "category", "ready_date"]
    pd.testing.assert_frame_equal(good[cols], bad[cols])


def test_shifted_facts_equal_a_rebuild_at_that_day(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, _ = inst
    tl = Timeline.of(ds, scenario())
    for day in (date(2026, 9, 5), date(2027, 2, 28), date(2030, 1, 1)):
        assert tl.verify_shift(day) == []
    # a rebuild at another day does differ in the date fields (the check can fail)
    other = Timeline.of(ds, scenario(tanggal_rencana=date(2031, 6, 1)))
    other._cache[date(2026, 1, 1)] = other.base  # pretend nothing moves
    assert set(other.verify_shift(date(2026, 1, 1))) >= {"plan_date", "plan"}


# --- future vacancies -----------------------------------------------------------------------------


def test_retirement_creates_vacancy_on_bup_date(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    v = future_vacancies(ds, scenario(), 2, posts=np.array([ds.post_index["P"]]))
    bup = v[v["reason"] == "bup"]
    assert len(bup) == 1
    assert _day(bup.iloc[0]["date"]) == date(2027, 6, 1)
    assert ds.pegawai.at[int(bup.iloc[0]["holder"]), "nip"] == people["holder"]["nip"]
    assert _day(bup.iloc[0]["date"]).year == 2027
    assert (
        future_vacancies(ds, scenario(), 1, posts=np.array([ds.post_index["P"]]))
        .query("reason == 'bup'")
        .empty
    )


def test_max_tenure_vacancy_is_first_overdue_day(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, people = inst
    v = future_vacancies(ds, scenario(), 2, posts=np.array([ds.post_index["P"]]))
    day = _day(v[v["reason"] == "masa_jabatan_maks"].iloc[0]["date"])
    assert day == date(2027, 1, 2)  # TMT 2022-01-01 + 5 years, then overdue
    nip = str(people["holder"]["nip"])
    assert check_pair(ds, scenario(tanggal_rencana=day), nip, "P").overdue
    assert not check_pair(ds, scenario(tanggal_rencana=day - timedelta(days=1)), nip, "P").overdue


def test_sotk_file_validated_and_listed(
    inst: tuple[Dataset, dict[str, Any]], tmp_path: Path
) -> None:
    ds, _ = inst
    bad = tmp_path / "sotk_salah.csv"
    bad.write_text("jabatan_id,perubahan,tanggal\nP,digabung,2026-05-01\nZZ,dihapus,31-02-2026\n")
    with pytest.raises(PlacementError) as exc:
        read_sotk(bad, ds)
    where = {(i.row, i.column, i.code) for i in exc.value.issues}
    assert (2, "perubahan", "SOTK_PERUBAHAN") in where
    assert (3, "tanggal", "SOTK_TANGGAL") in where
    assert (3, "jabatan_id", "SOTK_JABATAN_TIDAK_ADA") in where
    good = tmp_path / "sotk.csv"
    good.write_text(
        "jabatan_id;perubahan;tanggal;nama_jabatan;unit_kerja\n"
        "Q0;dihapus;01-07-2026;;\nBARU;dibentuk;2027-02-01;Kepala Seksi Baru;Dinas A\n"
    )
    changes, warnings = read_sotk(good, ds)
    assert not warnings and len(changes) == 2
    v = future_vacancies(ds, scenario(), 2, sotk=changes)
    sotk = v[v["reason"].str.startswith("sotk")].set_index("jabatan_id")
    assert _day(sotk.at["Q0", "date"]) == date(2026, 7, 1)
    assert _day(sotk.at["BARU", "date"]) == date(2027, 2, 1) and sotk.at["BARU", "post"] == -1


# --- talent map -----------------------------------------------------------------------------------


def test_talent_counts_equal_a_direct_count() -> None:
    from placement.synth import generate

    ds = generate("tiny", 0)
    counts = talent_counts(ds)
    region = counts[counts["cakupan"] == "Seluruh daerah"].dropna(subset=["kotak"])
    direct = pd.to_numeric(ds.pegawai["talent_box"]).value_counts()
    for box, n in zip(region["kotak"], region["jumlah"], strict=True):
        assert n == direct.get(int(box), 0)
    opds = person_opd(ds)
    for name, group in counts[counts["cakupan"] != "Seluruh daerah"].groupby("cakupan"):
        assert group["jumlah"].sum() == int((opds == name).sum())
    assert counts[counts["kotak"] == 9]["rekomendasi"].iloc[0].startswith("dipromosikan")


def test_box_transition_matrix(inst: tuple[Dataset, dict[str, Any]], tmp_path: Path) -> None:
    ds, people = inst
    rows = [
        ("nip", "kotak_talenta"),
        (people["x"]["nip"], "5"),
        (people["low"]["nip"], "9"),
        ("199001012015011001", "7"),
    ]
    (tmp_path / "pegawai.csv").write_text("\n".join(",".join(r) for r in rows) + "\n")
    prev = read_previous_round(tmp_path)
    m = box_transitions(ds, prev).set_index("kotak sebelumnya \\ sekarang")
    assert m.at["5", "8"] == 1  # x: 5 → 8
    assert m.at["9", "5"] == 1  # low: 9 → 5
    assert m.at["7", "tidak ada di putaran"] == 1
    assert m.at["tidak ada di putaran", "8"] == ds.n_people - 2  # the others: only now, box 8
    assert m.at["jumlah", "jumlah"] == ds.n_people + 1
    (tmp_path / "pegawai.csv").write_text("nip,kotak_talenta\n123,12\n123,3\n")
    with pytest.raises(PlacementError) as exc:
        read_previous_round(tmp_path)
    assert {(i.row, i.code) for i in exc.value.issues} == {
        (2, "PUTARAN_KOTAK"),
        (3, "PUTARAN_NIP_GANDA"),
    }


# --- sheets and CLI ---------------------------------------------------------------------------------


def test_sheets_library_function(inst: tuple[Dataset, dict[str, Any]]) -> None:
    ds, _ = inst
    sheets = succession_sheets(ds, scenario(), 2, top=3, jabatan_ids=["P"], names=True)
    assert {"Suksesi", "Lowong Mendatang", "Peta Talenta", "Kekuatan Suksesi"} <= set(sheets)
    bench = sheets["Kekuatan Suksesi"].iloc[0]
    assert bench["jabatan_id"] == "P" and bench["siap_sekarang"] >= 1
    assert (sheets["Suksesi"].groupby("kesiapan").size() <= 3).all()
    vac = sheets["Lowong Mendatang"]
    assert list(vac["alasan"]) == [
        "melewati masa jabatan maksimum (dapat diperpanjang)",
        "batas usia pensiun (BUP)",
    ]
    en = succession_sheets(ds, scenario(), 2, jabatan_ids=["P"], lang="en")
    assert "readiness" in en["Suksesi"].columns


def _cli(args: list[str]) -> Any:
    from placement.cli.base import main

    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_cli_tiny_preset_writes_xlsx(tmp_path: Path) -> None:
    data, out = tmp_path / "t", tmp_path / "suksesi.xlsx"
    assert _cli(["generate", "--preset", "tiny", "--out", str(data)]).exit_code == 0
    res = _cli(["succession", str(data), "--date", "2026-07-01", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "Suksesi per 1 Juli 2026" in res.output and "siap sekarang" in res.output
    book = load_workbook(out, read_only=True)
    assert {"Suksesi", "Lowong Mendatang", "Peta Talenta", "Kekuatan Suksesi"} <= set(
        book.sheetnames
    )
    book.close()
    bad = _cli(["succession", str(data), "--jabatan", "TIDAK-ADA"])
    assert bad.exit_code == 1
    assert "JABATAN_TIDAK_ADA" in bad.output and "TIDAK-ADA" in bad.output
    assert "Contoh:" in _cli(["succession", "--help"]).output
