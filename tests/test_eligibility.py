"""Eligibility engine: scope, candidates, the PairTable contract, refusal accounting, agreement of
the blocked/vectorised build_pairs with check_pair (hypothesis), the kabupaten preset, the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from builders import (
    PLAN_DATE,
    dataset,
    person,
    post,
    random_dataset_strategy,
    random_scenario_strategy,
    scenario,
)
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.rules import (
    assess_person,
    assess_post,
    build_pairs,
    check_pair,
    refused_for_person,
    refused_for_post,
)
from placement.rules.eligibility import PAIR_COLUMNS, REFUSED_COLUMNS, PairTable
from placement.rules.registry import rule_set


def _small() -> tuple[Dataset, list[dict[str, Any]], list[dict[str, Any]]]:
    a = post(jabatan_id="A", eselon="IV.a", opd="Dinas A")
    b = post(jabatan_id="B", eselon="IV.b", opd="Dinas B")
    c = post(jabatan_id="C", eselon="III.b", opd="Dinas B")
    v = post(jabatan_id="V", eselon="IV.a", opd="Dinas A")  # vacant
    people = [
        person(holds=a, golongan="III/d"),
        person(holds=b, golongan="III/c"),
        person(holds=c, golongan="IV/a"),
        person(golongan="III/c"),
        person(golongan="III/a"),
        person(jenis_jabatan="FUNGSIONAL", jenjang="ahli muda", golongan="III/d"),
    ]
    posts = [a, b, c, v]
    return dataset(people, posts), people, posts


# --- contract ------------------------------------------------------------------------------------------


def test_pair_table_contract() -> None:
    ds, _, _ = _small()
    t = build_pairs(ds, scenario())
    assert isinstance(t, PairTable)
    assert tuple(t.pairs.columns) == PAIR_COLUMNS
    assert t.pairs["person"].dtype == np.int32 and t.pairs["post"].dtype == np.int32
    assert t.pairs["stay"].dtype == bool and t.pairs["shortlist_only"].dtype == bool
    for col in (
        "jpm",
        "box_value",
        "education_match",
        "fit",
        "post_value",
        "move_cost",
        "overdue_penalty",
        "total",
    ):
        assert t.pairs[col].dtype == np.float64
    keys = list(zip(t.pairs["post"], t.pairs["person"], strict=True))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert set(t.pairs["move_type"]) <= {
        "tetap",
        "promosi",
        "rotasi",
        "mutasi",
        "demosi",
        "alih_jenis",
    }
    assert (t.pairs["nip"] == ds.pegawai["nip"].to_numpy()[t.pairs["person"]]).all()
    assert (t.pairs["jabatan_id"] == ds.jabatan["jabatan_id"].to_numpy()[t.pairs["post"]]).all()
    terms = t.pairs
    assert np.allclose(
        terms["total"],
        terms["post_value"] + terms["fit"] - terms["move_cost"] - terms["overdue_penalty"],
    )
    assert t.plan_date == PLAN_DATE and t.relaxed == []
    assert list(t.refusal_counts.columns) == ["rule_id", "count"]
    assert list(t.refusals_by_post.columns) == ["post", "rule_id", "count"]
    assert t.posts.tolist() == [0, 1, 2, 3]
    assert t.candidates.tolist() == list(range(6))


def test_every_holder_keeps_a_stay_pair() -> None:
    ds, people, _ = _small()
    pairs = build_pairs(ds, scenario()).pairs
    stays = pairs[pairs["stay"]]
    assert sorted(stays["nip"]) == sorted(p["nip"] for p in people[:3])
    assert (stays["move_type"] == "tetap").all() and (stays["move_cost"] == 0).all()


def test_refusals_partition_the_cross_product() -> None:
    ds, _, _ = _small()
    t = build_pairs(ds, scenario())
    assert len(t.pairs) + int(t.refusal_counts["count"].sum()) == t.cross_size == 6 * 4
    by_post = t.refusals_by_post.groupby("rule_id")["count"].sum()
    totals = t.refusal_counts.set_index("rule_id")["count"]
    assert (by_post.reindex(totals.index, fill_value=0) == totals).all()


def test_chunking_does_not_change_the_result() -> None:
    ds, _, _ = _small()
    whole = build_pairs(ds, scenario())
    tiny = build_pairs(ds, scenario(), chunk_pairs=1)
    pd.testing.assert_frame_equal(whole.pairs, tiny.pairs)
    pd.testing.assert_frame_equal(whole.refusal_counts, tiny.refusal_counts)
    pd.testing.assert_frame_equal(whole.refusals_by_post, tiny.refusals_by_post)


# --- scope -------------------------------------------------------------------------------------------------


def test_scope_by_opd_excludes_other_posts_and_their_holders() -> None:
    ds, people, _ = _small()
    t = build_pairs(ds, scenario(lingkup={"opd": ["dinas a"]}))
    assert ds.jabatan["jabatan_id"].to_numpy()[t.posts].tolist() == ["A", "V"]
    # holders of B and C (Dinas B) are not candidates
    assert people[1]["nip"] not in set(ds.pegawai["nip"].to_numpy()[t.candidates])
    assert set(t.pairs["jabatan_id"]) <= {"A", "V"}
    d = check_pair(ds, scenario(lingkup={"opd": ["Dinas A"]}), people[1]["nip"], "A")
    assert not d.in_scope and not d.eligible


def test_scope_by_kind() -> None:
    ds, _, _ = _small()
    t = build_pairs(ds, scenario(lingkup={"jenis_jabatan": ["ADMINISTRATOR"]}))
    assert ds.jabatan["jabatan_id"].to_numpy()[t.posts].tolist() == ["C"]


def test_unknown_opd_in_scope_is_a_user_error() -> None:
    ds, _, _ = _small()
    with pytest.raises(PlacementError) as exc:
        build_pairs(ds, scenario(lingkup={"opd": ["Dinas Z"]}))
    assert exc.value.issues[0].code == "LINGKUP_OPD"


def test_unknown_nip_or_post_is_a_user_error() -> None:
    ds, people, _ = _small()
    with pytest.raises(PlacementError):
        check_pair(ds, scenario(), "199901012020011999", "A")
    with pytest.raises(PlacementError):
        check_pair(ds, scenario(), people[0]["nip"], "ZZZ")


# --- explanations --------------------------------------------------------------------------------------------


def test_assess_post_matches_build_pairs_and_lists_refusals() -> None:
    ds, people, _ = _small()
    sc = scenario()
    t = build_pairs(ds, sc)
    for row in t.posts:
        a = assess_post(ds, sc, int(row))
        mine = t.pairs[t.pairs["post"] == row].sort_values("person").reset_index(drop=True)
        theirs = a.eligible.sort_values("person").reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, theirs)
        assert tuple(a.refused.columns) == REFUSED_COLUMNS
    refused = refused_for_post(ds, sc, 0)
    low = refused[refused["nip"] == people[4]["nip"]]
    assert low["rule_id"].tolist() == ["GOL_MIN_ESELON"]
    assert (low["actual"].iloc[0], low["threshold"].iloc[0]) == ("III/a", "III/b")


def test_assess_person_ranks_posts_and_explains_the_rest() -> None:
    ds, _people, _ = _small()
    a = assess_person(ds, scenario(), 0)  # holder of A (IV.a, III/d)
    assert a.eligible["total"].is_monotonic_decreasing
    assert "A" in set(a.eligible["jabatan_id"])
    refused = refused_for_person(ds, scenario(), 0)
    assert set(refused["jabatan_id"]) == {"B"}  # IV.b is a demotion
    assert refused["rule_id"].tolist() == ["DEMOSI"]


def test_post_ranking_prefers_incumbent_then_seniority_on_ties() -> None:
    a = post(jabatan_id="A", opd="Dinas A")
    b = post(jabatan_id="B", opd="Dinas A")
    holder = person(holds=a, golongan="III/d", tmt_golongan=date(2020, 1, 1))
    senior = person(holds=b, golongan="III/d", tmt_golongan=date(2010, 1, 1))
    ds = dataset([holder, senior], [a, b], default_level=3.0)
    sc = scenario(bobot={"biaya_perpindahan": {"rotasi": 0.0}})
    ranked = assess_post(ds, sc, 0).eligible
    assert ranked["nip"].tolist() == [holder["nip"], senior["nip"]]


# --- properties ----------------------------------------------------------------------------------------------


def _pairs_by_check(ds: Dataset, sc: Skenario, t: PairTable, sample: list[tuple[int, int]]) -> None:
    lookup = {
        (int(p), int(j)): r
        for p, j, r in zip(t.pairs["person"], t.pairs["post"], range(len(t.pairs)), strict=True)
    }
    for p, j in sample:
        d = check_pair(ds, sc, str(ds.pegawai.at[p, "nip"]), str(ds.jabatan.at[j, "jabatan_id"]))
        assert d.eligible == ((p, j) in lookup), (p, j, [c for c in d.checks if not c.passed])
        assert d.eligible == all(c.passed for c in d.checks)
        if d.eligible:
            row = t.pairs.iloc[lookup[(p, j)]]
            assert d.move_type == row["move_type"]
            assert d.shortlist_only == bool(row["shortlist_only"])
            assert d.overdue == bool(row["overdue_penalty"] > 0)


@settings(max_examples=40)
@given(ds=random_dataset_strategy(), sc=random_scenario_strategy(), data=st.data())
def test_build_pairs_agrees_with_check_pair(ds: Dataset, sc: Skenario, data: st.DataObject) -> None:
    t = build_pairs(ds, sc)
    cross = [(int(p), int(j)) for p in t.candidates for j in t.posts]
    sample = data.draw(st.lists(st.sampled_from(cross), max_size=6, unique=True)) if cross else []
    _pairs_by_check(ds, sc, t, sample)
    # the whole cross product through the explanation path (same rule functions, no blocking)
    first_rule: dict[tuple[int, int], str] = {}
    for j in t.posts:
        a = assess_post(ds, sc, int(j))
        got = a.eligible[np.isin(a.eligible["person"], t.candidates)]
        mine = t.pairs[t.pairs["post"] == j]
        assert sorted(got["person"]) == sorted(mine["person"])
        pd.testing.assert_frame_equal(
            got.sort_values("person").reset_index(drop=True), mine.reset_index(drop=True)
        )
        for (p, jj), g in a.refused.groupby(["person", "post"], sort=False):
            first_rule[(int(p), int(jj))] = str(g["rule_id"].iloc[0])
    # refusal accounting: once per pair, under the first failing rule in pack order
    assert len(t.pairs) + int(t.refusal_counts["count"].sum()) == t.cross_size
    expected = pd.Series(list(first_rule.values()), dtype=object).value_counts()
    got_counts = t.refusal_counts.set_index("rule_id")["count"]
    assert (got_counts[got_counts > 0].sort_index() == expected.sort_index()).all()
    assert set(got_counts[got_counts > 0].index) == set(expected.index)


@settings(max_examples=25)
@given(ds=random_dataset_strategy(), sc=random_scenario_strategy())
def test_stays_always_eligible_and_terms_in_unit_interval(ds: Dataset, sc: Skenario) -> None:
    t = build_pairs(ds, sc)
    holders = ds.pegawai["jabatan_id"].notna().sum()
    assert int(t.pairs["stay"].sum()) == holders
    for col in ("box_value", "education_match", "fit"):
        assert t.pairs[col].between(0, 1).all(), col
    jpm = t.pairs["jpm"].dropna()
    assert jpm.between(0, 1).all()


# --- the kabupaten preset ---------------------------------------------------------------------------------------


def test_kabupaten_preset_pair_count() -> None:
    from placement.synth import generate

    ds = generate("kabupaten", 0)
    sc = Skenario(tanggal_rencana=date(2026, 7, 1))
    t = build_pairs(ds, sc)  # timing lives in benchmarks/, not in tests
    assert ds.n_people >= 2500 and len(t.posts) >= 900
    assert len(t.pairs) + int(t.refusal_counts["count"].sum()) == t.cross_size
    assert 0.02 * t.cross_size < len(t.pairs) < 0.5 * t.cross_size
    stays = int(t.pairs["stay"].sum())
    assert stays == int(ds.pegawai["jabatan_id"].isin(ds.jabatan["jabatan_id"]).sum())
    assert t.pairs["shortlist_only"].any()


# --- CLI ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def cli_data(monkeypatch: pytest.MonkeyPatch) -> tuple[Dataset, list[dict[str, Any]]]:
    ds, people, _ = _small()
    from placement.cli import eligibility_cmd

    def fake_load(data_dir: Path | None, scenario_file: Path | None, plan_date: Any) -> Any:
        sc = Skenario(tanggal_rencana=plan_date.date() if plan_date else PLAN_DATE)
        return ds, sc, []

    monkeypatch.setattr(eligibility_cmd, "_load", fake_load)
    return ds, people


def _run(args: list[str]) -> Any:
    from placement.cli.base import main

    return CliRunner().invoke(main, ["eligibility", *args], catch_exceptions=False)


def test_cli_post_table(cli_data: tuple[Dataset, list[dict[str, Any]]]) -> None:
    _ds, people = cli_data
    res = _run(["--jabatan", "A"])
    assert res.exit_code == 0, res.output
    assert "LAYAK" in res.output and "DITOLAK" in res.output
    assert "GOL_MIN_ESELON (III/a | III/b)" in res.output
    assert people[4]["nip"] in res.output


def test_cli_person_json_and_english(cli_data: tuple[Dataset, list[dict[str, Any]]]) -> None:
    _ds, people = cli_data
    res = _run(["--nip", people[0]["nip"], "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["info"]["nip"] == people[0]["nip"]
    assert {r["jabatan_id"] for r in payload["eligible"]} >= {"A"}
    (refused,) = payload["refused"]
    assert refused["jabatan_id"] == "B"
    assert refused["failed_rules"][0]["rule"] == "DEMOSI"
    assert "NOT met" in refused["failed_rules"][0]["message"]


def test_cli_csv_and_xlsx_files(
    cli_data: tuple[Dataset, list[dict[str, Any]]], tmp_path: Path
) -> None:
    out = tmp_path / "k.csv"
    assert _run(["--jabatan", "A", "--format", "csv", "--out", str(out)]).exit_code == 0
    frame = pd.read_csv(out, dtype=str)
    assert {"layak", "ditolak"} <= set(frame["status"])
    assert frame["jpm_persen"].dropna().iloc[0] == "100.0"
    xlsx = tmp_path / "k.xlsx"
    assert _run(["--jabatan", "A", "--format", "xlsx", "--out", str(xlsx)]).exit_code == 0
    sheets = pd.read_excel(xlsx, sheet_name=None, dtype=str)
    assert set(sheets) == {"Info", "Layak", "Ditolak"}


def test_cli_usage_errors(cli_data: tuple[Dataset, list[dict[str, Any]]]) -> None:
    assert _run([]).exit_code == 2
    assert _run(["--jabatan", "A", "--nip", "1"]).exit_code == 2
    assert _run(["--jabatan", "A", "--format", "xlsx"]).exit_code == 2
    res = _run(["--jabatan", "ZZZ"])
    assert res.exit_code == 1 and "JABATAN_TIDAK_ADA" in res.output


def test_cli_date_overrides_the_scenario(cli_data: tuple[Dataset, list[dict[str, Any]]]) -> None:
    res = _run(["--jabatan", "A", "--date", "2030-01-01", "--format", "json"])
    assert json.loads(res.output)["info"]["tanggal_rencana"] == "2030-01-01"


def test_rule_set_of_cli_scenario_is_valid() -> None:
    assert rule_set(scenario()).pack == "kabupaten"
