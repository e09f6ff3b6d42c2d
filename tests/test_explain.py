"""Per-move explanations, alternatives, why-not and approvals on hand-made instances."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from placement.api import Result, solve
from placement.cli import main
from placement.config import Kunci
from placement.domain.model import Dataset
from placement.plan.explain import (
    BOX_RECOMMENDATION,
    alternatives,
    alternatives_table,
    explain_move,
    why_not,
)
from placement.solver.problem import SCALE
from tests.builders import dataset, failed, person, post, scenario

STD = {"integritas": 4.0, "kerja sama": 3.0}


def instance() -> tuple[Dataset, dict[str, Any]]:
    """One vacant IV.a post, an incumbent elsewhere, three candidates of different quality."""
    a = post(name="Kepala Seksi A")
    v = post(name="Kepala Seksi Lowong", priority=1)
    h = person(holds=a, talent_box=7)
    q1 = person(talent_box=9)
    q2 = person(talent_box=8)
    q3 = person(talent_box=7)
    bad = person(golongan="III/a", talent_box=5)
    komp = {
        1: {"integritas": 3.0, "kerja sama": 3.0},
        2: {"integritas": 4.0, "kerja sama": 2.0},
        3: {"integritas": 2.0, "kerja sama": 2.0},
    }
    ds = dataset(
        [h, q1, q2, q3, bad], [a, v], komp=komp, std={v["jabatan_id"]: STD, a["jabatan_id"]: STD}
    )
    return ds, {"a": a, "v": v, "h": h, "q1": q1, "q2": q2, "q3": q3, "bad": bad}


@pytest.fixture(scope="module")
def solved() -> tuple[Dataset, dict[str, Any], Result]:
    ds, ids = instance()
    return ds, ids, solve(ds, scenario())


def test_explanation_numbers_equal_recomputed_values(solved: Any) -> None:
    ds, ids, result = solved
    sc = result.scenario
    v = ids["v"]["jabatan_id"]
    row = result.plan[result.plan["jabatan_tujuan_id"] == v].iloc[0]
    assert row["nip"] == ids["q1"]["nip"]
    e = explain_move(ds, sc, result, ids["q1"]["nip"])
    assert e.move_type == "promosi" and e.jabatan_tujuan_id == v and e.jabatan_asal_id is None
    # JPM by hand: (min(3,4) + min(3,3)) / (4 + 3)
    assert e.jpm is not None and e.jpm.jpm == pytest.approx(6 / 7)
    gaps = dict(zip(e.jpm.gaps["competency"], e.jpm.gaps["gap"], strict=True))
    assert gaps == {"integritas": -1.0, "kerja sama": 0.0}
    assert e.jpm.category == "memenuhi"  # 85.7 % ≥ 80 %
    terms = {t.term: t for t in e.terms}
    b = sc.bobot
    assert terms["jpm"].contribution == pytest.approx(b.jpm * 6 / 7)
    assert terms["box_value"].contribution == pytest.approx(b.kotak_talenta * 1.0)
    assert terms["education_match"].contribution == pytest.approx(b.pendidikan * 1.0)
    assert terms["post_value"].contribution == pytest.approx(b.nilai_jabatan_terisi[1])
    assert terms["move_cost"].contribution == pytest.approx(-b.biaya_perpindahan["promosi"])
    expected = 3.0 + 0.6 * 6 / 7 + 0.3 + 0.1 - 0.03
    assert e.total == pytest.approx(expected)
    assert e.total == pytest.approx(row["skor"], abs=1e-6)
    assert e.talent_box == 9 and e.box_recommendation_id == BOX_RECOMMENDATION[9][0]
    assert "suksesi" in (e.box_recommendation_id or "")
    assert e.checks and all(c.passed for c in e.checks)
    gol = next(c for c in e.checks if c.rule_id == "GOL_MIN_ESELON")
    assert (gol.actual, gol.threshold) == ("III/c", "III/b") and gol.legal_basis
    assert list(e.chain["nip"]) == [ids["q1"]["nip"]] and list(e.chain["jabatan_tujuan_id"]) == [v]
    # a stay has no move cost and the incumbent's own post
    stay = explain_move(ds, sc, result.plan, ids["h"]["nip"])
    assert stay.move_type == "tetap" and stay.chain.empty
    assert {t.term: t.contribution for t in stay.terms}["move_cost"] == 0.0
    assert e.to_dict()["jpm"]["jpm"] == pytest.approx(6 / 7)


def test_alternatives_differences_and_reoptimised_losses(solved: Any) -> None:
    ds, ids, result = solved
    sc = result.scenario
    v = ids["v"]["jabatan_id"]
    alts = alternatives(ds, result, v, k=3, reoptimize=True)
    assert [a.nip for a in alts] == [ids[k]["nip"] for k in ("q2", "h", "q3")]
    chosen_total = float(result.plan.loc[result.plan["jabatan_tujuan_id"] == v, "skor"].iloc[0])
    for a in alts:
        forced = solve(ds, sc.model_copy(update={"kunci": [Kunci(nip=a.nip, jabatan_id=v)]}))
        assert a.loss == pytest.approx(
            (result.solution.objective - forced.solution.objective) / SCALE
        )
        assert a.loss is not None and a.loss >= 0 and a.status == "OPTIMAL"
        assert a.difference <= 0 and not a.tie
        assert a.difference == pytest.approx(a.total - chosen_total, abs=1e-6)
        assert any(c["nip"] == a.nip and c["bila_dipaksa"] == v for c in a.changes)
    table = alternatives_table(ds, result)
    assert set(table["jabatan_id"]) == {v} and table["kehilangan_objektif"].isna().all()


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        ({"tmt_golongan": date(2015, 4, 1)}, {"tmt_golongan": date(2018, 4, 1)}, "tmt_golongan"),
        ({"tmt_cpns": date(2003, 1, 1)}, {"tmt_cpns": date(2006, 1, 1)}, "tmt_cpns"),
    ],
)
def test_ties_name_the_tie_break_rule(
    first: dict[str, Any], second: dict[str, Any], rule: str
) -> None:
    v = post()
    junior, senior = person(**second), person(**first)  # junior first in row order
    ds = dataset([junior, senior], [v])
    result = solve(ds, scenario())
    assert result.plan["nip"].tolist() == [senior["nip"]]
    (alt,) = alternatives(ds, result, v["jabatan_id"], reoptimize=True)
    assert alt.nip == junior["nip"] and alt.tie and alt.tie_rule == rule
    assert alt.difference == 0 and alt.loss == 0


def test_why_not_ineligible_lists_exactly_the_failing_rules(solved: Any) -> None:
    ds, ids, result = solved
    w = why_not(ds, result.scenario, result, ids["bad"]["nip"], ids["v"]["jabatan_id"])
    assert w.code == "TIDAK_MEMENUHI_SYARAT"
    assert {c.rule_id: (c.actual, c.threshold) for c in w.failed} == {
        "GOL_MIN_ESELON": ("III/a", "III/b"),
        "KOTAK_TALENTA_MIN": ("5", "7"),
    }
    from tests.builders import decide

    assert {c.rule_id for c in w.failed} == set(
        failed(decide(ds, result.scenario, ids["bad"], ids["v"]))
    )
    assert "GOL_MIN_ESELON" in w.message_id and w.loss is None


def test_why_not_eligible_forces_and_reports_loss_and_changes(solved: Any) -> None:
    ds, ids, result = solved
    sc = result.scenario
    a = ids["a"]["jabatan_id"]
    w = why_not(ds, sc, result, ids["q2"]["nip"], a)
    forced = solve(ds, sc.model_copy(update={"kunci": [Kunci(nip=ids["q2"]["nip"], jabatan_id=a)]}))
    assert w.code == "DIPAKSA" and w.exact
    assert w.loss == pytest.approx((result.solution.objective - forced.solution.objective) / SCALE)
    changed = {c["nip"]: (c["di_rencana"], c["bila_dipaksa"]) for c in w.changes}
    assert changed[ids["q2"]["nip"]] == (None, a)
    assert ids["h"]["nip"] in changed  # the incumbent of A had to go somewhere else
    moved_plan = forced.plan.set_index("nip")["jabatan_tujuan_id"].to_dict()
    for nip, (_, new) in changed.items():
        assert moved_plan.get(nip) == new
    assert (
        why_not(ds, sc, result, ids["q1"]["nip"], ids["v"]["jabatan_id"]).code == "SUDAH_DI_RENCANA"
    )


NIP_RE = re.compile(r"\d{18}")


def test_why_not_command_names_other_people_by_post_only(tmp_path: Path) -> None:
    """UU PDP: the default table output of ``explain --why-not`` names the displaced people by
    their post; their NIP and name appear only with --rinci (the asked NIP is echoed)."""
    from placement.io.writers import write_dataset

    ds, ids = instance()
    write_dataset(ds, tmp_path / "data")
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "solve",
            str(tmp_path / "data"),
            "--out",
            str(tmp_path / "out"),
            "--date",
            "2026-01-01",
            "--no-store",
        ],
    )
    assert res.exit_code == 0, res.output
    asked, holder, a = ids["q2"]["nip"], ids["h"], ids["a"]["jabatan_id"]
    args = ["explain", str(tmp_path / "out"), "--why-not", asked, a]
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "objektif turun" in res.output
    assert set(NIP_RE.findall(res.output)) == {asked}  # no other NIP by default
    assert holder["name"] not in res.output and ids["q2"]["name"] not in res.output
    assert f"pemegang {a} Kepala Seksi A → " in res.output
    assert "pegawai lain; NIP dan nama: --rinci" in res.output
    res = runner.invoke(main, [*args, "--rinci", "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert f"{holder['nip']} {holder['name']}: {a} Kepala Seksi A → " in res.output
    assert "objective" in res.output and "--rinci" not in res.output
    res = runner.invoke(main, ["explain", str(tmp_path / "out"), "--nip", ids["q1"]["nip"]])
    assert res.exit_code == 0, res.output
    assert set(NIP_RE.findall(res.output)) == {ids["q1"]["nip"]}


def test_alternatives_name_other_candidates_by_post_only(tmp_path: Path) -> None:
    """Issue 20 item 15: ``explain --jabatan J --alternatives`` (also with --reoptimize) printed the
    NIP and name of every next-best candidate; only --rinci may show them."""
    from placement.io.writers import write_dataset

    ds, ids = instance()
    write_dataset(ds, tmp_path / "data")
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "solve",
            str(tmp_path / "data"),
            "--out",
            str(tmp_path / "out"),
            "--date",
            "2026-01-01",
            "--no-store",
        ],
    )
    assert res.exit_code == 0, res.output
    v = ids["v"]["jabatan_id"]
    others = [ids[k] for k in ("h", "q2", "q3", "bad")]
    for extra in ([], ["--reoptimize"]):
        args = ["explain", str(tmp_path / "out"), "--jabatan", v, "--alternatives", *extra]
        res = runner.invoke(main, args)
        assert res.exit_code == 0, res.output
        assert set(NIP_RE.findall(res.output)) == {ids["q1"]["nip"]}  # the holder explained
        assert not [p["name"] for p in others if p["name"] in res.output]
        assert f"pemegang {ids['a']['jabatan_id']} Kepala Seksi A" in res.output
        assert "pegawai lain; NIP dan nama: --rinci" in res.output
    res = runner.invoke(main, [*args, "--rinci"])
    assert res.exit_code == 0, res.output
    assert {p["nip"] for p in others} & set(NIP_RE.findall(res.output))
