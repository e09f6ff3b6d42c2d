"""End to end on synthetic regions: solve, plan files, audit (with injected corruptions),
determinism, contradictory scenarios, CLI exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import placement.workflow.run
from placement.api import Result, solve
from placement.cli import main
from placement.cli.base import user_errors
from placement.config import Batas, Kunci, Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.io.writers import write_dataset
from placement.plan.audit import AuditFailedError, AuditFinding, AuditReport, audit_plan
from placement.report.outputs import write_outputs
from placement.solver import SolveStatus
from placement.synth import generate, preset_plan_date
from placement.workflow.run import solve_to_folder, write_alternatives
from placement.workflow.variants import DataCache, run_variant


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return generate("tiny", 0)


@pytest.fixture(scope="module")
def kabupaten() -> Dataset:
    return generate("kabupaten", 0)


def scenario(preset: str, **kw: object) -> Skenario:
    return Skenario(tanggal_rencana=preset_plan_date(preset), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tiny_result(tiny: Dataset) -> Result:
    return solve(tiny, scenario("tiny"))


def test_tiny_plan_is_optimal_and_audited(tiny: Dataset, tiny_result: Result) -> None:
    assert tiny_result.status is SolveStatus.OPTIMAL
    report = audit_plan(
        tiny, tiny_result.scenario, tiny_result.plan, tiny_result.solution.objective
    )
    assert report.ok, [f.message() for f in report.findings]
    holders = {tiny.holder_of(j) for j in tiny.jabatan["jabatan_id"]} - {None}
    assert holders <= set(tiny_result.plan["nip"])


@pytest.mark.parametrize("backend", ["assignment", "mip", "cpsat", "pulp"])
def test_backends_give_the_same_tiny_plan(tiny: Dataset, tiny_result: Result, backend: str) -> None:
    other = solve(tiny, scenario("tiny"), backend=backend)
    assert other.solution.objective == tiny_result.solution.objective
    pd.testing.assert_frame_equal(other.plan, tiny_result.plan)


def test_kabupaten_with_caps_is_optimal_and_audited(kabupaten: Dataset) -> None:
    sc = scenario("kabupaten", batas=Batas(perpindahan_per_opd=10, porsi_berubah_per_opd=0.3))
    result = solve(kabupaten, sc)
    assert result.status is SolveStatus.OPTIMAL
    assert result.solution.backend == "mip"
    report = audit_plan(kabupaten, sc, result.plan, result.solution.objective, table=result.table)
    assert report.ok, [f.message() for f in report.findings[:5]]
    counts = result.summary()["perpindahan"]
    assert counts["promosi"] > 0 and counts["non-job"] == 0 and counts["demosi"] == 0


def corruptions(plan: pd.DataFrame, ds: Dataset) -> dict[str, pd.DataFrame]:
    filled = plan[plan["jabatan_tujuan_id"].notna()]
    second = plan.copy()
    second.loc[second.index[1], "jabatan_tujuan_id"] = filled["jabatan_tujuan_id"].iloc[0]
    missing = plan.drop(index=plan.index[0])
    score = plan.copy()
    score["skor"] = (
        score["skor"] + 1.0
    )  # scores in the file are ignored: objective must still match
    inel = plan.copy()
    pelaksana = ds.pegawai[
        (ds.pegawai["jenis_jabatan"] == "PELAKSANA") & (ds.pegawai["talent_box"] < 4)
    ]
    extra = inel.iloc[[0]].copy()
    extra["nip"] = pelaksana["nip"].iloc[0]
    extra["jabatan_tujuan_id"] = filled["jabatan_tujuan_id"].iloc[-1]
    inel = pd.concat([inel[inel["jabatan_tujuan_id"] != extra["jabatan_tujuan_id"].iloc[0]], extra])
    return {
        "PEMEGANG_GANDA": second,
        "BARIS_HILANG": missing,
        "TIDAK_MEMENUHI_SYARAT": inel,
        "": score,
    }


def test_audit_catches_injected_corruptions(tiny: Dataset, tiny_result: Result) -> None:
    for code, plan in corruptions(tiny_result.plan, tiny).items():
        report = audit_plan(tiny, tiny_result.scenario, plan, tiny_result.solution.objective)
        found = {f.code for f in report.findings}
        if code:
            assert code in found, (code, found)
        else:
            assert report.ok  # edited score columns do not fool the recomputation


def test_audit_catches_objective_mismatch_and_broken_cap(
    tiny: Dataset, tiny_result: Result
) -> None:
    wrong = audit_plan(
        tiny, tiny_result.scenario, tiny_result.plan, (tiny_result.solution.objective or 0) + 1
    )
    assert {f.code for f in wrong.findings} == {"OBJEKTIF_BERBEDA"}
    moved = int(
        (
            tiny_result.plan["jenis_perpindahan"].isin(["rotasi", "mutasi", "promosi"])
            & tiny_result.plan["jabatan_asal_id"].notna()
        ).sum()
    )
    if moved:
        capped = tiny_result.scenario.model_copy(
            update={"batas": Batas(perpindahan_total=moved - 1)}
        )
        assert "BATAS_TOTAL_DILANGGAR" in {
            f.code for f in audit_plan(tiny, capped, tiny_result.plan).findings
        }


def test_same_input_same_plan_bytes(tmp_path: Path, tiny: Dataset, tiny_result: Result) -> None:
    again = solve(tiny, scenario("tiny"))
    write_outputs(tiny_result, tiny, tmp_path / "a")
    write_outputs(again, tiny, tmp_path / "b")
    assert (tmp_path / "a" / "rencana.csv").read_bytes() == (
        tmp_path / "b" / "rencana.csv"
    ).read_bytes()
    record = json.loads((tmp_path / "a" / "hasil.json").read_text(encoding="utf-8"))
    assert (
        record["status"] == "OPTIMAL" and record["konfigurasi"]["tanggal_rencana"] == "2026-07-01"
    )
    assert set(record["versi"]) >= {"placement", "ortools", "highspy", "pulp"}
    assert not list((tmp_path / "a").glob(".placement-*"))


def test_contradictory_locks_are_reported_before_solving(tiny: Dataset) -> None:
    posts = list(tiny.jabatan["jabatan_id"])
    people = list(tiny.pegawai["nip"])
    sc = scenario(
        "tiny",
        kunci=[
            Kunci(nip=people[0], jabatan_id=posts[0]),
            Kunci(nip=people[1], jabatan_id=posts[0]),
        ],
        larang=[Kunci(nip=people[0], jabatan_id=posts[0])],
    )
    with pytest.raises(PlacementError) as exc:
        solve(tiny, sc)
    codes = {i.code for i in exc.value.issues}
    assert "KUNCI_DAN_LARANG" in codes


def test_must_move_above_cap_is_reported(tiny: Dataset) -> None:
    holders = [tiny.holder_of(j) for j in tiny.jabatan["jabatan_id"]]
    movers = [h for h in holders if h][:2]
    sc = scenario("tiny", wajib_pindah=movers, batas=Batas(perpindahan_total=1))
    with pytest.raises(PlacementError) as exc:
        solve(tiny, sc)
    assert "BATAS_DI_BAWAH_WAJIB_PINDAH" in {i.code for i in exc.value.issues}


def test_locked_placement_is_kept(tiny: Dataset, tiny_result: Result) -> None:
    moves = tiny_result.table.pairs[
        ~tiny_result.table.pairs["stay"] & ~tiny_result.table.pairs["shortlist_only"]
    ]
    chosen = set(zip(tiny_result.plan["nip"], tiny_result.plan["jabatan_tujuan_id"], strict=True))
    vacant = {j for j in tiny.jabatan["jabatan_id"] if tiny.holder_of(j) is None}
    pick = next(
        r
        for r in moves.itertuples()
        if (r.nip, r.jabatan_id) not in chosen and r.jabatan_id in vacant
    )
    sc = scenario("tiny", kunci=[Kunci(nip=pick.nip, jabatan_id=pick.jabatan_id)])
    result = solve(tiny, sc)
    assert result.status is SolveStatus.OPTIMAL
    assert (pick.nip, pick.jabatan_id) in set(
        zip(result.plan["nip"], result.plan["jabatan_tujuan_id"], strict=True)
    )
    assert (result.solution.objective or 0) <= (tiny_result.solution.objective or 0)


def test_cli_solve_and_audit(tmp_path: Path, tiny: Dataset) -> None:
    data = tmp_path / "data"
    write_dataset(tiny, data)
    runner = CliRunner()
    out = tmp_path / "hasil"
    res = runner.invoke(main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01"])
    assert res.exit_code == 0, res.output
    assert "Status: OPTIMAL" in res.output
    assert "Tanggal rencana: 2026-07-01 (dari argumen --date)" in res.output
    for name in (
        "rencana.csv",
        "rencana.xlsx",
        "lowong.csv",
        "shortlist_jpt.csv",
        "rantai.csv",
        "hasil.json",
    ):
        assert (out / name).exists(), name
    res = runner.invoke(main, ["audit", str(data), str(out)])
    assert res.exit_code == 0, res.output
    assert "Audit: lulus" in res.output
    plan = pd.read_csv(out / "rencana.csv", dtype=str, keep_default_na=False)
    plan.loc[1, "jabatan_tujuan_id"] = plan.loc[0, "jabatan_tujuan_id"]
    plan.to_csv(tmp_path / "edit.csv", index=False)
    res = runner.invoke(main, ["audit", str(data), str(out), "--plan", str(tmp_path / "edit.csv")])
    assert res.exit_code == 4 and "PEMEGANG_GANDA" in res.output


def test_cli_solve_with_bad_scenario_exits_1_without_output(tmp_path: Path, tiny: Dataset) -> None:
    data = tmp_path / "data"
    write_dataset(tiny, data)
    bad = tmp_path / "s.yaml"
    bad.write_text("bobot: {jpm: -1}\nkunci_tak_dikenal: 1\n", encoding="utf-8")
    res = CliRunner().invoke(
        main, ["solve", str(data), "--scenario", str(bad), "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 1
    assert "bobot.jpm" in res.output and "kunci_tak_dikenal" in res.output
    assert "Traceback" not in res.output
    assert not (tmp_path / "o").exists()


def test_vacancy_chains_follow_the_moves(tiny_result: Result) -> None:
    chains = tiny_result.chains
    moves = tiny_result.plan[tiny_result.plan["jenis_perpindahan"] != "tetap"]
    assert set(chains["nip"]) == set(moves["nip"])
    for _, chain in chains.groupby("rantai_id"):
        rows = chain.sort_values("urutan")
        if rows["jenis"].iloc[0] == "rantai":
            # each step fills the post the previous mover left
            assert list(rows["jabatan_tujuan_id"].iloc[1:]) == list(
                rows["jabatan_asal_id"].iloc[:-1]
            )
    assert np.all(chains["urutan"] >= 1)


def test_infeasible_lock_gives_status_and_no_plan(tiny: Dataset) -> None:
    pairs = solve(tiny, scenario("tiny")).table.pairs
    holders_with_one_option = pairs.groupby("person").filter(
        lambda g: len(g) == 1 and g["stay"].all()
    )
    occupied = set(holders_with_one_option["jabatan_id"])
    movers = pairs[~pairs["stay"] & ~pairs["shortlist_only"] & pairs["jabatan_id"].isin(occupied)]
    assert not movers.empty, "the tiny preset has a holder without alternatives"
    pick = movers.iloc[0]
    result = solve(
        tiny, scenario("tiny", kunci=[Kunci(nip=pick["nip"], jabatan_id=pick["jabatan_id"])])
    )
    assert result.status is SolveStatus.INFEASIBLE
    assert result.plan.empty


def test_lexicographic_tier_keeps_fewest_moves(kabupaten: Dataset) -> None:
    from placement.config import Tingkat

    base = solve(kabupaten, scenario("kabupaten"))
    assert base.summary()["pejabat_berpindah"] > 0
    tier = Tingkat(kriteria="perpindahan_sedikit", toleransi=0.0)
    strict = solve(kabupaten, scenario("kabupaten", tingkatan=[tier]))
    assert strict.status is SolveStatus.OPTIMAL
    assert strict.summary()["pejabat_berpindah"] == 0  # staying put is always possible
    assert strict.summary()["perpindahan"]["promosi"] > 0  # vacancies are still filled
    assert (strict.solution.objective or 0) < (base.solution.objective or 0)
    report = audit_plan(
        kabupaten, strict.scenario, strict.plan, strict.solution.objective, table=strict.table
    )
    assert report.ok


def test_locks_from_plan_file_keep_marked_rows(
    tmp_path: Path, tiny: Dataset, tiny_result: Result
) -> None:
    data = tmp_path / "data"
    write_dataset(tiny, data)
    write_outputs(tiny_result, tiny, tmp_path / "awal")
    plan = pd.read_csv(tmp_path / "awal" / "rencana.csv", dtype=str, keep_default_na=False)
    plan["kunci"] = np.where(plan["jenis_perpindahan"].isin(["promosi", "alih_jenis"]), "ya", "")
    plan.to_csv(tmp_path / "kunci.csv", index=False)
    out = tmp_path / "ulang"
    res = CliRunner().invoke(
        main,
        [
            "solve",
            str(data),
            "--out",
            str(out),
            "--date",
            "2026-07-01",
            "--locks-from",
            str(tmp_path / "kunci.csv"),
        ],
    )
    assert res.exit_code == 0, res.output
    record = json.loads((out / "hasil.json").read_text(encoding="utf-8"))
    locked = {(k["nip"], k["jabatan_id"]) for k in record["konfigurasi"]["kunci"]}
    promoted = plan[plan["kunci"] == "ya"]
    assert (
        locked == set(zip(promoted["nip"], promoted["jabatan_tujuan_id"], strict=True)) and locked
    )
    assert (out / "rencana.csv").read_bytes() == (tmp_path / "awal" / "rencana.csv").read_bytes()


def test_export_model_writes_lp_and_mps(tmp_path: Path, tiny: Dataset) -> None:
    result = solve(tiny, scenario("tiny"), export=tmp_path / "model.lp")
    text = (tmp_path / "model.lp").read_text(encoding="utf-8")
    assert "Maximize" in text or "MAXIMIZE" in text
    assert f"x{result.problem.n_pairs - 1}" in text
    solve(tiny, scenario("tiny"), export=tmp_path / "model.mps")
    assert "COLUMNS" in (tmp_path / "model.mps").read_text(encoding="utf-8")


def test_nothing_in_scope_gives_status_empty(tiny: Dataset) -> None:
    from placement.config import Lingkup

    result = solve(tiny, scenario("tiny", lingkup=Lingkup(jenis_jabatan=["JPT_MADYA"])))
    assert result.status is SolveStatus.EMPTY
    assert result.plan.empty and result.summary()["jabatan_dalam_lingkup"] == 0


def test_post_id_starting_with_a_minus_survives_its_own_files(
    tmp_path: Path, tiny: Dataset
) -> None:
    """Issue 20 item 9: ``-J-009`` is written as ``'-J-009`` (formula guard); the audit, explain,
    dossier and compare read it back as ``-J-009``, and accept the plan."""
    from placement.plan.compare import read_plan_dir

    data, out = tmp_path / "data", tmp_path / "out"
    write_dataset(tiny, data)
    for path in data.glob("*.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace("J-009", "-J-009"), "utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["solve", str(data), "--out", str(out), "--no-store"])
    assert res.exit_code == 0, res.output
    assert ",'-J-009," in (out / "rencana.csv").read_text(encoding="utf-8")  # guarded on disk
    assert "-J-009" in set(read_plan_dir(out).plan["jabatan_tujuan_id"])
    res = runner.invoke(main, ["audit", str(data), str(out)])
    assert res.exit_code == 0 and "Audit: lulus" in res.output, res.output
    res = runner.invoke(main, ["explain", str(out), "--jabatan=-J-009"])
    assert res.exit_code == 0 and "→ -J-009" in res.output, res.output
    res = runner.invoke(main, ["dossier", str(out)])
    assert res.exit_code == 0 and (out / "dosir.xlsx").is_file(), res.output


def _failing_audit(*_args: object, **_kwargs: object) -> AuditReport:
    return AuditReport([AuditFinding("UJI_RUSAK", "rencana rusak", "plan broken")])


def test_every_audited_path_raises_one_audit_failed_error(
    tmp_path: Path, tiny: Dataset, tiny_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23: solve, variants and alternative plans all raise AuditFailedError (not
    AssertionError / ClickException) when the audit disagrees, and write nothing."""
    monkeypatch.setattr(placement.workflow.run, "audit_plan", _failing_audit)
    sc = tiny_result.scenario.model_copy(update={"data": tmp_path})
    with pytest.raises(AuditFailedError, match="AUDIT GAGAL UJI_RUSAK: rencana rusak"):
        solve_to_folder(tiny, sc, tmp_path / "solve")
    cache = DataCache(None)
    cache.loaded[(tmp_path.resolve(), sc.tanggal_rencana)] = (tiny, [])
    with pytest.raises(AuditFailedError):
        run_variant("dasar", sc, cache, tmp_path / "varian")
    with pytest.raises(AuditFailedError):
        next(write_alternatives(tiny, sc, tiny_result, tmp_path / "alt", 2, 1))
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_cli_reports_an_audit_failure_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    @user_errors
    def command(lang: str) -> None:
        raise AuditFailedError(_failing_audit(), lang)

    with pytest.raises(SystemExit) as stop:
        command(lang="id")
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "AUDIT GAGAL UJI_RUSAK: rencana rusak" in err and "Audit rencana gagal" in err
