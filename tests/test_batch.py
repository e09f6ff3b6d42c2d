"""Sweeps and batches on executors (issue 22 item 2): a real local Dask cluster of 2 worker
processes and the local process pool give the same plan files, byte for byte, as each solve run
alone; a worker that dies takes only its task (retried once, then reported failed); Ctrl-C
leaves no half-written folder."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
import yaml
from click.testing import CliRunner
from distributed import LocalCluster

from placement.cli import main
from placement.config import BASELINE
from placement.io.writers import write_dataset
from placement.scenario_runner import DataCache, load_variants, run_variant
from placement.synth import generate
from placement.workflow.batch import (
    Solved,
    SolveSpec,
    TaskReport,
    region_specs,
    run_specs,
    solve_spec,
)
from placement.workflow.executors import (
    LOCAL_CLUSTER_CONFIG,
    POOL_NAME,
    DaskExecutor,
    LocalExecutor,
    Outcome,
    Task,
)

PLAN_FILES = ("rencana.csv", "lowong.csv", "shortlist_jpt.csv", "rantai.csv", "rencana.xlsx")
CSV_FILES = PLAN_FILES[:-1]
VARIANTS = {
    "tanpa_pindah": {"batas": {"perpindahan_total": 0}},
    "utamakan_jpm": {"bobot": {"jpm": 1.0, "kotak_talenta": 0.0, "pendidikan": 0.0}},
    "batas_opd": {"batas": {"perpindahan_per_opd": 1}},
}


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three small regions from the generator (tiny preset, seeds 1–3)."""
    root = tmp_path_factory.mktemp("regions")
    dirs = [root / f"kab-{seed}" for seed in (1, 2, 3)]
    for seed, d in zip((1, 2, 3), dirs, strict=True):
        write_dataset(generate("tiny", seed), d)
    return dirs


@pytest.fixture(scope="module")
def scenario(regions: list[Path]) -> Path:
    """A scenario with the baseline and three variants (four solves) on the first region."""
    path = regions[0].parent / "skenario.yaml"
    doc = {
        "nama": "uji",
        "tanggal_rencana": "2026-07-01",
        "data": str(regions[0]),
        "varian": VARIANTS,
    }
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real local Dask cluster: 2 worker processes, a task retried once when its worker dies."""
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        local = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    with local:
        yield local.scheduler_address


def pool_processes() -> list[str]:
    """The local pool's worker processes still running."""
    return [p.name for p in multiprocessing.active_children() if p.name.startswith(POOL_NAME)]


def alone(scenario: Path | None, variant: str, data: Path | None, out: Path) -> Path:
    """The reference: one solve run alone in this process, as ``scenario run`` does it."""
    sc = load_variants(scenario)[variant] if scenario else None
    from placement.config import Skenario

    run_variant(variant, sc or Skenario(), DataCache(data), out, scenario_file=scenario)
    return out


def assert_same_plan(reference: Path, folder: Path) -> None:
    for name in CSV_FILES:
        assert (folder / name).read_bytes() == (reference / name).read_bytes(), name
    ref, got = (
        json.loads((d / "hasil.json").read_text(encoding="utf-8")) for d in (reference, folder)
    )
    for record in (ref, got):
        record.pop("waktu_detik")
        stats = record["solver_statistik"]
        record["solver_statistik"] = {k: v for k, v in stats.items() if not k.endswith("seconds")}
        record["berkas"].pop("rencana.xlsx")  # its zip holds the time it was written
    assert ref == got
    assert sorted(p.name for p in folder.iterdir()) == sorted([*PLAN_FILES, "hasil.json"])


def test_sweep_of_four_variants_on_dask_matches_each_solve_alone(
    scenario: Path, cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "hasil"
    result = CliRunner().invoke(main, ["scenario", "run", str(scenario), "--all", "--out", str(out),
                                       "--executor", "dask", "--cluster", cluster, "--no-store"])  # fmt: skip
    assert result.exit_code == 0, result.output
    names = [BASELINE, *VARIANTS]
    for name in names:
        assert_same_plan(alone(scenario, name, None, tmp_path / "alone" / name), out / name)
    assert all(f"{n}: OPTIMAL" in result.output for n in names)


def test_batch_of_three_regions_on_dask_matches_each_solve_alone(
    regions: list[Path], scenario: Path, cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    args = ["batch", *map(str, regions), "--scenario", str(scenario), "--out", str(out),
            "--executor", "dask", "--cluster", cluster, "--no-store"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    for d in regions:
        assert_same_plan(alone(scenario, BASELINE, d, tmp_path / "alone" / d.name), out / d.name)
    summary = json.loads((out / "ringkasan.json").read_text(encoding="utf-8"))
    assert [r["wilayah"] for r in summary] == [d.name for d in regions]
    assert {r["status"] for r in summary} == {"OPTIMAL"} and (out / "ringkasan.xlsx").is_file()
    assert "[3/3]" in result.output


def die_once(arg: tuple[Path, SolveSpec]) -> Solved:
    """Exit the worker process on the first attempt (a marker file remembers it), then solve."""
    marker, spec = arg
    if not marker.exists():
        marker.touch()
        os._exit(1)
    return solve_spec(spec)


def die_always(_arg: object) -> Solved:
    os._exit(1)


def _death_tasks(regions: list[Path], scenario: Path, tmp: Path) -> list[Task]:
    specs, _ = region_specs(regions, scenario, tmp / "unused")
    return [Task("ok", solve_spec, specs[0]), Task("once", die_once, (tmp / "marker", specs[1])),
            Task("always", die_always, None), Task("ok2", solve_spec, specs[2])]  # fmt: skip


def _check_deaths(outcomes: list[Outcome]) -> None:
    by_key = {o.key: o for o in outcomes}
    assert sorted(by_key) == ["always", "ok", "ok2", "once"]
    assert by_key["ok"].ok and by_key["ok2"].ok and by_key["ok"].value.status == "OPTIMAL"
    assert by_key["once"].ok and by_key["once"].value.status == "OPTIMAL"
    assert not by_key["always"].ok and by_key["always"].attempts == 2
    assert "pekerja berhenti" in (by_key["always"].error or "")


def test_dask_worker_death_takes_only_its_task(regions: list[Path], scenario: Path, cluster: str,
                                               tmp_path: Path) -> None:  # fmt: skip
    outcomes = DaskExecutor(cluster).run(_death_tasks(regions, scenario, tmp_path), lambda _o: None)
    _check_deaths(outcomes)


def test_local_pool_worker_death_takes_only_its_task(regions: list[Path], scenario: Path,
                                                     tmp_path: Path) -> None:  # fmt: skip
    outcomes = LocalExecutor(2).run(_death_tasks(regions, scenario, tmp_path), lambda _o: None)
    _check_deaths(outcomes)
    assert {o.key: o.attempts for o in outcomes}["once"] == 2
    assert not pool_processes()


def test_batch_on_the_local_pool_matches_each_solve_alone(
    regions: list[Path], scenario: Path, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    args = [
        "batch",
        *map(str, regions),
        "--scenario",
        str(scenario),
        "--out",
        str(out),
        "--no-store",
    ]
    result = CliRunner().invoke(main, args)  # --executor local is the default
    assert result.exit_code == 0, result.output
    for d in regions:
        assert_same_plan(alone(scenario, BASELINE, d, tmp_path / "alone" / d.name), out / d.name)
    assert "executor local" in result.output and not pool_processes()


def test_ctrl_c_leaves_finished_folders_whole_and_nothing_half_written(
    regions: list[Path], scenario: Path, cluster: str, tmp_path: Path
) -> None:
    def stop(_report: TaskReport, _done: int, _total: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C as the first folder has been published

    specs, dirs = region_specs(regions, scenario, tmp_path / "stopped")
    with pytest.raises(KeyboardInterrupt):
        run_specs(DaskExecutor(cluster), specs, dirs, stop)
    published = [d for d in dirs if d.exists()]
    assert len(published) == 1
    assert sorted(p.name for p in published[0].iterdir()) == sorted([*PLAN_FILES, "hasil.json"])
    assert not list(tmp_path.glob("stopped/.*"))
