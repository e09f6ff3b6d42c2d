"""Crash safety: an interrupted or failed run never leaves a plan folder that looks valid.

Interruptions are simulated where they can strike: in the solver (Ctrl-C, SIGTERM from another
process), in the middle of writing the staged files, between the renames that publish them, a
full disk, and SIGKILL (which no handler sees) between two renames.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import placement.report.outputs as outputs
import placement.workflow.engine
from placement.api import solve
from placement.cli import main
from placement.domain.errors import PlacementError
from placement.io.readers import load_dataset
from placement.io.writers import write_dataset
from placement.report.outputs import OUTPUT_FILES, read_record, verify_outputs
from placement.solver import SolveStatus
from placement.synth import generate
from tests.builders import scenario

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("tiny") / "data"
    write_dataset(generate("tiny", 0), d)
    return d


def _solve_cli(data: Path, out: Path) -> Any:
    return CliRunner().invoke(
        main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    )


@pytest.fixture
def previous_plan(tmp_path: Path, data: Path) -> Path:
    """A folder holding a complete plan from an earlier run."""
    out = tmp_path / "hasil"
    assert _solve_cli(data, out).exit_code == 0
    assert verify_outputs(out) == []
    return out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _publishing(source: Path, target: Any) -> bool:
    """A rename from the staging folder into the plan folder (not the writers' own temp files)."""
    staged = source.parent.name.startswith(".placement-")
    return staged and not Path(target).parent.name.startswith(".placement-")


def _raise_interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


def test_interrupted_solve_returns_status_interrupted(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(placement.workflow.engine, "solve_problem", _raise_interrupt)
    ds, _ = load_dataset(data)
    result = solve(ds, scenario())
    assert result.status is SolveStatus.INTERRUPTED
    assert result.plan.empty and result.solution.chosen.size == 0
    assert "dihentikan_setelah_detik" in result.solution.stats


def test_ctrl_c_in_solver_keeps_the_previous_plan_intact(
    previous_plan: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(previous_plan)
    monkeypatch.setattr(placement.workflow.engine, "solve_problem", _raise_interrupt)
    res = _solve_cli(data, previous_plan)
    assert res.exit_code == 130
    assert "Status: INTERRUPTED" in res.output and "Traceback" not in res.output
    assert _snapshot(previous_plan) == before
    assert verify_outputs(previous_plan) == []


def test_interrupt_while_staging_leaves_old_plan_and_no_staging_folder(
    previous_plan: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(previous_plan)
    real = outputs.write_csv
    calls = {"n": 0}

    def flaky(df: Any, path: Path) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(df, path)

    monkeypatch.setattr(outputs, "write_csv", flaky)
    res = _solve_cli(data, previous_plan)
    assert res.exit_code == 130 and "INTERRUPTED" in res.output
    assert _snapshot(previous_plan) == before  # staging never touched the published files


def test_interrupt_between_renames_leaves_no_valid_marker(
    previous_plan: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.replace
    moved: list[str] = []

    def flaky(self: Path, target: Any) -> Path:
        if _publishing(self, target):
            if len(moved) == 2:
                raise KeyboardInterrupt
            moved.append(self.name)
        return real(self, target)

    monkeypatch.setattr(Path, "replace", flaky)
    res = _solve_cli(data, previous_plan)
    monkeypatch.undo()
    assert res.exit_code == 130
    assert moved == list(OUTPUT_FILES[:2])
    assert not (previous_plan / "hasil.json").exists()  # the old marker went first
    with pytest.raises(PlacementError) as exc:
        read_record(previous_plan)
    assert exc.value.issues[0].code == "HASIL_TIDAK_ADA"
    res = CliRunner().invoke(main, ["compare", str(previous_plan), str(previous_plan)])
    assert res.exit_code == 1 and "HASIL_TIDAK_ADA" in res.output
    assert not [p for p in previous_plan.iterdir() if p.name.startswith(".placement-")]


def test_full_disk_is_a_located_error_and_no_new_marker(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs, "write_xlsx", full)
    out = tmp_path / "hasil"
    res = _solve_cli(data, out)
    assert res.exit_code == 1, res.output
    assert "GAGAL_MENULIS" in res.output and "disk penuh" in res.output
    assert "Traceback" not in res.output
    assert list(out.iterdir()) == []


def test_edited_plan_file_is_detected(previous_plan: Path) -> None:
    path = previous_plan / "rencana.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("tetap", "rotasi", 1), "utf-8")
    assert verify_outputs(previous_plan) == ["rencana.csv: isi berubah sejak ditulis"]
    (previous_plan / "rantai.csv").unlink()
    assert "rantai.csv: tidak ada" in verify_outputs(previous_plan)


def test_record_lists_every_file_hash(previous_plan: Path) -> None:
    record = json.loads((previous_plan / "hasil.json").read_text(encoding="utf-8"))
    assert sorted(record["berkas"]) == sorted(OUTPUT_FILES[:-1])


# A test run started in the background of a non-interactive shell ignores SIGINT, and so does
# every child it starts: Python then installs no KeyboardInterrupt handler (a `solve` started with
# `nohup` or `&` is meant to ignore Ctrl-C). The children below put back the handler a terminal
# gives, so the tests check what a planner's Ctrl-C does whatever started pytest.
_CHILD = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal (see the comment above _CHILD)
from pathlib import Path
import placement.workflow.engine
from placement.cli import main

how = sys.argv[1]
if how in ("SIGTERM", "SIGINT"):
    def stop(*args, **kwargs):
        os.kill(os.getpid(), getattr(signal, how))
        time.sleep(30)  # the signal interrupts this sleep
    placement.workflow.engine.solve_problem = stop
else:  # SIGKILL after the second file is published: no handler runs, no clean-up happens
    real = Path.replace
    moved = []
    def replace(self, target):
        if self.parent.name.startswith(".placement-") and not Path(target).parent.name.startswith(".placement-"):
            if len(moved) == 2:
                os.kill(os.getpid(), signal.SIGKILL)
            moved.append(self.name)
        return real(self, target)
    Path.replace = replace
main(sys.argv[2:])
"""


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_signal_in_a_real_process_ends_interrupted(
    how: str, previous_plan: Path, data: Path
) -> None:
    before = _snapshot(previous_plan)
    args = ["solve", str(data), "--out", str(previous_plan), "--date", "2026-07-01", "--no-store"]
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, how, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 130, proc.stderr
    assert "Status: INTERRUPTED" in proc.stderr and "Traceback" not in proc.stderr
    assert _snapshot(previous_plan) == before


def test_sigkill_while_publishing_never_looks_valid(previous_plan: Path, data: Path) -> None:
    args = ["solve", str(data), "--out", str(previous_plan), "--date", "2026-07-01", "--no-store"]
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, "SIGKILL", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == -signal.SIGKILL
    assert not (previous_plan / "hasil.json").exists()
    with pytest.raises(PlacementError):
        read_record(previous_plan)
    # The next run publishes a complete plan and clears the staging folder the killed run left.
    assert _solve_cli(data, previous_plan).exit_code == 0
    assert verify_outputs(previous_plan) == []
    assert not [p for p in previous_plan.iterdir() if p.name.startswith(".placement-")]


_CPSAT_CHILD = """
import os, random, signal, sys, threading
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal (see the comment above _CHILD)
from ortools.sat.python import cp_model
import placement.solver.cpsat as cpsat
from placement.cli import main

real_build, real_solve = cpsat._build, cp_model.CpSolver.solve
sent = []

def build(problem):  # the real model plus a market-split part CP-SAT needs minutes for
    model, x = real_build(problem)
    rng = random.Random(7)
    y = [model.new_bool_var(f"y{i}") for i in range(40)]
    for _ in range(5):
        a = [rng.randint(0, 99) for _ in y]
        model.add(sum(ai * yi for ai, yi in zip(a, y)) == sum(a) // 2)
    return model, x

def solve(self, *args, **kwargs):  # the signal comes while CP-SAT is searching
    print(f"CP-SAT mulai {sent[-1]}", file=sys.stderr, flush=True)
    threading.Timer(0.3, os.kill, (os.getpid(), getattr(signal, sent[-1]))).start()
    return real_solve(self, *args, **kwargs)

cpsat._build, cp_model.CpSolver.solve = build, solve
for how, out in zip(("SIGINT", "SIGTERM"), sys.argv[1:3]):
    sent.append(how)
    try:
        main([*sys.argv[3:], "--out", out])
    except SystemExit as end:
        print(f"KELUAR {how} {end.code}", file=sys.stderr, flush=True)
"""


def test_signal_while_cpsat_searches_ends_interrupted(previous_plan: Path, data: Path) -> None:
    """CP-SAT caught SIGINT itself (exit 0 with its best plan so far) and kept SIGTERM waiting
    until its time limit; both must stop the search at once: INTERRUPTED, exit 130, old plan kept.
    One child process solves twice, stopped by SIGINT and then by SIGTERM."""
    before = _snapshot(previous_plan)
    outs = [previous_plan.with_name(f"hasil-{how}") for how in ("SIGINT", "SIGTERM")]
    for out in outs:
        shutil.copytree(previous_plan, out)
    args = [
        "solve",
        str(data),
        "--date",
        "2026-07-01",
        "--no-store",
        "--backend",
        "cpsat",
        "--time-limit",
        "60",
    ]
    proc = subprocess.run(
        [sys.executable, "-c", _CPSAT_CHILD, *map(str, outs), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    err = proc.stderr
    for how in ("SIGINT", "SIGTERM"):
        assert f"CP-SAT mulai {how}" in err and f"KELUAR {how} 130" in err, err
    assert err.count("Status: INTERRUPTED") == 2 and "Traceback" not in err
    for out in outs:
        assert _snapshot(out) == before


def test_leftovers_of_a_killed_run_are_removed_with_a_notice(
    previous_plan: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20 item 15: a staging folder or temp file left by a kill (personal data) goes at the
    start of the next run, even one that is then interrupted, and the run says so."""
    before = _snapshot(previous_plan)
    staging = previous_plan / ".placement-k1ll3d"
    staging.mkdir()
    (staging / "rencana.csv").write_text("nip,nama\n198001012005011001,Budi\n", "utf-8")
    temp = previous_plan / ".rencana.xlsx.a1b2.tmp"
    temp.write_bytes(b"PK")
    (previous_plan / "plan_2").mkdir()
    (previous_plan / "plan_2" / ".placement-x").mkdir()
    monkeypatch.setattr(placement.workflow.engine, "solve_problem", _raise_interrupt)
    res = _solve_cli(data, previous_plan)
    assert res.exit_code == 130, res.output
    assert "Sisa run yang terhenti" in res.output and ".placement-k1ll3d" in res.output
    assert not staging.exists() and not temp.exists()
    assert not (previous_plan / "plan_2" / ".placement-x").exists()
    (previous_plan / "plan_2").rmdir()
    assert _snapshot(previous_plan) == before


def test_a_solve_owns_its_output_folder(tmp_path: Path, data: Path) -> None:
    """Issue 20 item 14: after ``solve --plans 3`` a later solve into the same folder left the old
    plan_2/plan_3 (another date) beside its plan. They and an old dossier are removed when the
    new plan is published; a plan_N folder holding a user's file refuses the solve unchanged."""
    out = tmp_path / "hasil"
    args = ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    assert CliRunner().invoke(main, [*args, "--plans", "3"]).exit_code == 0
    assert (out / "plan_3" / "hasil.json").is_file()
    (out / "dosir.xlsx").write_bytes(b"old dossier")
    (out / "catatan.txt").write_text("milik pengguna", "utf-8")
    res = _solve_cli(data, out)
    assert res.exit_code == 0, res.output
    assert "Dihapus dari" in res.output and "plan_2, plan_3" in res.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_FILES, "catatan.txt"])
    assert read_record(out)["tanggal_rencana"] == "2026-07-01" and verify_outputs(out) == []
    (out / "plan_2").mkdir()
    (out / "plan_2" / "catatan.txt").write_text("milik pengguna", "utf-8")
    before = _snapshot(out)
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and "FOLDER_KELUARAN_ASING" in res.output, res.output
    assert _snapshot(out) == before
