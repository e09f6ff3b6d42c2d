"""Shared pieces of the CLI (placement/cli/base.py): named exit codes and the option decorators
every command that solves or writes a format uses."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from placement.cli import main
from placement.cli.base import ExitCode
from placement.io.writers import write_dataset
from placement.solver import BACKENDS
from placement.synth import generate


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(main)
    found: dict[str, click.Command] = {}
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        assert cmd is not None
        if isinstance(cmd, click.Group):
            sub = click.Context(cmd)
            found.update({f"{name} {s}": cmd.get_command(sub, s) for s in cmd.list_commands(sub)})  # type: ignore[misc]
        else:
            found[name] = cmd
    return found


def test_exit_codes_keep_their_values() -> None:
    assert [(c.name, int(c)) for c in ExitCode] == [
        ("OK", 0),
        ("USER_ERROR", 1),
        ("USAGE", 2),
        ("INFEASIBLE", 3),
        ("AUDIT_FAILED", 4),
        ("GATE_FAILED", 5),
        ("INTERRUPTED", 130),
    ]


def test_every_solving_command_has_the_same_solver_options() -> None:
    solving = {n: c for n, c in _commands().items() if any(p.name == "backend" for p in c.params)}
    assert {"solve", "scenario run", "frontier"} <= set(solving)
    for name, cmd in solving.items():
        params = {p.name: p for p in cmd.params}
        backend, limit = params["backend"], params["time_limit"]
        assert isinstance(backend.type, click.Choice) and tuple(backend.type.choices) == BACKENDS
        assert backend.default == "auto" and limit.default is None, name


def test_every_format_option_is_fmt_with_its_default_shown() -> None:
    formats = [(n, p) for n, c in _commands().items() for p in c.params if "--format" in p.opts]
    assert len(formats) >= 7
    for name, param in formats:
        assert param.name == "fmt" and isinstance(param.type, click.Choice), name
        assert name == "pseudonymize" or param.show_default, name


def test_solve_logs_its_stages_when_not_on_a_terminal(tmp_path: Path) -> None:
    """Output to a pipe or log file (as here) gets timestamped stage lines instead of the status
    line a terminal shows, so a long run started by a script leaves its stages in its log."""
    data = tmp_path / "data"
    write_dataset(generate("tiny", 0), data)
    args = ["solve", str(data), "--out", str(tmp_path / "hasil"), "--no-store"]
    res = CliRunner().invoke(main, [*args, "--date", "2026-07-01"])
    assert res.exit_code == 0, res.output
    stages = re.findall(r"^\[\d\d:\d\d:\d\d\] (.+)$", res.output, flags=re.MULTILINE)
    assert stages and stages[0].startswith("Menyusun pasangan"), res.output
    assert res.output.index(stages[-1]) < res.output.index("Status: OPTIMAL")
