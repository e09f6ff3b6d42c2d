"""Where independent solves run: in this process, a local process pool, or a Dask cluster.

Every executor takes picklable tasks (a module-level function and a small argument of paths and
names, never a DataFrame) and reports each outcome to the coordinating process as it arrives;
only the coordinator writes output folders and the run store.

A task whose process dies (or that raises something unexpected) is retried once; a second
failure is reported with its reason and the other tasks finish. Ctrl-C cancels what is still
queued, stops the workers and re-raises KeyboardInterrupt.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any, Literal, Protocol

from placement.domain.messages import failure

ExecutorName = Literal["serial", "local", "dask"]
EXECUTORS: tuple[ExecutorName, ...] = ("serial", "local", "dask")
ATTEMPTS = 2  # the first try and one retry
DEFAULT_WORKERS = 2
POOL_NAME = "placement-pekerja"
# Dask reports a task at the first death of its worker; the executor retries it once.
LOCAL_CLUSTER_CONFIG = {"distributed.scheduler.allowed-failures": 0}


@dataclass(frozen=True)
class Task:
    """One independent unit of work: ``fn(arg)`` in a worker; ``key`` names it in reports."""

    key: str
    fn: Callable[[Any], Any]
    arg: Any


@dataclass(frozen=True)
class Outcome:
    """What a task gave back (``value``) or why it failed (``error``), after ``attempts`` tries."""

    key: str
    value: Any = None
    error: str | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None


class Executor(Protocol):
    """Runs tasks; ``on_done`` is called in the coordinating process once per task."""

    name: str

    def run(self, tasks: Sequence[Task], on_done: Callable[[Outcome], None]) -> list[Outcome]: ...


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class SerialExecutor:
    """One task after another in this process (today's behaviour; nothing to set up)."""

    name = "serial"

    def run(self, tasks: Sequence[Task], on_done: Callable[[Outcome], None]) -> list[Outcome]:
        outcomes = []
        for task in tasks:
            outcome = Outcome(task.key, value=task.fn(task.arg))
            on_done(outcome)
            outcomes.append(outcome)
        return outcomes


def _worker_main(conn: Connection) -> None:
    """A pool process: run each (fn, arg) it is sent and send back ("ok", value) or ("error", …)."""
    while True:
        job = conn.recv()
        if job is None:
            return
        fn, arg = job
        try:
            conn.send(("ok", fn(arg)))
        except KeyboardInterrupt:
            return
        except Exception as exc:
            conn.send(("error", _reason(exc) + "\n" + traceback.format_exc(limit=3)))


@dataclass
class _Slot:
    """A pool process, its pipe and the task it is running (with the attempt number)."""

    process: BaseProcess
    conn: Connection
    task: Task | None = None
    attempt: int = 0


class LocalExecutor:
    """A pool of ``workers`` processes on this machine (no extra package).

    Each process runs one task at a time, so a process that dies takes exactly its own task
    with it: that task is retried once in a fresh process, the pool carries on."""

    name = "local"

    def __init__(self, workers: int = DEFAULT_WORKERS) -> None:
        self.workers = max(1, workers)
        # Workers fork from a server that imported the solve code once, so a restart is cheap;
        # where there is no forkserver (Windows) each starts afresh.
        forkserver = "forkserver" in multiprocessing.get_all_start_methods()
        self.context: ForkServerContext | SpawnContext = (
            multiprocessing.get_context("forkserver")
            if forkserver
            else multiprocessing.get_context("spawn")
        )
        if forkserver:
            multiprocessing.set_forkserver_preload([__name__.rsplit(".", 1)[0] + ".batch"])

    def _start(self) -> _Slot:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child,), name=POOL_NAME, daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def run(self, tasks: Sequence[Task], on_done: Callable[[Outcome], None]) -> list[Outcome]:
        queue: list[tuple[Task, int]] = [(t, 1) for t in reversed(tasks)]
        slots = [self._start() for _ in range(min(self.workers, len(tasks)))]
        outcomes: list[Outcome] = []
        try:
            while queue or any(s.task for s in slots):
                for slot in slots:
                    if slot.task is None and queue:
                        slot.task, slot.attempt = queue.pop()
                        slot.conn.send((slot.task.fn, slot.task.arg))
                ready = wait(
                    [s.conn for s in slots if s.task]
                    + [s.process.sentinel for s in slots if s.task]
                )
                for i, slot in enumerate(slots):
                    outcome, retry = self._collect(slot, ready)
                    if retry is not None:
                        queue.append(retry)
                    if outcome is not None:
                        on_done(outcome)
                        outcomes.append(outcome)
                    if not slot.process.is_alive() and (queue or slot.task):
                        slots[i] = self._start()
        finally:
            self._stop(slots)
        return outcomes

    def _collect(
        self, slot: _Slot, ready: list[Any]
    ) -> tuple[Outcome | None, tuple[Task, int] | None]:
        """The outcome of ``slot``'s task when it has one, or the task to run again."""
        task = slot.task
        if task is None:
            return None, None
        if slot.conn in ready and slot.conn.poll():
            try:
                kind, payload = slot.conn.recv()
            except EOFError:
                kind, payload = "died", None
        elif slot.process.sentinel in ready or not slot.process.is_alive():
            kind, payload = "died", None
        else:
            return None, None
        slot.task = None
        if kind == "ok":
            return Outcome(task.key, value=payload, attempts=slot.attempt), None
        if kind == "died":
            slot.process.join(timeout=5)
            payload = f"proses pekerja berhenti (kode keluar {slot.process.exitcode})"
        if slot.attempt < ATTEMPTS:
            return None, (task, slot.attempt + 1)
        return Outcome(task.key, error=str(payload), attempts=slot.attempt), None

    @staticmethod
    def _stop(slots: list[_Slot]) -> None:
        for slot in slots:
            if slot.process.is_alive() and slot.task is None:
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
        for slot in slots:
            slot.process.join(timeout=2 if slot.task is None else 0)
            if slot.process.is_alive():
                slot.process.terminate()
                slot.process.join(timeout=5)
            slot.conn.close()


class DaskExecutor:
    """Tasks on a Dask distributed cluster: ``address`` of a running scheduler, or (None) a
    LocalCluster of ``workers`` single-threaded worker processes started here and stopped after.

    No more tasks are in flight than the cluster has threads, so a worker holds only the task it
    runs and a worker that dies takes only that task with it. Retries are ours: a task that
    raised or lost its worker runs once more (on a local cluster Dask itself gives up on a task
    at the first death, ``allowed-failures`` 0; a running cluster applies its own setting
    first)."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int = DEFAULT_WORKERS) -> None:
        self.address = address
        self.workers = max(1, workers)

    def run(self, tasks: Sequence[Task], on_done: Callable[[Outcome], None]) -> list[Outcome]:
        from distributed import wait as wait_futures

        outcomes: list[Outcome] = []
        queue: list[tuple[Task, int]] = [(t, 1) for t in reversed(tasks)]
        running: dict[Any, tuple[Task, int]] = {}
        with self._client() as client:
            try:
                while queue or running:
                    free = max(1, sum(client.nthreads().values())) - len(running)
                    for _ in range(min(free, len(queue))):
                        task, attempt = queue.pop()
                        key = f"placement-{task.key}-{os.urandom(4).hex()}"
                        running[client.submit(task.fn, task.arg, key=key, pure=False)] = (
                            task,
                            attempt,
                        )
                    done, _ = wait_futures(list(running), return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
                    for future in done:
                        task, attempt = running.pop(future)
                        outcome = self._outcome(task, attempt, future)
                        if outcome is None:
                            queue.append((task, attempt + 1))
                            continue
                        on_done(outcome)
                        outcomes.append(outcome)
            except BaseException:
                client.cancel(list(running), force=True)
                raise
        return outcomes

    @staticmethod
    def _outcome(task: Task, attempt: int, future: Any) -> Outcome | None:
        """The task's outcome, or None when it failed and has a retry left."""
        if future.status == "finished":
            return Outcome(task.key, value=future.result(), attempts=attempt)
        if attempt < ATTEMPTS:
            return None
        exc = future.exception()
        if type(exc).__name__ == "KilledWorker":
            reason = f"proses pekerja berhenti saat menjalankan tugas ini ({attempt} kali)"
        else:
            reason = _reason(exc)
        return Outcome(task.key, error=reason, attempts=attempt)

    def _client(self) -> Any:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise failure("DASK_TIDAK_TERPASANG") from None

        if self.address is not None:
            return _connect(Client, self.address)
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
        return _ClusterClient(Client(cluster), cluster)  # type: ignore[no-untyped-call]


def _connect(client_cls: Any, address: str) -> Any:
    try:
        return client_cls(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise failure("KLASTER_TIDAK_TERHUBUNG", address=address[:80], exc=exc) from None


class _ClusterClient:
    """A client together with the LocalCluster it owns: both closed on exit."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def make_executor(
    name: ExecutorName, cluster: str | None = None, workers: int = DEFAULT_WORKERS
) -> Executor:
    """The executor called ``name``; ``cluster`` (a scheduler address) only with ``dask``."""
    if cluster is not None and name != "dask":
        raise failure("KLASTER_TANPA_DASK")
    if name == "serial":
        return SerialExecutor()
    if name == "local":
        return LocalExecutor(workers)
    return DaskExecutor(cluster, workers)
