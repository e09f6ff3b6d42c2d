"""Jalankan: solve the scenario in a child process with a live progress log and a cancel button."""

from __future__ import annotations

from nicegui import ui

from placement.domain.errors import PlacementError
from placement.ui import i18n
from placement.ui.i18n import t
from placement.ui.jobs import Job
from placement.ui.layout import issue_table, page_frame
from placement.ui.state import workspace

POLL_S = 0.5


def _outcome(job: Job) -> None:
    """The final state of a job: link to the plan, diagnosis, or located errors."""
    if job.state == "selesai":
        objective = job.summary.get("objektif")
        ui.label(t("run.done", run_id=job.run_id, status=job.status,
                   objective=f"{objective:.4f}" if objective is not None else "-")).classes(
            "text-positive"
        ).props("data-testid=run-hasil")  # fmt: skip
        ui.button(t("run.open_plan"),
                  on_click=lambda: ui.navigate.to(f"/rencana?run={job.run_id}")).props(
            "data-testid=buka-rencana"
        )  # fmt: skip
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
        ui.label(t("run.scenario", name=sc.nama, date=sc.tanggal_rencana.isoformat())).props(
            "data-testid=run-skenario"
        )
        if ws.check is None or not ws.check.ok:
            ui.label(t("no_data")).classes("text-negative")
        with ui.row().classes("items-end"):
            limit = ui.number(t("run.time_limit"), min=1, step=1).classes("w-72")
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
            clock.set_text(t("run.running", elapsed=job.elapsed) if running else "")
            with log:
                for at, message in job.log[shown["lines"] :]:
                    ui.label(f"{at:6.1f} s  {message}")
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
