"""The full benchmark report: results/full.md and full.json (issue 22, "done when").

Assembles the runner's own kabupaten/provinsi rows (benchmarks/pipeline.py) with the latest
results of the other benchmarks: endtoend.json, scale.json, scaling.json (+ scaling.png),
assign.json and nasional-satu-kumpulan.json. Every section says when, on which machine and on
which commit its figures were measured, from the ``stamp`` the runner adds to each json it
(re)writes; files written before stamps existed are read with what they carry (a ``utc`` or
``measured`` field, the CPU count) and, failing that, the commit that last changed the file. A
figure that was not re-measured by this run says so.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

FILES = ("endtoend", "scale", "scaling", "assign", "nasional-satu-kumpulan")
"""Result files (results/NAME.json) whose latest figures go into full.md."""

GB = 1000  # MB in a GB for the targets, as the issue counts them (2,111 MB = 2.1 GB > 2 GB)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def stamp(
    commit: str | None, start: datetime | None = None, end: datetime | None = None
) -> dict[str, Any]:
    """When (``start``–``end``, UTC), where and on which commit a benchmark was measured (stored
    in its json)."""
    end = end or datetime.now(UTC)
    span = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}" if start else f"{end:%Y-%m-%d %H:%M}"
    return {
        "utc": f"{span} UTC",
        "machine": machine(),
        "commit": commit,
        "load_1min": round(os.getloadavg()[0], 2),
    }


@dataclass(frozen=True)
class Source:
    """One result file as read: its content and where its figures come from."""

    name: str  # file under results/, e.g. "endtoend.json"
    doc: dict[str, Any] | None  # None: no such file yet
    when: str
    where: str
    commit: str | None = None
    load: float | None = None
    fresh: bool = False  # measured by this run of the runner

    def line(self) -> str:
        """The provenance sentence printed under each section."""
        if self.doc is None:
            return f"_Belum diukur: results/{self.name} tidak ada._"
        extra = f", commit {self.commit}" if self.commit else ""
        extra += f", beban 1 menit {self.load}" if self.load is not None else ""
        how = "diukur oleh run ini" if self.fresh else "dibaca, tidak diukur ulang oleh run ini"
        return f"_Diukur {self.when} di {self.where}{extra}; results/{self.name} ({how})._"


def _machine_words(m: Any, cpus: Any) -> str:
    if isinstance(m, dict):
        return f"{m.get('platform', '?')}, {m.get('cpus', '?')} CPU"
    if cpus:
        return f"{cpus} CPU (platform tidak tercatat)"
    return "mesin tidak tercatat"


def source_of(
    name: str, doc: dict[str, Any] | None, *, committed: str | None = None, fresh: bool = False
) -> Source:
    """Provenance of ``doc`` (the content of results/``name``): its ``stamp`` when the runner
    wrote one, else the ``utc``/``measured`` field it carries, else ``committed`` (the commit
    that last changed the file, as the caller found it) named as such."""
    if doc is None:
        return Source(name, None, "-", "-")
    s = doc.get("stamp")
    if isinstance(s, dict):
        return Source(
            name,
            doc,
            str(s.get("utc")),
            _machine_words(s.get("machine"), None),
            s.get("commit"),
            s.get("load_1min"),
            fresh,
        )
    where = _machine_words(doc.get("machine"), doc.get("cpus"))
    if isinstance(doc.get("utc"), str):
        when = datetime.strptime(doc["utc"], "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%d %H:%M UTC")
    elif isinstance(doc.get("measured"), str):
        when = doc["measured"]
    elif committed:
        when = f"(waktu tidak tercatat di file; file terakhir diubah di commit {committed})"
    else:
        when = "(waktu tidak tercatat)"
    return Source(name, doc, when, where, fresh=fresh)


def _yes(ok: bool | None) -> str:
    return "-" if ok is None else ("ya" if ok else "**tidak**")


def _target(what: str, limit: str, measured: str, ok: bool | None, src: Source) -> dict[str, Any]:
    return {
        "sasaran": what,
        "batas": limit,
        "terukur": measured,
        "terpenuhi": ok,
        "sumber": src.name,
        "diukur": src.when,
    }


def _per_instansi(src: Source) -> dict[str, Any]:
    case = next((c for c in (src.doc or {}).get("cases", []) if c["case"] == "nasional"), None)
    if case is None:
        return _target(
            "nasional per instansi: semua OPTIMAL", "≤ 10 menit, ≤ 8 GB", "belum diukur", None, src
        )
    s, n = case["solve"], len(case["plans"])
    ok = case["optimal"] == n and s["seconds"] <= 600 and s["peak_tree_rss_mb"] <= 8 * GB
    measured = (
        f"{case['optimal']}/{n} OPTIMAL, {s['seconds']} s, RSS pohon proses "
        f"{s['peak_tree_rss_mb']:,} MB (1 proses {s['peak_rss_mb']:,} MB)"
    )
    return _target("nasional per instansi: semua OPTIMAL", "≤ 10 menit, ≤ 8 GB", measured, ok, src)


def _one_pool(src: Source) -> dict[str, Any]:
    d = src.doc
    what, limit = "nasional satu kumpulan (semua perpindahan boleh)", "≤ 30 menit, ≤ 12 GB"
    if d is None:
        return _target(what, limit, "belum diukur", None, src)
    ok = d["status"] == "OPTIMAL" and d["wall_s"] <= 1800 and d["peak_rss_mb"] <= 12 * GB
    cpu = "tidak tercatat" if d["cpu_s"] is None else f"{d['cpu_s']:,.0f} s"
    measured = (
        f"{d['status']} setelah {d['wall_s']:,.0f} s (CPU {cpu}), "
        f"RSS puncak {d['peak_rss_mb']:,} MB (sampel tiap 5 s)"
    )
    return _target(what, limit, measured, ok, src)


def _provinsi(own: Source) -> dict[str, Any]:
    rows = [r for r in (own.doc or {}).get("cases", []) if r["preset"] == "provinsi"]
    row = next((r for r in rows if r["case"] == "tanpa-batas"), None)
    what = "provinsi tanpa batas: RSS puncak"
    if row is None:
        return _target(what, "≤ 2 GB", "belum diukur", None, own)
    ok = row["status"] == "OPTIMAL" and row["peak_rss_mb"] <= 2 * GB
    measured = f"{row['status']}, {row['peak_rss_mb']:,.0f} MB, {row['total_s']} s"
    return _target(what, "≤ 2 GB", measured, ok, own)


def _endtoend(src: Source) -> dict[str, Any]:
    d = src.doc
    what = "kabupaten end to end, dalam proses (median 3)"
    if d is None:
        return _target(what, "≤ 2 s", "belum diukur", None, src)
    measured = (
        f"{d['in_process_median_s']:.2f} s (CPU {d['in_process_cpu_median_s']:.2f} s; "
        f"CLI solve {d['cli_solve_median_s']:.2f} s)"
    )
    return _target(what, "≤ 2 s", measured, d["in_process_median_s"] <= 2.0, src)


def _assign(src: Source) -> dict[str, Any]:
    rows = (src.doc or {}).get("cases", [])
    what = "assign vs scipy: rasio (dense n ≥ 400, sparse n ≥ 2.000); selisih di bawahnya"
    limit = "≤ 1,5×; ≤ 2 ms; objektif sama"
    if not rows:
        return _target(what, limit, "belum diukur", None, src)
    big = [r for r in rows if r["n"] >= (400 if r["shape"] == "dense" else 2000)]
    small = [r for r in rows if r not in big]
    worst = max((r["ratio"] for r in big), default=None)
    over = max((r["overhead_ms"] for r in small), default=None)
    same = all(r["same_objective"] for r in rows)
    ok = (
        (worst is None or worst <= 1.5) and (over is None or over <= 2.0) and same
        if big or small
        else None
    )
    measured = (
        f"rasio terburuk {worst if worst is not None else '-'}×, selisih terbesar "
        f"{over if over is not None else '-'} ms, objektif sama: {'ya' if same else 'TIDAK'}"
    )
    return _target(what, limit, measured, ok, src)


def _speedups(src: Source) -> list[dict[str, Any]]:
    out = []
    for case, rows in (src.doc or {}).items():
        if not isinstance(rows, list):
            continue
        parts = ", ".join(f"{r['executor']} {r['speedup']:.2f}×" for r in rows)
        out.append(_target(f"percepatan {case}", "-", parts, None, src))
    return out or [_target("percepatan sapuan dan batch", "-", "belum diukur", None, src)]


def targets(own: Source, sources: dict[str, Source]) -> list[dict[str, Any]]:
    """The issue's "done when" figures, each with its limit, whether it is met and its source."""
    return [
        _per_instansi(sources["scaling"]),
        _one_pool(sources["nasional-satu-kumpulan"]),
        _provinsi(own),
        _endtoend(sources["endtoend"]),
        _assign(sources["assign"]),
        *_speedups(sources["scale"]),
    ]


def target_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| sasaran | batas | terukur | terpenuhi | diukur (sumber) |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['sasaran']} | {r['batas']} | {r['terukur']} | {_yes(r['terpenuhi'])} "
        f"| {r['diukur']} ({r['sumber']}) |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def pipeline_table(rows: list[dict[str, Any]], info: dict[str, Any]) -> str:
    """The runner's own rows: each preset and case with its stages, RSS and the baselines."""
    head = "| preset | kasus | pasangan layak / silang | di solver | setelah fixing | backend | status | kelayakan s | model s | solver s | total s | RSS MB |"
    lines = [
        f"Mesin: {info['platform']}, {info['cpus']} CPU, Python {info['python']}",
        "",
        head,
        "|" + "---|" * 12,
    ]
    for r in rows:
        s = r["stages_s"]
        lines.append(
            f"| {r['preset']} | {r['case']} | {r['pairs_eligible']:,} / {r['cross_product']:,} | {r['pairs_in_solver']:,} "
            f"| {r['pairs_after_fixing'] or '-'} | {r['backend']} | {r['status']} | {s.get('kelayakan', 0):.2f} "
            f"| {s.get('model', 0):.2f} | {s.get('solver', 0):.2f} | {r['total_s']:.1f} | {r['peak_rss_mb']:.0f} |"
        )
    packages = [r for r in rows if r.get("package_s")]
    if packages:
        lines += [
            "",
            "Paket usulan (pdf + docx + xlsx; target kabupaten ≤ 5 s):",
            "",
            "| preset | kasus | dinding s | CPU s |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {r['preset']} | {r['case']} | {r['package_s']['wall']:.2f} "
            f"| {r['package_s']['cpu']:.2f} |"
            for r in packages
        ]
    lines += [
        "",
        "Pembanding pada model yang sama (objektif; waktu; rasio waktu terhadap model+solver kita):",
        "",
    ]
    lines += [
        "| preset | kasus | pembanding | status | objektif | kita | detik | rasio waktu |",
        "|" + "---|" * 8,
    ]
    for r in rows:
        ours = r["stages_s"].get("model", 0) + r["stages_s"].get("solver", 0)
        for name, b in r["baselines"].items():
            if not isinstance(b, dict):
                lines.append(f"| {r['preset']} | {r['case']} | {name} | {b} | | | | |")
                continue
            secs = b.get("seconds", b.get("wall_seconds"))
            ratio = f"{secs / ours:.1f}×" if secs and ours else "-"
            status = b.get("status", b.get("phase", "valid" if b.get("valid") else ""))
            lines.append(
                f"| {r['preset']} | {r['case']} | {name} | {status} | {b.get('objective')} | {r['objective']:.4f} | {secs} | {ratio} |"
            )
    return "\n".join(lines) + "\n"


def nasional_table(scaling: Source, pool: Source) -> str:
    """Both nasional cases side by side: split per instansi (scaling.json) and one pool."""
    lines = [
        "| kasus | status | jam dinding | CPU user+sys | RSS puncak | pasangan | diukur |",
        "|---|---|---|---|---|---|---|",
    ]
    case = next((c for c in (scaling.doc or {}).get("cases", []) if c["case"] == "nasional"), None)
    if case is None:
        lines.append(f"| per instansi | belum diukur | | | | | results/{scaling.name} |")
    else:
        s = case["solve"]
        lines.append(
            f"| per instansi ({len(case['plans'])} instansi, `--pisah-instansi`, executor local, "
            f"2 pekerja) | {case['optimal']}/{len(case['plans'])} OPTIMAL | {s['seconds']} s "
            f"| tidak tercatat | {s['peak_rss_mb']:,} MB 1 proses; {s['peak_tree_rss_mb']:,} MB "
            f"pohon proses | {case['pairs']:,} | {scaling.when} |"
        )
    d = pool.doc
    if d is None:
        lines.append(f"| satu kumpulan | belum diukur | | | | | results/{pool.name} |")
    else:
        pairs = f"{d['pairs']:,}" if d.get("pairs") is not None else "-"
        lines.append(
            f"| satu kumpulan (`--gabung-instansi`) | {d['status']} (kode keluar {d['exit']}) "
            f"| {d['wall_s']:,.0f} s | {_cpu(d)} | {d['peak_rss_mb']:,} MB | {pairs} "
            f"| {pool.when} |"
        )
    return "\n".join(lines) + "\n"


def _cpu(d: dict[str, Any]) -> str:
    if d["cpu_s"] is None:
        return "tidak tercatat (`timeout` menghentikan `/usr/bin/time`)"
    return f"{d['cpu_s']:,.0f} s ({d['user_s']:,.0f} + {d['sys_s']:,.0f})"


def pool_details(pool: Source, scaling: Source) -> str:
    """Where the one pool's time and memory went, its message, and the counted pair total."""
    lines: list[str] = []
    d = pool.doc
    if d is not None:
        limits = d.get("limits", {})
        lines += [
            f"Perintah: `{d['command']}` di bawah `ulimit -v` {limits.get('address_space_gb')} GiB, "
            f"`timeout {limits.get('timeout_s')}`, `nice -n {limits.get('nice')}`; "
            f"traceback: {'ADA' if d.get('traceback') else 'tidak ada'}.",
            "",
            "| tahap (baris status CLI) | mulai s | lama s | RSS maks dalam tahap MB |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_short(st['stage'])} | {st['start_s']:,.0f} | {st['seconds']:,.0f} "
            f"| {st['peak_rss_mb'] if st.get('peak_rss_mb') is not None else '-'} |"
            for st in d.get("stages", [])
        ]
        if d.get("rss_per_minute_mb"):
            steps = ", ".join(f"{m}: {mb:,}" for m, mb in d["rss_per_minute_mb"])
            lines += ["", f"RSS maks per menit sejak mulai (menit: MB): {steps}."]
        staged = {k: v for k, v in (d.get("solver_stats") or {}).items() if "bertahap" in k}
        if staged:
            lines += [
                "",
                "Penetapan harga bertahap (workflow/pricing.py; statistik solver di hasil.json): "
                + ", ".join(f"{k} = {v}" for k, v in staged.items())
                + f"; pasangan di solver {d.get('pairs_in_solver')}.",
            ]
        if d.get("message"):
            lines += ["", "Pesan terakhir:", "", "```", d["message"].strip(), "```"]
    one = (scaling.doc or {}).get("one_pool")
    if one:
        lines += [
            "",
            f"Pasangan yang memenuhi syarat sebagai satu kumpulan, dihitung blok demi blok tanpa "
            f"menyimpannya (`python -m benchmarks.scale --growth --count-pool`): {one['pairs']:,} "
            f"dalam {one['count_seconds']} s, RSS maks {one['peak_rss_mb']:,} MB; tabel pasangannya "
            f"≈ {one['pair_table_gb_estimate']} GB. Diukur {scaling.when} (results/{scaling.name}).",
        ]
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _section(title: str, src: Source, body: str) -> list[str]:
    if src.doc is None:
        return [f"## {title}", "", src.line(), ""]
    return [f"## {title}", "", src.line(), "", body.rstrip("\n"), ""]


def assemble(own: Source, sources: dict[str, Source], now: str) -> str:
    """full.md: the targets first, then each benchmark's table with its provenance."""
    from benchmarks import assign, endtoend, growth, scale

    e2e, scl, grw, asg = (sources[k] for k in ("endtoend", "scale", "scaling", "assign"))
    pool = sources["nasional-satu-kumpulan"]
    own_info = (own.doc or {}).get("machine") or machine()
    lines = [
        "# Benchmark lengkap (`python -m benchmarks`)",
        "",
        f"Disusun {now}. Setiap bagian menyebut kapan, di mesin apa dan pada commit apa angkanya "
        "diukur; bagian yang tidak diukur ulang oleh run ini dibaca dari json terakhirnya. Mesin "
        "2 inti yang dipakai bersama membuat jam dinding 2–4× lebih lambat dari mesin tenang: "
        "lihat beban 1 menit.",
        "",
        "## Sasaran issue 22",
        "",
        target_table(targets(own, sources)).rstrip("\n"),
        "",
        *_section(
            "Kabupaten dan provinsi (pipeline dalam proses, per kasus)",
            own,
            pipeline_table((own.doc or {}).get("cases", []), own_info),
        ),
        *_section("Kabupaten end to end", e2e, endtoend.markdown(e2e.doc) if e2e.doc else ""),
        "## Nasional: per instansi dan satu kumpulan",
        "",
        nasional_table(grw, pool).rstrip("\n"),
        "",
        grw.line(),
        pool.line(),
        "",
        pool_details(pool, grw).rstrip("\n"),
        "",
        *_section(
            "Ukuran terhadap waktu dan memori",
            grw,
            (growth.markdown(grw.doc) + "\n![scaling](scaling.png)\n") if grw.doc else "",
        ),
        *_section("Sapuan dan batch", scl, scale.markdown(scl.doc) if scl.doc else ""),
        *_section(
            "assign vs scipy",
            asg,
            assign.markdown(asg.doc["cases"], asg.doc["machine"]) if asg.doc else "",
        ),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
