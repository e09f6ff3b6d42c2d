"""Sweeps and batches on executors (issue 22 item 2): a real local Dask cluster of 2 worker
processes and the local process pool give the same plan files, byte for byte, as each solve run
alone; a worker that dies takes only its task (retried once, then reported failed); Ctrl-C
leaves no half-written folder."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

import dask
import pytest
import yaml
from batch_tasks import die_always, die_once, fail_always
from click.testing import CliRunner
from distributed import LocalCluster

from placement.cli import main
from placement.config import BASELINE, Skenario
from placement.io.writers import write_dataset
from placement.synth import generate
from placement.workflow.batch import (
    Solved,
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
from placement.workflow.variants import DataCache, load_variants, run_variant

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


@pytest.fixture(scope="module")
def reference(
    regions: list[Path], scenario: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Each solve run alone in this process, as ``scenario run`` does it: every variant of the
    scenario on the first region, and the baseline on each region."""
    root = tmp_path_factory.mktemp("alone")
    out = {name: alone(scenario, name, None, root / name) for name in [BASELINE, *VARIANTS]}
    out.update({d.name: alone(scenario, BASELINE, d, root / d.name) for d in regions})
    return out


def pool_processes() -> list[str]:
    """The local pool's worker processes still running."""
    return [p.name for p in multiprocessing.active_children() if p.name.startswith(POOL_NAME)]


def alone(scenario: Path | None, variant: str, data: Path | None, out: Path) -> Path:
    """The reference: one solve run alone in this process, as ``scenario run`` does it."""
    sc = load_variants(scenario)[variant] if scenario else Skenario()
    run_variant(variant, sc, DataCache(data), out, scenario_file=scenario)
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
    scenario: Path, cluster: str, reference: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "hasil"
    result = CliRunner().invoke(
        main,
        [
            "scenario",
            "run",
            str(scenario),
            "--all",
            "--out",
            str(out),
            "--executor",
            "dask",
            "--cluster",
            cluster,
            "--no-store",
        ],
    )
    assert result.exit_code == 0, result.output
    names = [BASELINE, *VARIANTS]
    for name in names:
        assert_same_plan(reference[name], out / name)
    assert all(f"{n}: OPTIMAL" in result.output for n in names)


def test_batch_of_three_regions_on_dask_matches_each_solve_alone(
    regions: list[Path], scenario: Path, cluster: str, reference: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    args = [
        "batch",
        *map(str, regions),
        "--scenario",
        str(scenario),
        "--out",
        str(out),
        "--executor",
        "dask",
        "--cluster",
        cluster,
        "--no-store",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    for d in regions:
        assert_same_plan(reference[d.name], out / d.name)
    summary = json.loads((out / "ringkasan.json").read_text(encoding="utf-8"))
    assert [r["wilayah"] for r in summary] == [d.name for d in regions]
    assert {r["status"] for r in summary} == {"OPTIMAL"} and (out / "ringkasan.xlsx").is_file()
    assert "[3/3]" in result.output


def _death_tasks(
    regions: list[Path], scenario: Path, tmp: Path, always: Callable[[object], Solved]
) -> list[Task]:
    specs, _ = region_specs(regions, scenario, tmp / "unused")
    return [
        Task("ok", solve_spec, specs[0]),
        Task("once", die_once, (tmp / "marker", specs[1])),
        Task("always", always, None),
        Task("ok2", solve_spec, specs[2]),
    ]


def _check_deaths(outcomes: list[Outcome], reason: str, reference: dict[str, Path]) -> None:
    by_key = {o.key: o for o in outcomes}
    assert sorted(by_key) == ["always", "ok", "ok2", "once"]
    assert [by_key[k].attempts for k in ("ok", "once", "always", "ok2")] == [1, 2, 2, 1]
    for key, region in (("ok", "kab-1"), ("once", "kab-2"), ("ok2", "kab-3")):
        files = by_key[key].value.files
        assert all(files[n] == (reference[region] / n).read_bytes() for n in CSV_FILES), key
    assert not by_key["always"].ok and reason in (by_key["always"].error or "")


def test_dask_worker_death_takes_only_its_task(
    regions: list[Path], scenario: Path, cluster: str, reference: dict[str, Path], tmp_path: Path
) -> None:
    tasks = _death_tasks(regions, scenario, tmp_path, fail_always)
    _check_deaths(
        DaskExecutor(cluster).run(tasks, lambda _o: None), "RuntimeError: rusak", reference
    )


def test_local_pool_worker_death_takes_only_its_task(
    regions: list[Path], scenario: Path, reference: dict[str, Path], tmp_path: Path
) -> None:
    tasks = _death_tasks(regions, scenario, tmp_path, die_always)
    _check_deaths(LocalExecutor(2).run(tasks, lambda _o: None), "pekerja berhenti", reference)
    assert not pool_processes()


def test_batch_on_the_local_pool_matches_each_solve_alone(
    regions: list[Path], scenario: Path, reference: dict[str, Path], tmp_path: Path
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
        assert_same_plan(reference[d.name], out / d.name)
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
