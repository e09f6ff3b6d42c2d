"""Jalankan: solve the scenario in a child process with a live progress log and a cancel button."""

from __future__ import annotations

import re

from nicegui import ui

from placement.domain.errors import PlacementError
from placement.ui import i18n
from placement.ui.format import format_date, format_number
from placement.ui.i18n import t, tr
from placement.ui.jobs import Job
from placement.ui.layout import issue_table, page_frame
from placement.ui.runs_view import status_label
from placement.ui.state import workspace

POLL_S = 0.5


STAGES: tuple[tuple[str, str, str], ...] = (  # progress message (regex) → id, en
    (
        r"Menyelesaikan dengan backend \S+",
        "Menghitung rencana optimal",
        "Computing the optimal plan",
    ),
    (
        r"Menyelesaikan (?P<n>\d+) tingkat leksikografis",
        "Menghitung rencana optimal dalam {n} tingkat prioritas",
        "Computing the optimal plan in {n} priority levels",
    ),
    (
        r"Menyusun model \((?P<pairs>[\d,]+) pasangan\)",
        "Menyusun model ({pairs} pasangan pegawai–jabatan)",
        "Building the model ({pairs} employee–post pairs)",
    ),
    (
        r"Membaca dan memvalidasi data",
        "Membaca dan memeriksa data",
        "Reading and checking the data",
    ),
    (
        r"Menyusun pasangan pegawai–jabatan yang memenuhi syarat",
        "Menyusun pasangan pegawai–jabatan yang memenuhi syarat",
        "Listing the eligible employee–post pairs",
    ),
    (
        r"Mencari aturan yang saling bertentangan",
        "Mencari aturan yang saling bertentangan",
        "Looking for rules that conflict",
    ),
    (
        r"Mencatat run di penyimpanan run",
        "Mencatat run di penyimpanan run",
        "Recording the run in the run store",
    ),
)


DATE_SOURCES: dict[str, tuple[str, str]] = {  # placement.config.plan_date_line's sources
    "dari argumen --date": ("dari argumen --date", "from the --date argument"),
    "dari skenario": ("dari skenario", "from the scenario"),
    "bawaan: hari ini": ("bawaan: hari ini", "default: today"),
}


def log_text(message: str) -> str:
    """A progress message of the solve in the page's language, without solver or backend names
    and with id-ID numbers ("254.701 pasangan") and dates ("1 Juli 2026")."""
    day = re.fullmatch(r"Tanggal rencana: (\d{4}-\d{2}-\d{2}) \((.*)\)", message)
    if day:
        source = DATE_SOURCES.get(day[2], (day[2], day[2]))
        return tr(
            "Tanggal rencana: {d} ({s})",
            "Plan date: {d} ({s})",
            d=format_date(day[1]),
            s=tr(*source),
        )
    for pattern, id_text, en_text in STAGES:
        found = re.fullmatch(pattern, message)
        if found:
            values = {
                k: format_number(int(v.replace(",", ""))) for k, v in found.groupdict().items()
            }
            return tr(id_text, en_text, **values)
    return message


def plan_status(status: str | None) -> str:
    """The solve's status in words."""
    if status == "OPTIMAL":
        return tr(
            "rencana optimal (terbaik yang mungkin menurut aturan dan bobot)",
            "optimal plan (the best possible under the rules and weights)",
        )
    if status == "FEASIBLE":
        return tr(
            "rencana layak; batas waktu habis sebelum terbukti terbaik",
            "feasible plan; the time limit ended before it was proven best",
        )
    return status_label(status)


def _clock(job: Job, jobs: list[Job]) -> str:
    """Elapsed time and the estimate of the time left (from the last finished run on this data)."""
    previous = next(
        (
            j
            for j in reversed(jobs)
            if j is not job and j.state == "selesai" and j.spec.data == job.spec.data
        ),
        None,
    )
    left = job.remaining(previous)
    if left is None:
        eta = t("run.eta_none")
    elif left <= 0:
        eta = t("run.eta_late")
    else:
        eta = t("run.eta", left=format_number(left))
    return f"{t('run.running', elapsed=format_number(job.elapsed))} · {eta}"


def _outcome(job: Job) -> None:
    """The final state of a job: link to the plan, diagnosis, or located errors."""
    if job.state == "selesai":
        ui.label(t("run.done", run_id=job.run_id, status=plan_status(job.status))).classes(
            "text-positive"
        ).props("data-testid=run-hasil")
        ui.button(
            t("run.open_plan"), on_click=lambda: ui.navigate.to(f"/rencana?run={job.run_id}")
        ).props("data-testid=buka-rencana")
    elif job.state == "tanpa_rencana":
        ui.label(t("run.no_plan", status=job.status)).classes("text-negative").props(
            "data-testid=run-hasil"
        )
        if job.diagnosis:
            ui.code(job.diagnosis, language="text").classes("w-full")
    elif job.state == "dibatalkan":
        ui.label(t("run.cancelled")).classes("text-warning").props("data-testid=run-hasil")
    elif job.state == "gagal":
        message = job.crash.splitlines()[-1] if job.crash else ""
        ui.label(t("run.failed", message=message)).classes("text-negative").props(
            "data-testid=run-hasil"
        )
        if job.issues:
            issue_table(job.issues[i18n.lang()], testid="masalah-run")
        elif job.crash:
            ui.code(job.crash, language="text").classes("w-full")


@ui.page("/jalankan")
def run_page() -> None:
    ws = workspace()
    with page_frame("/jalankan"):
        sc = ws.scenario
        ui.label(t("run.scenario", name=sc.nama, date=format_date(sc.tanggal_rencana))).props(
            "data-testid=run-skenario"
        )
        if ws.check is None or not ws.check.ok:
            ui.label(t("no_data")).classes("text-negative")
        with ui.row().classes("items-end"):
            limit = ui.number(t("run.time_limit"), min=1, step=1).classes("w-96")
            start = ui.button(t("run.start")).props("data-testid=mulai")
            cancel = ui.button(t("run.cancel"), color="negative").props("data-testid=batal")
        progress = ui.linear_progress(show_value=False).props("indeterminate")
        clock = ui.label("").props("data-testid=run-waktu")
        log = ui.column().classes("gap-0 font-mono text-sm").props("data-testid=run-log")
        outcome = ui.column().classes("w-full")
        shown: dict[str, int] = {"lines": 0}

        def current() -> Job | None:
            return ws.jobs[-1] if ws.jobs else None

        def refresh() -> None:
            job = current()
            if job is not None:
                job.poll()
            running = job is not None and job.running
            progress.set_visibility(running)
            start.set_enabled(not running and ws.check is not None and ws.check.ok)
            cancel.set_visibility(running)
            if job is None:
                return
            clock.set_text(_clock(job, ws.jobs) if running else "")
            with log:
                for at, message in job.log[shown["lines"] :]:
                    ui.label(f"{format_number(at, 1):>6} s  {log_text(message)}")
            shown["lines"] = len(job.log)
            if not running and not outcome.default_slot.children:
                with outcome:
                    _outcome(job)

        def begin() -> None:
            try:
                ws.start_job(float(limit.value) if limit.value else None)
            except PlacementError as exc:
                ui.notify(exc.issues[0].message(i18n.lang()), type="negative")
                return
            log.clear()
            outcome.clear()
            shown["lines"] = 0
            refresh()

        start.on_click(begin)

        def stop() -> None:
            job = current()
            if job is not None:
                job.cancel()

        cancel.on_click(stop)
        refresh()
        ui.timer(POLL_S, refresh)
