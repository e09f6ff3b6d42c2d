"""The nasional preset as one pool (issue 22, stretch target ≤ 30 min, ≤ 12 GB).

``placement solve DATA --out OUT --date 2026-07-01 --gabung-instansi --no-store`` on the
nasional preset (100,000 people, every instansi in one pool, every move allowed), as a child
process under ``ulimit -v`` (so the machine survives), ``timeout`` and ``nice -n 10``, timed by
``/usr/bin/time -v``. The CLI's status line (one per stage) is forced on with rich's
TTY_INTERACTIVE and each new line is timestamped; the process's RSS is sampled every 5 s. All of
it lands in WORK (meta.txt, time.txt, raw.txt, log.txt, rss.txt); :func:`record` reads those
files into results/nasional-satu-kumpulan.json (status, wall, user+sys CPU, peak RSS, the time
and peak RSS of each stage, the last message, whether a traceback was printed).

Usage: python -m benchmarks.onepool [--data DIR] [--work DIR] [--limit-gb 14] [--timeout 2400]
       python -m benchmarks.onepool --record WORK    (only read a finished run's files)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
OUT_JSON = RESULTS / "nasional-satu-kumpulan.json"
DATE = "2026-07-01"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ "
FIRST = "(mulai sampai baris pertama: impor, membaca dan memvalidasi data)"


def status_lines(raw: str) -> list[str]:
    """The distinct lines of a rich console stream (``\\r`` or ``\\n`` separated, spinner and
    escape codes dropped), in order, a repeat of the line before counted once."""
    out: list[str] = []
    for part in re.split(r"[\r\n]", raw):
        text = ANSI.sub("", part).strip().lstrip(SPINNER).strip()
        if text and (not out or out[-1] != text):
            out.append(text)
    return out


def parse_time_v(text: str) -> dict[str, Any]:
    """Wall, user and system seconds, peak RSS (MB) and exit status from ``/usr/bin/time -v``."""

    def field(label: str) -> str:
        found = re.search(rf"^\s*{re.escape(label)}:\s*(.+)$", text, re.MULTILINE)
        return found.group(1).strip() if found else ""

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part or 0)
    user = float(field("User time (seconds)") or 0)
    system = float(field("System time (seconds)") or 0)
    signal = re.search(r"Command terminated by signal (\d+)", text)
    exit_status = field("Exit status")
    return {
        "wall_s": round(wall, 1),
        "user_s": user,
        "sys_s": system,
        "cpu_s": round(user + system, 1),
        "peak_rss_mb": round(int(field("Maximum resident set size (kbytes)") or 0) / 1024),
        "exit": int(exit_status) if exit_status else None,
        "signal": int(signal.group(1)) if signal else None,
    }


def _clock(hms: str, start: datetime) -> float:
    """Seconds since the epoch of a ``HH:MM:SS`` time on or after ``start`` (runs < 24 h)."""
    h, m, s = (int(x) for x in hms.split(":"))
    t = start.replace(hour=h, minute=m, second=s, microsecond=0).timestamp()
    return t + 86400 if t < start.replace(microsecond=0).timestamp() else t


def stages(log: list[str], rss: list[str], start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Each timestamped status line (``HH:MM:SS text``) as a stage: its start and length in
    seconds from ``start``, and the largest RSS sample (``HH:MM:SS rss_kb``) taken in it."""
    marks = [(_clock(line[:8], start), line[9:]) for line in log if line[:8].count(":") == 2]
    if not marks or marks[0][0] > start.timestamp():
        marks.insert(0, (start.timestamp(), FIRST))
    samples = [(_clock(s.split()[0], start), int(s.split()[1]) / 1024) for s in rss if s.strip()]
    bounds = [t for t, _ in marks[1:]] + [end.timestamp()]
    out = []
    for (t, text), until in zip(marks, bounds, strict=True):
        inside = [mb for when, mb in samples if t <= when <= until]
        out.append(
            {
                "stage": text,
                "start_s": round(t - start.timestamp(), 1),
                "seconds": round(until - t, 1),
                "peak_rss_mb": round(max(inside)) if inside else None,
            }
        )
    return out


def rss_per_minute(rss: list[str], start: datetime) -> list[list[int]]:
    """``[minute, MB]``: the largest RSS sample in each minute since ``start``."""
    peaks: dict[int, float] = {}
    for line in rss:
        if line.strip():
            hms, kb = line.split()[:2]
            minute = int((_clock(hms, start) - start.timestamp()) // 60)
            peaks[minute] = max(peaks.get(minute, 0.0), int(kb) / 1024)
    return [[m, round(mb)] for m, mb in sorted(peaks.items())]


def _meta(work: Path) -> dict[str, str]:
    pairs = (line.split(" ", 1) for line in (work / "meta.txt").read_text().splitlines())
    return {k: v for k, v in pairs}


def outcome(
    exit_code: int | None, signal: int | None, raw: str, plan: dict[str, Any] | None
) -> str:
    """The run's status: the plan's (OPTIMAL/FEASIBLE), MEMORI_TIDAK_CUKUP, BATAS_WAKTU (killed
    by ``timeout``), DIBUNUH (killed by the kernel, e.g. out of memory) or GALAT (another error)."""
    if exit_code == 0 and plan is not None:
        return str(plan["status"])
    if "MEMORI_TIDAK_CUKUP" in raw:
        return "MEMORI_TIDAK_CUKUP"
    if exit_code in (124, 130) or signal == 15:
        return "BATAS_WAKTU"
    if signal is not None:
        return f"DIBUNUH (sinyal {signal})"
    return "GALAT"


def _pairs(raw: str, plan: dict[str, Any] | None) -> int | None:
    if plan is not None:
        return int(plan["pasangan_memenuhi_syarat"])
    found = re.search(r"([\d.]+) pasangan yang memenuhi syarat", raw)
    return int(found.group(1).replace(".", "")) if found else None


def record(work: Path) -> dict[str, Any]:
    """results/nasional-satu-kumpulan.json from a run's files in ``work``."""
    meta = _meta(work)
    start = datetime.strptime(meta["start"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    end = datetime.strptime(meta["end"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    raw = (work / "raw.txt").read_text(encoding="utf-8", errors="replace")
    timed = parse_time_v((work / "time.txt").read_text(encoding="utf-8"))
    hasil = work / "out" / "hasil.json"
    plan = json.loads(hasil.read_text(encoding="utf-8")) if hasil.exists() else None
    log = (work / "log.txt").read_text(encoding="utf-8").splitlines()
    rss_path = work / "rss.txt"
    rss = rss_path.read_text().splitlines() if rss_path.exists() else []
    lines = status_lines(raw)
    exit_code = int(meta["exit"]) if meta.get("exit") else timed["exit"]
    if not timed["wall_s"]:  # `timeout` killed /usr/bin/time first: it wrote nothing
        samples = [int(line.split()[1]) for line in rss if len(line.split()) == 2]
        timed.update(
            wall_s=round((end - start).total_seconds(), 1),
            user_s=None,
            sys_s=None,
            cpu_s=None,
            peak_rss_mb=round(max(samples, default=0) / 1024),
        )
    return {
        "stamp": {
            "utc": start.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": json.loads(meta["machine"]),
            "commit": meta.get("commit"),
            "load_1min": float(meta["load"]) if meta.get("load") else None,
        },
        "command": meta["command"],
        "limits": json.loads(meta["limits"]),
        "status": outcome(exit_code, timed["signal"], raw, plan),
        "exit": exit_code,
        "traceback": "Traceback (most recent call last)" in raw,
        "message": "\n".join(lines[-3:]),
        "pairs": _pairs(raw, plan),
        **{k: timed[k] for k in ("wall_s", "user_s", "sys_s", "cpu_s", "peak_rss_mb")},
        "stages": stages(log, rss, start, end),
        "rss_per_minute_mb": rss_per_minute(rss, start),
        "stage_seconds": None if plan is None else plan.get("waktu_detik"),  # hasil.json's own
        "solver_stats": None if plan is None else plan.get("solver_statistik"),
        "pairs_in_solver": None if plan is None else plan.get("pasangan_di_solver"),
        "load_1min_end": float(meta["load_end"]) if meta.get("load_end") else None,
    }


def _timestamp(stream: IO[bytes], raw: IO[str], log: IO[str]) -> None:
    """Copy the child's output to ``raw`` and each new status line, timestamped, to ``log``."""
    last = None
    buffer = ""
    for chunk in iter(lambda: os.read(stream.fileno(), 65536), b""):
        text = chunk.decode("utf-8", errors="replace")
        raw.write(text)
        raw.flush()
        *whole, buffer = re.split(r"[\r\n]", buffer + text)
        for line in status_lines("\n".join(whole)):
            if line != last:
                log.write(time.strftime("%H:%M:%S ", time.gmtime()) + line + "\n")
                log.flush()
                last = line


def _sample(pid: int, path: Path, done: threading.Event) -> None:
    """Every 5 s: ``HH:MM:SS RSS_KB`` of the largest process under ``pid`` (the solve)."""
    import psutil  # type: ignore[import-untyped]

    with path.open("w") as out:
        while not done.wait(5.0):
            try:
                family = psutil.Process(pid).children(recursive=True)
            except psutil.Error:
                continue
            sizes = []
            for p in family:
                try:
                    sizes.append(int(p.memory_info().rss))
                except psutil.Error:
                    continue
            if sizes:
                now = time.strftime("%H:%M:%S", time.gmtime())
                out.write(f"{now} {max(sizes) // 1024}\n")
                out.flush()


def run(data: Path, work: Path, limit_gb: float, timeout_s: int) -> None:
    """Solve ``data`` as one pool; the files :func:`record` reads are written to ``work``."""
    from benchmarks.full import machine, stamp

    work.mkdir(parents=True, exist_ok=True)
    out = work / "out"
    args = ["solve", str(data), "--out", str(out), "--date", DATE, "--gabung-instansi"]
    args.append("--no-store")
    limit = int(limit_gb * 2**30)
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    meta = {
        "start": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "load": str(stamp(commit)["load_1min"]),
        "machine": json.dumps(machine()),
        "command": "placement " + " ".join(args),
        "limits": json.dumps({"address_space_gb": limit_gb, "timeout_s": timeout_s, "nice": 10}),
    }
    cmd = ["timeout", str(timeout_s), "nice", "-n", "10", "/usr/bin/time", "-v"]
    cmd += ["-o", str(work / "time.txt"), sys.executable, "-m", "placement", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TTY_INTERACTIVE": "1", "TTY_COMPATIBLE": "1"}
    env.update(COLUMNS="200", PYTHONUNBUFFERED="1")
    with (work / "raw.txt").open("w") as raw, (work / "log.txt").open("w") as log:
        child = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
        )
        assert child.stdout is not None
        done = threading.Event()
        sampler = threading.Thread(target=_sample, args=(child.pid, work / "rss.txt", done))
        sampler.start()
        _timestamp(child.stdout, raw, log)
        meta["exit"] = str(child.wait())
        done.set()
        sampler.join()
    meta["end"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    meta["load_end"] = str(round(os.getloadavg()[0], 2))
    (work / "meta.txt").write_text("".join(f"{k} {v}\n" for k, v in meta.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="nasional data (else generated)")
    parser.add_argument("--work", type=Path, default=None, help="keep the run's files here")
    parser.add_argument("--limit-gb", type=float, default=14.0, help="address-space limit")
    parser.add_argument("--timeout", type=int, default=2400, help="seconds")
    parser.add_argument("--record", type=Path, default=None, help="only read WORK's files")
    args = parser.parse_args()
    work = args.record or args.work or Path(tempfile.gettempdir()) / "placement-onepool"
    if args.record is None:
        data = args.data or work / "data-nasional"
        if args.data is None and not data.exists():
            cmd = [sys.executable, "-m", "placement", "generate", "--preset", "nasional"]
            subprocess.run([*cmd, "--out", str(data)], check=True, cwd=ROOT)
        run(data, work, args.limit_gb, args.timeout)
    result = record(work)
    RESULTS.mkdir(parents=True, exist_ok=True)
    OUT_JSON.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "stages"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
