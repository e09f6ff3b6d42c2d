"""The ``placement`` click group, shared options and user-error reporting.

Exit codes (:class:`ExitCode`): 0 success; 1 user error (bad input or config: a report, no
traceback, no output file; also a plan that fails its own audit, a bug); 2 usage error (click);
3 no valid plan (infeasible / no plan in the time limit); 4 an audit or integrity check found
violations; 5 an acceptance gate failed; 130 interrupted (Ctrl-C or SIGTERM; no new plan file).
"""

from __future__ import annotations

import functools
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import click

from placement import __version__
from placement.cli.commands import COMMANDS
from placement.cli.lazy import LazyGroup
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import text, texts

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    """Exit codes of every command (the module docstring says when each is used)."""

    OK = 0
    USER_ERROR = 1
    USAGE = 2
    INFEASIBLE = 3
    AUDIT_FAILED = 4
    GATE_FAILED = 5
    INTERRUPTED = 130


INTERRUPTED_MESSAGE = dict(zip(("id", "en"), texts("CLI_DIHENTIKAN"), strict=True))
AUDIT_FAILED_MESSAGE = dict(zip(("id", "en"), texts("CLI_AUDIT_GAGAL"), strict=True))
MEMORY_MESSAGE = dict(zip(("id", "en"), texts("CLI_MEMORI_TIDAK_CUKUP"), strict=True))


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


def solver_options(per: str = "") -> Callable[[F], F]:
    """``--backend`` and ``--time-limit`` (seconds; ``per``: what each limit applies to, e.g.
    "per varian")."""
    limit_help = f"Batas waktu solver{' ' + per if per else ''} (detik)."

    def decorate(func: F) -> F:
        from placement.solver.run import BACKENDS  # loaded with the command that solves

        func = click.option("--time-limit", type=float, default=None, help=limit_help)(func)
        return click.option(
            "--backend", type=click.Choice(BACKENDS), default="auto", show_default=True
        )(func)

    return decorate


def format_option(
    choices: Sequence[str], default: str | None = None, help: str | None = None
) -> Callable[[F], F]:
    """``--format`` (parameter ``fmt``) among ``choices``, default the first one."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=choices[0] if default is None else default,
            show_default=True,
            help=help,
        )(func)

    return decorate


def format_issues(issues: list[Issue], lang: str) -> str:
    """Human-readable issue list, one problem a line: [file:row:column] CODE message."""
    lines = []
    for i in issues:
        where = [i.file or "-"]
        if i.row is not None:
            where.append(text("CLI_BARIS", lang, row=i.row))
        if i.column:
            where.append(text("CLI_KOLOM", lang, column=i.column))
        label = text("CLI_GALAT" if str(i.severity) == "error" else "CLI_PERINGATAN", lang)
        lines.append(f"{label} [{', '.join(where)}] {i.code}: {i.message(lang)}")
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

    Ctrl-C and SIGTERM end with exit code 130 and the message that no new file was written;
    running out of memory with MEMORY_MESSAGE and exit code 1; an
    :class:`~placement.plan.audit.AuditFailedError` (a bug: the solver's plan fails its audit)
    with its findings, the message that no plan was written and exit code 1.
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
            click.echo(text("CLI_MASALAH_DITEMUKAN", lang, n=n), err=True)
            sys.exit(ExitCode.USER_ERROR)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED_MESSAGE[lang], err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except MemoryError:  # a stage that names its size raises MEMORI_TIDAK_CUKUP itself
            click.echo(MEMORY_MESSAGE[lang], err=True)
            sys.exit(ExitCode.USER_ERROR)
        except Exception as exc:
            from placement.plan.audit import AuditFailedError  # loaded already when exc is one

            if not isinstance(exc, AuditFailedError):
                raise
            click.echo(str(exc), err=True)
            click.echo(AUDIT_FAILED_MESSAGE[lang], err=True)
            sys.exit(ExitCode.USER_ERROR)  # exit 1 as before: a bug, not a finding of `audit`

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
