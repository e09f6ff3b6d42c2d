"""The ``placement`` click group, shared options and user-error reporting.

Exit codes: 0 success; 1 user error (bad input or config: a report, no traceback, no output
file); 2 usage error (click); 3 no valid plan (infeasible / no plan in the time limit);
130 interrupted (Ctrl-C or SIGTERM; no new plan file).
"""

from __future__ import annotations

import functools
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from placement import __version__
from placement.cli.commands import COMMANDS
from placement.cli.lazy import LazyGroup
from placement.domain.errors import Issue, PlacementError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER_ERROR = 1
EXIT_NO_PLAN = 3
EXIT_INTERRUPTED = 130
INTERRUPTED_MESSAGE = {
    "id": "Status: INTERRUPTED. Dihentikan oleh pengguna; tidak ada file rencana baru yang ditulis.",
    "en": "Status: INTERRUPTED. Stopped by the user; no new plan file was written.",
}


def lang_option(func: F) -> F:
    """``--lang id|en`` for user-facing text (default Bahasa Indonesia)."""
    return click.option(
        "--lang",
        type=click.Choice(["id", "en"]),
        default="id",
        show_default=True,
        help="Bahasa pesan: id (Indonesia) atau en (English).",
    )(func)


DATE = click.DateTime(formats=["%Y-%m-%d"])


def scenario_option(func: F) -> F:
    """``--scenario FILE`` (a scenario YAML)."""
    return click.option(
        "--scenario",
        "scenario",
        type=click.Path(path_type=Path, dir_okay=False),
        help="File skenario YAML.",
    )(func)


def date_option(func: F) -> F:
    """``--date YYYY-MM-DD``: the plan date, overriding the scenario's tanggal_rencana."""
    return click.option(
        "--date",
        "plan_date",
        type=DATE,
        default=None,
        help="Tanggal rencana YYYY-MM-DD (menggantikan skenario).",
    )(func)


def format_issues(issues: list[Issue], lang: str) -> str:
    """Human-readable issue list, one problem a line: [file:row:column] CODE message."""
    lines = []
    for i in issues:
        where = i.file or "-"
        if i.row is not None:
            where += f", baris {i.row}" if lang == "id" else f", row {i.row}"
        if i.column:
            where += f", kolom {i.column}" if lang == "id" else f", column {i.column}"
        label = (
            {"error": "GALAT", "warning": "PERINGATAN"}[str(i.severity)]
            if lang == "id"
            else str(i.severity).upper()
        )
        lines.append(f"{label} [{where}] {i.code}: {i.message(lang)}")
    return "\n".join(lines)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (``kill``) like Ctrl-C while a command runs, so both end the same way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def user_errors(func: F) -> F:
    """Report PlacementError as a located list (stderr) and exit 1, never a traceback.

    Ctrl-C and SIGTERM end with exit code 130 and the message that no new file was written.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang", "id")
        try:
            with terminate_as_interrupt():
                return func(*args, **kwargs)
        except PlacementError as exc:
            click.echo(format_issues(exc.issues, lang), err=True)
            n = len(exc.issues)
            click.echo(f"{n} masalah ditemukan; tidak ada file keluaran yang ditulis." if lang == "id"
                       else f"{n} problem(s) found; no output file was written.", err=True)  # fmt: skip
            sys.exit(EXIT_USER_ERROR)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED_MESSAGE[lang], err=True)
            sys.exit(EXIT_INTERRUPTED)

    return wrapper  # type: ignore[return-value]


def echo_json(payload: Any) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="placement")
def main() -> None:
    """placement: rencana penempatan ASN (mutasi, rotasi, promosi) yang optimal dan dapat
    dipertanggungjawabkan.

    \b
    Contoh:
      placement generate --preset tiny --out data-tiny
      placement validate data-tiny
      placement solve data-tiny --out hasil
    """
