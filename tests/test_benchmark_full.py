"""The full benchmark report (benchmarks/full.py, the runner's write_full) and the one-pool
run's record (benchmarks/onepool.py): small fake result files in, markdown and json out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import __main__ as runner
from benchmarks import full, onepool

MACHINE = {"python": "3.11.7", "platform": "Linux-test", "processor": "x86_64", "cpus": 2}


def stamped(utc: str, commit: str = "abc1234", load: float = 1.5) -> dict[str, Any]:
    return {"utc": utc, "machine": MACHINE, "commit": commit, "load_1min": load}


def own_rows(rss_provinsi: float = 1900.0) -> dict[str, Any]:
    def row(preset: str, case: str, rss: float) -> dict[str, Any]:
        return {
            "preset": preset,
            "case": case,
            "pairs_eligible": 10,
            "cross_product": 20,
            "pairs_in_solver": 10,
            "pairs_after_fixing": None,
            "backend": "flow",
            "status": "OPTIMAL",
            "stages_s": {"kelayakan": 1.0, "model": 0.5, "solver": 0.5},
            "total_s": 3.0,
            "peak_rss_mb": rss,
            "objective": 12.5,
            "baselines": {"greedy": {"seconds": 0.1, "objective": 11.0, "valid": True}},
        }

    return {
        "machine": MACHINE,
        "utc": "20261203T010000Z",
        "stamp": stamped("2026-12-03 01:00 UTC"),
        "cases": [
            row("kabupaten", "tanpa-batas", 200.0),
            row("provinsi", "tanpa-batas", rss_provinsi),
        ],
    }


def docs(e2e_s: float = 1.8, pool_status: str = "MEMORI_TIDAK_CUKUP") -> dict[str, Any]:
    plan = {"name": "x", "status": "OPTIMAL", "posts": 5, "pairs": 100}
    plan["stages"] = {"kelayakan": 2.0, "model": 0.1, "solver": 0.2, "rencana": 0.1}
    solve = {"seconds": 400.0, "peak_rss_mb": 1500, "peak_tree_rss_mb": 3600}
    return {
        "endtoend": {
            "case": "kabupaten-dasar",
            "in_process_s": [e2e_s, e2e_s + 0.1, e2e_s - 0.1],
            "in_process_median_s": e2e_s,
            "in_process_cpu_s": [1.7],
            "in_process_cpu_median_s": 1.7,
            "cli_solve_median_s": 4.0,
            "cli_help_median_s": 0.1,
            "load_average_1min": 0.5,
        },  # no stamp, no date: written before stamps existed
        "scale": {
            "cpus": 2,
            "stamp": stamped("2026-12-03 02:00 UTC"),
            "sweep_12_variants": [
                {
                    "executor": "serial",
                    "seconds": 100.0,
                    "solved": 12,
                    "load_1min_before": 1.0,
                    "speedup": 1.0,
                },
                {
                    "executor": "local",
                    "seconds": 55.0,
                    "solved": 12,
                    "load_1min_before": 1.0,
                    "speedup": 1.82,
                },
            ],
        },
        "scaling": {
            "cpus": 2,
            "measured": "2026-12-02 19:36 UTC",
            "cases": [
                {
                    "case": "nasional",
                    "people": 100000,
                    "plans": [plan, plan],
                    "pairs": 200,
                    "optimal": 2,
                    "solve": solve,
                    "generate": {"seconds": 50.0},
                }
            ],
            "one_pool": {
                "pairs": 201908920,
                "count_seconds": 2271.7,
                "people": 100000,
                "posts": 29202,
                "peak_rss_mb": 1122,
                "pair_table_gb_estimate": 20.2,
            },
        },
        "assign": {
            "machine": MACHINE,
            "utc": "20261202T125406Z",
            "cases": [
                {
                    "shape": "dense",
                    "n": 100,
                    "pairs": 100,
                    "engine": "scipy-dense",
                    "assign_s": 0.01,
                    "baseline_s": 0.009,
                    "ratio": 1.1,
                    "overhead_ms": 1.0,
                    "objective": 1.0,
                    "same_objective": True,
                },
                {
                    "shape": "dense",
                    "n": 400,
                    "pairs": 160000,
                    "engine": "scipy-dense",
                    "assign_s": 0.2,
                    "baseline_s": 0.1,
                    "ratio": 2.0,
                    "overhead_ms": 100.0,
                    "objective": 1.0,
                    "same_objective": True,
                },
            ],
        },
        "nasional-satu-kumpulan": {
            "stamp": stamped("2026-12-03 02:45 UTC", load=5.3),
            "command": "placement solve D --out O --gabung-instansi",
            "limits": {"address_space_gb": 14, "timeout_s": 2400, "nice": 10},
            "status": pool_status,
            "exit": 1,
            "traceback": False,
            "message": "GALAT MEMORI_TIDAK_CUKUP: Memori komputer tidak cukup",
            "pairs": 123456789,
            "wall_s": 900.0,
            "user_s": 700.0,
            "sys_s": 50.0,
            "cpu_s": 750.0,
            "peak_rss_mb": 13000,
            "stages": [
                {
                    "stage": "Menyusun pasangan",
                    "start_s": 32.0,
                    "seconds": 860.0,
                    "peak_rss_mb": 13000,
                },
                {
                    "stage": "GALAT " + "x" * 100,
                    "start_s": 892.0,
                    "seconds": 8.0,
                    "peak_rss_mb": None,
                },
            ],
            "rss_per_minute_mb": [[0, 700], [14, 13000]],
        },
    }


def sources(d: dict[str, Any], fresh: frozenset[str] = frozenset()) -> dict[str, full.Source]:
    return {
        name: full.source_of(
            f"{name}.json", d.get(name), committed="b36c44a 2026-12-02", fresh=name in fresh
        )
        for name in full.FILES
    }


def test_provenance_from_stamp_utc_measured_and_commit() -> None:
    d = docs()
    s = sources(d, frozenset({"scale"}))
    assert (s["scale"].when, s["scale"].commit, s["scale"].load) == (
        "2026-12-03 02:00 UTC",
        "abc1234",
        1.5,
    )
    assert "diukur oleh run ini" in s["scale"].line()
    assert s["assign"].when == "2026-12-02 12:54 UTC" and "Linux-test, 2 CPU" in s["assign"].where
    assert s["scaling"].when == "2026-12-02 19:36 UTC"
    assert s["scaling"].where == "2 CPU (platform tidak tercatat)"
    assert "b36c44a 2026-12-02" in s["endtoend"].when  # no date in the file: its commit, said so
    assert "tidak tercatat" in s["endtoend"].when
    assert "dibaca, tidak diukur ulang" in s["endtoend"].line()
    missing = full.source_of("x.json", None)
    assert missing.line() == "_Belum diukur: results/x.json tidak ada._"


@pytest.mark.parametrize(
    ("rss", "e2e", "pool", "met"),
    [
        (2111.0, 2.42, "MEMORI_TIDAK_CUKUP", (True, False, False, False, False)),
        (1900.0, 1.8, "OPTIMAL", (True, True, True, True, False)),
    ],
)
def test_targets_judged_from_the_figures(
    rss: float, e2e: float, pool: str, met: tuple[bool, ...]
) -> None:
    d = docs(e2e_s=e2e, pool_status=pool)
    d["nasional-satu-kumpulan"]["peak_rss_mb"] = 11000 if pool == "OPTIMAL" else 13000
    own = full.source_of("full.json", own_rows(rss))
    rows = full.targets(own, sources(d))
    # per instansi, one pool, provinsi RSS, end to end, assign (dense n=400 ratio 2.0 > 1.5)
    assert tuple(r["terpenuhi"] for r in rows[:5]) == met
    assert rows[0]["diukur"] == "2026-12-02 19:36 UTC" and rows[0]["sumber"] == "scaling.json"
    assert rows[5]["terukur"] == "serial 1.00×, local 1.82×" and rows[5]["terpenuhi"] is None


def test_missing_results_say_not_measured() -> None:
    d = docs()
    del d["nasional-satu-kumpulan"], d["endtoend"]
    rows = full.targets(full.source_of("full.json", None), sources(d))
    assert [r["terukur"] for r in rows[1:4]] == ["belum diukur"] * 3
    assert [r["terpenuhi"] for r in rows[1:4]] == [None] * 3


def test_assembled_markdown_has_every_section_with_its_provenance() -> None:
    text = full.assemble(
        full.source_of("full.json", own_rows()),
        sources(docs(), frozenset({"scale"})),
        "2026-12-03 03:00 UTC",
    )
    for title in (
        "## Sasaran issue 22",
        "## Kabupaten dan provinsi",
        "## Kabupaten end to end",
        "## Nasional: per instansi dan satu kumpulan",
        "## Ukuran terhadap waktu dan memori",
        "## Sapuan dan batch",
        "## assign vs scipy",
    ):
        assert text.count(title) == 1, title
    assert "![scaling](scaling.png)" in text
    assert "| provinsi | tanpa-batas | 10 / 20 |" in text
    assert "| 2/2 OPTIMAL | 400.0 s | tidak tercatat | 1,500 MB 1 proses; 3,600 MB pohon" in text
    assert (
        "| satu kumpulan (`--gabung-instansi`) | MEMORI_TIDAK_CUKUP (kode keluar 1) | 900 s "
        in text
    )
    assert "| 750 s (700 + 50) | 13,000 MB | 123,456,789 | 2026-12-03 02:45 UTC |" in text
    assert "| Menyusun pasangan | 32 | 860 | 13000 |" in text
    assert "| GALAT " + "x" * 63 + "… | 892 | 8 | - |" in text
    assert "RSS maks per menit sejak mulai (menit: MB): 0: 700, 14: 13,000." in text
    assert "traceback: tidak ada" in text and "201,908,920" in text
    assert "| sweep_12_variants | local | 55.0 | 1.82× | 12 | 1.0 |" in text
    assert "| dense | 400 | 160,000 | scipy-dense |" in text
    assert (
        "_Diukur 2026-12-03 02:00 UTC di Linux-test, 2 CPU, commit abc1234, beban 1 menit 1.5; results/scale.json (diukur oleh run ini)._"
        in text
    )
    assert "_Diukur 2026-12-03 01:00 UTC di Linux-test, 2 CPU, commit abc1234" in text
    # each provenance line sits in its own section
    e2e = text.split("## Kabupaten end to end")[1].split("## ")[0]
    assert "b36c44a 2026-12-02" in e2e and "| kabupaten-dasar | 1.80 s |" in e2e


def test_runner_writes_full_md_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, doc in docs().items():
        (tmp_path / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "full.json").write_text(json.dumps(own_rows()), encoding="utf-8")
    monkeypatch.setattr(runner, "RESULTS", tmp_path)
    runner.write_full(None, {"endtoend"})
    out = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert out["cases"] == own_rows()["cases"] and out["stamp"] == own_rows()["stamp"]
    assert out["sumber"]["endtoend.json"]["baru"] is True
    assert out["sumber"]["full.json"]["baru"] is False
    assert [t["sumber"] for t in out["sasaran"][:3]] == [
        "scaling.json",
        "nasional-satu-kumpulan.json",
        "full.json",
    ]
    assert "(diukur oleh run ini)" in (tmp_path / "full.md").read_text(encoding="utf-8")


TIME_V = """\tCommand being timed: "python -m placement solve"
\tUser time (seconds): 700.25
\tSystem time (seconds): 50.5
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:15:00.40
\tMaximum resident set size (kbytes): 13312000
\tExit status: 1
"""


def test_time_v_parsed() -> None:
    got = onepool.parse_time_v(TIME_V)
    assert got == {
        "wall_s": 900.4,
        "user_s": 700.25,
        "sys_s": 50.5,
        "cpu_s": 750.8,
        "peak_rss_mb": 13000,
        "exit": 1,
        "signal": None,
    }
    killed = onepool.parse_time_v("Command terminated by signal 9\n" + TIME_V.replace("1\n", "\n"))
    assert killed["signal"] == 9


def test_status_lines_from_a_rich_stream() -> None:
    raw = "Tanggal\n\r\x1b[2K⠋ Menyusun A\r\x1b[2K⠙ Menyusun A\r\x1b[2K⠹ Menyusun B\nGALAT X\n"
    assert onepool.status_lines(raw) == ["Tanggal", "Menyusun A", "Menyusun B", "GALAT X"]


def test_outcome() -> None:
    assert onepool.outcome(0, None, "", {"status": "OPTIMAL"}) == "OPTIMAL"
    assert onepool.outcome(1, None, "GALAT MEMORI_TIDAK_CUKUP: …", None) == "MEMORI_TIDAK_CUKUP"
    assert onepool.outcome(124, None, "", None) == "BATAS_WAKTU"
    assert onepool.outcome(None, 9, "", None) == "DIBUNUH (sinyal 9)"
    assert onepool.outcome(1, None, "Traceback (most recent call last):", None) == "GALAT"


def test_record_of_a_finished_run(tmp_path: Path) -> None:
    meta = {
        "start": "2026-12-03T23:59:50Z",
        "commit": "abc1234",
        "load": "5.3",
        "machine": json.dumps(MACHINE),
        "command": "placement solve D --out O --gabung-instansi --no-store",
        "limits": json.dumps({"address_space_gb": 14, "timeout_s": 2400, "nice": 10}),
        "exit": "1",
        "end": "2026-12-04T00:15:00Z",
        "load_end": "6.0",
    }
    (tmp_path / "meta.txt").write_text("".join(f"{k} {v}\n" for k, v in meta.items()))
    (tmp_path / "time.txt").write_text(TIME_V)
    message = "GALAT MEMORI_TIDAK_CUKUP: 1.234.567 pasangan yang memenuhi syarat"
    (tmp_path / "raw.txt").write_text(f"Tanggal rencana\n\r⠋ Menyusun pasangan\r{message}\n")
    log = ["00:00:20 Tanggal rencana", "00:00:20 Menyusun pasangan", f"00:14:59 {message}"]
    (tmp_path / "log.txt").write_text("\n".join(log) + "\n")
    (tmp_path / "rss.txt").write_text(
        "23:59:55 102400\n00:00:40 204800\n00:05:00 8192000\n00:14:58 13312000\n"
    )
    got = onepool.record(tmp_path)
    assert got["status"] == "MEMORI_TIDAK_CUKUP" and got["exit"] == 1
    assert got["pairs"] == 1234567 and got["traceback"] is False
    assert got["stamp"] == {
        "utc": "2026-12-03 23:59 UTC",
        "machine": MACHINE,
        "commit": "abc1234",
        "load_1min": 5.3,
    }
    assert [(s["start_s"], s["seconds"], s["peak_rss_mb"]) for s in got["stages"]] == [
        (0.0, 30.0, 100),  # from the start to the first line (across midnight)
        (30.0, 0.0, None),
        (30.0, 879.0, 13000),
        (909.0, 1.0, None),
    ]
    assert got["stages"][0]["stage"] == onepool.FIRST
    assert got["rss_per_minute_mb"] == [[0, 200], [5, 8000], [15, 13000]]
    assert got["wall_s"] == 900.4 and got["cpu_s"] == 750.8


def test_extra_case_stamps_its_json_and_keeps_the_md_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Done:
        stdout = "Mesin: x\n\n| kasus |\n|---|\n| baru |\n"

    real = runner.subprocess.run

    def fake_run(cmd: list[str], **kwargs: Any) -> Any:
        if "--out-json" not in cmd:  # platform.processor() runs uname
            return real(cmd, **kwargs)
        Path(cmd[cmd.index("--out-json") + 1]).write_text(json.dumps({"case": "k"}))
        return Done()

    (tmp_path / "endtoend.md").write_text("riwayat lama\n", encoding="utf-8")
    monkeypatch.setattr(runner, "RESULTS", tmp_path)
    monkeypatch.setattr(runner.subprocess, "run", fake_run)
    monkeypatch.setattr(runner, "commit", lambda: "abc1234")
    runner.extra_case("endtoend")
    doc = json.loads((tmp_path / "endtoend.json").read_text(encoding="utf-8"))
    assert doc["case"] == "k" and doc["stamp"]["commit"] == "abc1234"
    assert doc["stamp"]["machine"]["cpus"] == full.machine()["cpus"]
    md = (tmp_path / "endtoend.md").read_text(encoding="utf-8")
    assert md.startswith("riwayat lama\n\n### `python -m benchmarks`, ")
    assert md.endswith(
        "commit abc1234, beban 1 menit "
        + str(doc["stamp"]["load_1min"])
        + "\n\n| kasus |\n|---|\n| baru |\n"
    )


def test_growth_rerun_keeps_the_counted_one_pool_with_its_own_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = docs()["scaling"]
    (tmp_path / "scaling.json").write_text(json.dumps(old), encoding="utf-8")
    real = runner.subprocess.run

    def fake_run(cmd: list[str], **kwargs: Any) -> Any:
        if "--growth" not in cmd:
            return real(cmd, **kwargs)
        new = {k: v for k, v in old.items() if k != "one_pool"}
        new["measured"] = "2026-12-04 10:00 UTC"
        (tmp_path / "scaling.json").write_text(json.dumps(new), encoding="utf-8")
        return None

    monkeypatch.setattr(runner, "RESULTS", tmp_path)
    monkeypatch.setattr(runner.subprocess, "run", fake_run)
    runner.growth()
    doc = json.loads((tmp_path / "scaling.json").read_text(encoding="utf-8"))
    assert doc["measured"] == "2026-12-04 10:00 UTC" and "stamp" in doc
    assert doc["one_pool"] == {"measured": "2026-12-02 19:36 UTC", **old["one_pool"]}
    md = (tmp_path / "scaling.md").read_text(encoding="utf-8")
    assert "(tidak dibangun); diukur 2026-12-02 19:36 UTC." in md
    assert (tmp_path / "scaling.png").stat().st_size > 0


def test_unknown_skip_step_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["benchmarks", "--skip", "growth,nasional"])
    with pytest.raises(SystemExit) as stop:
        runner.main()
    assert stop.value.code == 2
