"""Solve jobs of the web workspace: each runs ``placement.workflow.run.solve_to_folder`` in its own
child process, reports progress through a queue and can be cancelled, so the page never waits
on the solver. A finished plan is recorded in the run store by the child (SQLite transactions
keep concurrent writers safe)."""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

KILL_AFTER_CANCEL_S = 15.0  # a solver call that ignores Ctrl-C this long is stopped hard
DEAD_GRACE_S = 1.0  # a child gone this long without its final event has crashed


@dataclass(frozen=True)
class JobSpec:
    data: Path
    scenario_file: Path
    out: Path
    store: Path
    time_limit: float | None


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run_job(spec: JobSpec, events: Any) -> None:
    """Child-process body: load, solve, audit, write, record; every outcome is one final event."""
    from placement.config import plan_date_line
    from placement.domain.errors import PlacementError, issue_records
    from placement.plan.audit import AuditFailedError
    from placement.solver import SolveStatus
    from placement.store.runs import RunStore, withdraw_plan
    from placement.workflow.inputs import load_inputs
    from placement.workflow.run import solve_to_folder

    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        events.put(("progress", "Membaca dan memvalidasi data"))
        ds, sc, _ = load_inputs(spec.data, spec.scenario_file)
        events.put(("progress", plan_date_line(sc)))
        with RunStore(spec.store) as store:  # fail before solving when the record cannot be written
            store.check_writable()
        extra = {"data": str(spec.data), "skenario": str(spec.scenario_file)}
        run = solve_to_folder(
            ds,
            sc,
            spec.out,
            extra=extra,
            time_limit=spec.time_limit,
            progress=lambda msg: events.put(("progress", msg)),
        )
        status = str(run.result.status)
        if run.result.status is SolveStatus.INTERRUPTED:
            events.put(("cancelled", status))
        elif not run.written:
            events.put(("no_plan", status, run.diagnosis))
        else:
            events.put(("progress", "Mencatat run di penyimpanan run"))
            try:
                with RunStore(spec.store) as store:
                    run_id = store.record(spec.out, "ui")
            except PlacementError:
                withdraw_plan(spec.out)  # no published plan without its record
                raise
            events.put(("done", run_id, run.result.summary()))
    except KeyboardInterrupt:
        events.put(("cancelled", "INTERRUPTED"))
    except PlacementError as exc:
        events.put(("error", issue_records(exc.issues, "id"), issue_records(exc.issues, "en")))
    except AuditFailedError as exc:
        events.put(("crash", str(exc)))
    except Exception:  # a bug: shown on the page with its traceback instead of a silent stop
        events.put(("crash", traceback.format_exc()))


@dataclass
class Job:
    """A solve in a child process, seen from the server: state, progress log and outcome."""

    spec: JobSpec
    process: BaseProcess
    events: Any
    started: float = field(default_factory=time.monotonic)
    state: str = "berjalan"  # berjalan | selesai | tanpa_rencana | dibatalkan | gagal
    log: list[tuple[float, str]] = field(default_factory=list)
    run_id: int | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    diagnosis: str | None = None
    issues: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    crash: str | None = None
    ended: float | None = None
    cancel_asked: float | None = None
    dead_since: float | None = None

    @classmethod
    def start(
        cls, data: Path, scenario_file: Path, out: Path, store: Path, time_limit: float | None
    ) -> Job:
        ctx = mp.get_context("spawn")
        events = ctx.Queue()
        spec = JobSpec(data, scenario_file, out, store, time_limit)
        process = ctx.Process(target=run_job, args=(spec, events), daemon=True)
        process.start()
        return cls(spec, process, events)

    @property
    def running(self) -> bool:
        return self.state == "berjalan"

    @property
    def elapsed(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def poll(self) -> None:
        """Take the child's events; notice a child that died without a final event."""
        while self.running:
            try:
                event = self.events.get_nowait()
            except (queue.Empty, OSError, ValueError):
                break
            self._apply(event)
        if not self.running:
            return
        if self.cancel_asked and time.monotonic() - self.cancel_asked > KILL_AFTER_CANCEL_S:
            self.process.kill()
            self._finish("dibatalkan")
        elif not self.process.is_alive():  # its last event may still be in the pipe: wait a poll
            self.dead_since = self.dead_since or time.monotonic()
            if time.monotonic() - self.dead_since > DEAD_GRACE_S:
                self.crash = (
                    f"Proses solver berhenti tanpa hasil (kode keluar {self.process.exitcode})"
                )
                self._finish("gagal")

    def _apply(self, event: tuple[Any, ...]) -> None:
        kind = event[0]
        if kind == "progress":
            self.log.append((self.elapsed, str(event[1])))
        elif kind == "done":
            self.run_id, self.summary = int(event[1]), dict(event[2])
            self.status = str(self.summary.get("status"))
            self._finish("selesai")
        elif kind == "no_plan":
            self.status, self.diagnosis = str(event[1]), event[2]
            self._finish("tanpa_rencana")
        elif kind == "cancelled":
            self.status = str(event[1])
            self._finish("dibatalkan")
        elif kind == "error":
            self.issues = {"id": list(event[1]), "en": list(event[2])}
            self._finish("gagal")
        elif kind == "crash":
            self.crash = str(event[1])
            self._finish("gagal")

    def _finish(self, state: str) -> None:
        self.state = state
        self.ended = time.monotonic()
        self.process.join(timeout=5)

    def remaining(self, previous: Job | None) -> float | None:
        """Seconds left, from the stage timings of ``previous`` (a finished run on the same data):
        what this stage took there beyond the time spent in it now, plus the later stages; None
        without a comparable previous run."""
        if previous is None or previous.state != "selesai" or not self.log or not previous.log:
            return None
        stage = len(self.log) - 1
        starts = [at for at, _ in previous.log] + [previous.elapsed]
        if stage + 1 >= len(starts):
            return 0.0
        in_stage = self.elapsed - self.log[stage][0]
        return max(starts[stage + 1] - starts[stage] - in_stage, 0.0) + (
            starts[-1] - starts[stage + 1]
        )

    def cancel(self) -> None:
        """Ask the child to stop (Ctrl-C); it is killed if it has not stopped in 15 s."""
        if self.running and self.process.pid is not None and self.cancel_asked is None:
            self.cancel_asked = time.monotonic()
            os.kill(self.process.pid, signal.SIGINT)
