"""Synthetic regions: sizes, realism statistics, internal consistency, determinism, CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.domain.grades import EDUCATION_RANK, ESELON_MIN_GRADE, ESELON_TYPE, grade_rank
from placement.domain.model import Dataset
from placement.domain.nip import make_nip, parse_nip
from placement.domain.rumpun import fits, jf_field, load_tables, major_field, people_fields
from placement.domain.schema import MANAGERIAL_COMPETENCIES
from placement.io.readers import load_dataset
from placement.synth import PRESETS, generate, generate_for_structure, preset_plan_date
from placement.synth.nips import make_nips

PLAN = pd.Timestamp(date(2026, 7, 1))
KIND_OF = {
    "JPT": ("JPT_PRATAMA", "JPT_MADYA"),
    "ADMINISTRATOR": ("ADMINISTRATOR",),
    "PENGAWAS": ("PENGAWAS",),
}


@pytest.fixture(scope="module")
def kab() -> Dataset:
    return generate("kabupaten", seed=0)


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return generate("tiny", seed=0)


def holders(ds: Dataset) -> pd.DataFrame:
    """Holders joined with their post."""
    post = ds.jabatan[["jabatan_id", "eselon", "jenis_jabatan", "rumpun"]]
    return ds.pegawai[ds.pegawai["jabatan_id"].notna()].merge(
        post, on="jabatan_id", suffixes=("", "_post")
    )


def years(since: pd.Series) -> pd.Series:
    days: pd.Series = (PLAN - since).dt.days
    return days / 365.25


# --- presets and sizes --------------------------------------------------------------------


def test_every_preset_has_the_fixed_plan_date() -> None:
    for name in PRESETS:
        assert preset_plan_date(name) == date(2026, 7, 1)
    with pytest.raises(ValueError, match="unknown preset"):
        preset_plan_date("kota")


def test_kabupaten_posts_per_level_near_targets(kab: Dataset) -> None:
    counts = kab.jabatan["jenis_jabatan"].value_counts()
    for kind, target in PRESETS["kabupaten"].targets.items():
        n = int(counts.reindex(KIND_OF[kind]).fillna(0).sum())
        assert abs(n - target) <= 0.10 * target, (kind, n, target)
    assert 38 <= kab.jabatan["opd"].nunique() <= 50
    assert abs(kab.n_people - 3000) <= 30


def test_kabupaten_post_table_is_well_formed(kab: Dataset) -> None:
    jab = kab.jabatan
    assert jab["jabatan_id"].is_unique
    assert not jab.duplicated(["opd", "name"]).any()
    assert (jab["eselon"].map(lambda e: str(ESELON_TYPE[e])) == jab["jenis_jabatan"]).all()
    assert (jab["eselon"] == "II.a").sum() == 1  # one sekda
    assert set(jab["rumpun"]) <= set(load_tables().fields)
    assert set(jab["priority"]) == {1, 2, 3}
    assert 0.08 <= jab["must_fill"].mean() <= 0.12


def test_tiny_is_small_and_has_the_cases_to_check_by_hand(tiny: Dataset) -> None:
    jab, peg = tiny.jabatan, tiny.pegawai
    assert jab["jenis_jabatan"].value_counts().to_dict() == {
        "PENGAWAS": 8,
        "ADMINISTRATOR": 3,
        "JPT_PRATAMA": 1,
    }
    assert jab["opd"].nunique() == 2 and 25 <= len(peg) <= 35
    held = holders(tiny)
    assert 1 <= len(jab) - len(held) <= 3  # some vacancies
    assert (years(held["tmt_jabatan"]) > 5).any()  # overdue incumbent
    sanctioned = peg["discipline"].isin(["sedang", "berat"]) & (peg["discipline_until"] > PLAN)
    assert sanctioned.any()
    assessed = set(tiny.kompetensi["nip"])
    pool = peg[peg["jabatan_id"].isna() & (peg["status"] == "PNS") & peg["nip"].isin(assessed)]
    for level in (0, 1, 2):
        assert (pool[pool["level"] == level]["talent_box"] >= 7).any(), level


def test_provinsi_shape() -> None:
    ds = generate("provinsi", seed=1)
    counts = ds.jabatan["jenis_jabatan"].value_counts()
    assert ds.n_people == 20_000 and 4_500 <= ds.n_posts <= 5_500
    assert counts["JPT_MADYA"] == 1
    assert (ds.jabatan.loc[ds.jabatan["name"] == "Sekretaris Daerah", "eselon"] == "I.b").all()


# --- statistics -----------------------------------------------------------------------------


def test_vacancy_share(kab: Dataset) -> None:
    assert 0.10 <= 1 - len(holders(kab)) / kab.n_posts <= 0.15


def test_talent_pool_share(kab: Dataset) -> None:
    assert 0.20 <= (kab.pegawai["talent_box"] >= 7).mean() <= 0.35
    assert set(kab.pegawai["talent_box"]) <= set(range(1, 10))


def test_holders_meet_golongan_minimum_with_few_exceptions(kab: Dataset) -> None:
    held = holders(kab)
    ok = [
        grade_rank(g) >= grade_rank(ESELON_MIN_GRADE[e])
        for g, e in zip(held["golongan"], held["eselon"], strict=True)
    ]
    assert 0.98 <= np.mean(ok) < 1.0


def test_competency_correlates_with_talent_box(kab: Dataset) -> None:
    mean = kab.kompetensi.groupby("nip")["level"].mean()
    box = kab.pegawai.set_index("nip").loc[mean.index, "talent_box"]
    assert np.corrcoef(mean.to_numpy(), box.to_numpy())[0, 1] >= 0.5


def test_competency_tables(kab: Dataset) -> None:
    komp, std = kab.kompetensi, kab.standar
    assert set(komp["competency"]) == set(MANAGERIAL_COMPETENCIES)
    assert komp["level"].between(1, 5).all() and std["level"].between(1, 5).all()
    assert np.allclose(komp["level"], komp["level"].round(2))
    assert (komp.groupby("nip").size() == len(MANAGERIAL_COMPETENCIES)).all()
    assert 0.01 <= 1 - komp["nip"].nunique() / kab.n_people <= 0.03
    assert 0.02 <= 1 - std["jabatan_id"].nunique() / kab.n_posts <= 0.04
    by_kind = std.merge(kab.jabatan[["jabatan_id", "jenis_jabatan"]]).groupby("jenis_jabatan")
    means = by_kind["level"].mean()
    assert means["PENGAWAS"] < means["ADMINISTRATOR"] < means["JPT_PRATAMA"]
    profiles = std.pivot(index="jabatan_id", columns="competency", values="level")
    assert len(profiles.drop_duplicates()) > 0.3 * len(profiles)  # posts differ


def test_population_mix(kab: Dataset) -> None:
    peg = kab.pegawai
    assert 0.04 <= (peg["status"] == "PPPK").mean() <= 0.06
    assert 0.008 <= peg["discipline"].isin(["sedang", "berat"]).mean() <= 0.015
    assert (peg.loc[peg["discipline"].notna(), "discipline_until"] > PLAN).all()
    good = peg["skp_1"].isin(["baik", "sangat baik"]) & peg["skp_2"].isin(["baik", "sangat baik"])
    assert good.mean() >= 0.75
    jf = peg[peg["jenis_jabatan"] == "FUNGSIONAL"]
    assert {"ahli pertama", "ahli muda", "ahli madya", "terampil"} <= set(jf["jenjang"])


def test_education_by_level(kab: Dataset) -> None:
    held = holders(kab)
    rank = held["education"].map(EDUCATION_RANK)
    upper = held["jenis_jabatan"].isin(["JPT_PRATAMA", "ADMINISTRATOR"])
    assert (rank[upper] >= EDUCATION_RANK["S1"]).all()
    assert (rank[~upper] >= EDUCATION_RANK["D3"]).mean() >= 0.95


def test_job_fit_only_for_jpt_holders(kab: Dataset) -> None:
    peg = kab.pegawai
    jpt = peg["jabatan_id"].notna() & peg["jenis_jabatan"].str.startswith("JPT")
    assert peg.loc[jpt, "job_fit"].notna().all() and peg.loc[~jpt, "job_fit"].isna().all()
    assert (peg.loc[jpt, "job_fit"] != "kurang optimal").mean() >= 0.75


def test_fields_follow_posts(kab: Dataset) -> None:
    held = holders(kab)
    t = load_tables()
    people = people_fields(
        held["major"].tolist(), held["name"].tolist(), held["post_name"].tolist(), t
    )
    match = [fits(r, p, t) for r, p in zip(held["rumpun"], people, strict=True)]
    assert sum(match) / len(match) >= 0.75


def test_jurusan_gelar_and_jf_name_agree_and_follow_the_opd(kab: Dataset) -> None:
    """One field per person drives jurusan, titles and JF name; health staff sit mostly in
    Dinas Kesehatan and the RSUD; every JF / pelaksana has a post name (nama_jabatan)."""
    peg, t = kab.pegawai, load_tables()
    pool = peg[peg["jabatan_id"].isna()]
    assert (
        pool["post_name"].notna().all()
        and peg.loc[peg["jabatan_id"].notna(), "post_name"].isna().all()
    )
    jf = pool[pool["jenis_jabatan"] == "FUNGSIONAL"]
    both = [
        (major_field(m, t), jf_field(n, t))
        for m, n in zip(jf["major"], jf["post_name"], strict=True)
    ]
    known = [(a, b) for a, b in both if a and b]
    assert len(known) > 100 and sum(a == b for a, b in known) / len(known) >= 0.95
    health = [jf_field(n, t) == "kesehatan" for n in pool["post_name"]]
    units = pool.loc[health, "unit"].str.contains("Kesehatan|RSUD")
    assert units.mean() >= 0.6
    named = [
        (major_field(m, t), fs)
        for m, fs in zip(
            peg["major"],
            people_fields(peg["major"].tolist(), peg["name"].tolist(), [None] * len(peg), t),
            strict=True,
        )
    ]
    assert sum(m in ("", "umum") or m in fs for m, fs in named) / len(named) >= 0.99


# --- consistency ----------------------------------------------------------------------------


def test_nips_match_birth_date_gender_and_status(kab: Dataset) -> None:
    peg = kab.pegawai
    assert peg["nip"].is_unique
    infos = [parse_nip(n) for n in peg["nip"]]
    assert [i.birth_date for i in infos] == [b.date() for b in peg["birth_date"]]
    assert [i.gender for i in infos] == peg["gender"].tolist()
    assert [i.is_pppk for i in infos] == (peg["status"] == "PPPK").tolist()


def test_vectorised_nips_equal_make_nip() -> None:
    birth = np.array(["1970-01-31", "1985-12-05", "1999-02-28"], dtype="datetime64[D]")
    tmt = np.array(["1995-03-01", "2010-12-01", "2022-01-01"], dtype="datetime64[D]")
    female = np.array([False, True, True])
    pppk = np.array([False, False, True])
    got = make_nips(birth, tmt, female, pppk)
    assert got[0] == make_nip(date(1970, 1, 31), date(1995, 3, 1), "L", 1)
    assert got[1] == make_nip(date(1985, 12, 5), date(2010, 12, 1), "P", 1)
    assert got[2] == "199902282022212001" and parse_nip(got[2]).is_pppk
    same = make_nips(birth[[0, 0]], tmt[[0, 0]], female[[0, 0]], pppk[[0, 0]])
    assert same[0] != same[1]


def test_one_holder_per_post_and_no_pppk_holder(kab: Dataset) -> None:
    held = holders(kab)
    assert held["jabatan_id"].is_unique
    assert (held["status"] == "PNS").all()
    assert (held["jenis_jabatan"] == held["jenis_jabatan_post"]).all()
    opd = kab.jabatan.set_index("jabatan_id")["opd"]
    assert (held["unit"] == held["jabatan_id"].map(opd)).all()


def test_dates_are_consistent(kab: Dataset) -> None:
    peg = kab.pegawai
    start = peg["tmt_cpns"].fillna(peg["tmt_golongan"])  # PPPK: appointment
    for col in ("tmt_golongan", "tmt_jabatan", "tmt_jenjang"):
        assert (peg[col] >= start).all() and (peg[col] <= PLAN).all(), col
    assert (peg["tmt_jenjang"] <= peg["tmt_jabatan"]).all()
    assert (peg["bup_date"] > PLAN).all()
    retiring = (peg["bup_date"] - PLAN).dt.days < 365
    assert 0.005 <= retiring.mean() <= 0.08
    tenure = years(holders(kab)["tmt_jabatan"])
    assert tenure.max() <= 8.01 and 0.1 <= (tenure > 5).mean() <= 0.35
    assert 0.15 <= (tenure < 2).mean() <= 0.45


def test_golongan_fits_years_of_service(kab: Dataset) -> None:
    pns = kab.pegawai[kab.pegawai["status"] == "PNS"]
    service = years(pns["tmt_cpns"])
    entry = pns["education"].map(
        {"SD": 0, "SMP": 2, "SMA": 4, "D3": 6, "D4": 8, "S1": 8, "S2": 9, "S3": 10}
    )
    steps = pns["golongan"].map(grade_rank) - entry
    assert (steps <= service / 2 + 1).all()
    assert (pns["golongan"].map(grade_rank) >= grade_rank("I/a")).all()


# --- determinism and own structure ----------------------------------------------------------


def test_same_seed_same_frames_other_seed_other_people(kab: Dataset) -> None:
    again = generate("kabupaten", seed=0)
    for attr in ("pegawai", "jabatan", "kompetensi", "standar"):
        pd.testing.assert_frame_equal(getattr(kab, attr), getattr(again, attr))
    other = generate("kabupaten", seed=1)
    assert other.pegawai["nip"].tolist() != kab.pegawai["nip"].tolist()


def test_generate_for_structure_populates_own_posts(kab: Dataset) -> None:
    own = kab.jabatan[["jabatan_id", "name", "opd", "jenis_jabatan", "eselon"]].head(200)
    ds = generate_for_structure(own, seed=4)
    held = holders(ds)
    assert ds.jabatan["jabatan_id"].tolist() == own["jabatan_id"].tolist()
    assert abs(len(held) / len(own) - 0.88) <= 0.02
    assert len(ds.pegawai) - len(held) == 2 * len(own)
    assert ds.jabatan["rumpun"].notna().all() and ds.standar["jabatan_id"].nunique() > 180
    with pytest.raises(ValueError, match="eselon"):
        generate_for_structure(own.drop(columns="eselon"), seed=0)
    wrong = own.assign(eselon=own["eselon"].where(own.index != 3, "IV.c"))
    with pytest.raises(ValueError, match="bad rows: 3"):
        generate_for_structure(wrong, seed=0)


# --- CLI ------------------------------------------------------------------------------------


def test_cli_writes_files_that_load_back(tmp_path: Path) -> None:
    out = tmp_path / "tiny"
    result = CliRunner().invoke(main, ["generate", "--preset", "tiny", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "pegawai : 30" in result.output and "lowong" in result.output
    ds, issues = load_dataset(out)
    assert all(i.severity == "warning" for i in issues)
    assert ds.pegawai["nip"].tolist() == generate("tiny", 0).pegawai["nip"].tolist()


def test_cli_own_jabatan_file_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    src = tmp_path / "src"
    assert runner.invoke(main, ["generate", "--preset", "tiny", "--out", str(src)]).exit_code == 0
    args = ["generate", "--jabatan", str(src / "jabatan.csv"), "--out", str(tmp_path / "own")]
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "posts     : 12" in result.output
    assert runner.invoke(main, ["generate", "--out", str(tmp_path / "x")]).exit_code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id jabatan,nama jabatan,opd,jenis jabatan,eselon,wajib_isi\nA,B,C,PENGAWAS,IV.c,ya\n"
    )
    result = runner.invoke(main, ["generate", "--jabatan", str(bad), "--out", str(tmp_path / "y")])
    assert result.exit_code == 1 and "ESELON" in result.output
    assert not (tmp_path / "y").exists()
