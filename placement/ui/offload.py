"""Parse an uploaded file apart from the server: in a child process with a memory limit and a
time limit, awaited without blocking the event loop. A file crafted to take minutes or gigabytes
(a YAML alias bomb, a sparse xlsx with a far corner cell) then costs the planner one refused
upload, while every other request and tab is answered meanwhile."""

from __future__ import annotations

import asyncio
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import texts

T = TypeVar("T")

MiB = 2**20
SCENARIO_LIMITS = (10.0, 512 * MiB)  # seconds, extra address space for one scenario YAML
DATA_LIMITS = (300.0, 3 * 1024 * MiB)  # for checking uploaded data (50 MB at most)


def _limit_memory(extra: int) -> None:
    """Let this process map at most ``extra`` bytes beyond what it has now (Linux; elsewhere the
    time limit still holds)."""
    try:
        import resource

        with Path("/proc/self/status").open(encoding="ascii") as status:
            size = next(
                int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:")
            )
    except (ImportError, OSError, StopIteration):
        return
    resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def _child() -> None:
    """In the child: read (func, args, extra) pickled on stdin, run ``func(*args)`` within the
    memory limit and write ("ok", result), ("issues", [Issue]), ("memory", "") or ("error",
    name) pickled on stdout (anything the libraries print goes to stderr)."""
    reply_to = sys.stdout.buffer
    sys.stdout = sys.stderr
    func, args, extra = pickle.load(sys.stdin.buffer)
    _limit_memory(extra)
    try:
        reply: tuple[str, Any] = ("ok", func(*args))
    except PlacementError as exc:
        reply = ("issues", exc.issues)
    except MemoryError:
        reply = ("memory", "")
    except Exception as exc:  # reported to the planner by name; the server carries on
        reply = ("error", type(exc).__name__)
    pickle.dump(reply, reply_to)
    reply_to.flush()


async def _run_child(job: bytes, seconds: float) -> tuple[str, Any]:
    """Start ``python -m placement.ui.offload``, hand it ``job``, await its reply (killed after
    ``seconds``)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "placement.ui.offload",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=env,
    )
    try:
        out, _ = await asyncio.wait_for(process.communicate(job), seconds)
    except TimeoutError:
        return "time", ""
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    try:
        reply: tuple[str, Any] = pickle.loads(out)
    except (EOFError, pickle.UnpicklingError):  # died without a reply (e.g. out of memory)
        return "memory", ""
    return reply


def _refused(code: str, id_text: str, en_text: str, file: str) -> PlacementError:
    return PlacementError.single(code, id_text, en_text, file[:120])


async def parse_apart(
    func: Callable[..., T], *args: Any, limits: tuple[float, int], file: str
) -> T:
    """``func(*args)`` computed in a child process within ``limits`` (seconds, bytes of memory),
    awaited without blocking the event loop. A PlacementError of ``func`` is raised as is; a
    parse that runs out of time or memory or fails otherwise raises PlacementError naming
    ``file`` in Indonesian (and English)."""
    seconds, extra = limits
    reply = await _run_child(pickle.dumps((func, args, extra)), seconds)
    kind, value = reply
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "issues":
        raise PlacementError(list[Issue](value))
    if kind == "time":
        raise _refused(
            "UNGGAHAN_TERLALU_LAMA",
            *texts("UNGGAHAN_TERLALU_LAMA", file=file[:60], seconds=seconds),
            file,
        )
    if kind == "memory":
        raise _refused(
            "UNGGAHAN_TERLALU_BESAR",
            *texts("UNGGAHAN_TERLALU_BESAR", file=file[:60], megabytes=extra // MiB),
            file,
        )
    raise _refused(
        "UNGGAHAN_GAGAL",
        *texts("UNGGAHAN_GAGAL", file=file[:60], detail=value),
        file,
    )


if __name__ == "__main__":
    _child()
