"""``import placement.cli`` imports no command module; ``placement --help`` still lists every
command with the summary its own help gives (issue 22 item 4)."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import click

from placement.cli import main
from placement.cli.commands import COMMANDS
from placement.cli.lazy import LazyGroup

ROOT = Path(__file__).resolve().parents[1]
LIGHT = {"placement.cli", "placement.cli.base", "placement.cli.commands", "placement.cli.lazy"}
PROBE = """
import sys
import click
import placement.cli
before = sorted(m for m in sys.modules if m.startswith('placement.cli') or m == 'pandas')
placement.cli.main.get_command(click.Context(placement.cli.main), 'generate')
print(before, 'placement.cli.generate_cmd' in sys.modules, 'placement.cli.ui_cmd' in sys.modules)
"""


def test_import_cli_imports_no_command_module_until_one_is_used() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    before, generate, ui = done.stdout.rsplit(" ", 2)
    assert set(eval(before)) == LIGHT
    assert (generate, ui.strip()) == ("True", "False")


def test_registry_names_each_command_with_its_module_and_summary() -> None:
    commands = main.load_all()
    assert set(commands) == set(COMMANDS)
    for name, entry in COMMANDS.items():
        cmd = commands[name]
        assert cmd.callback is not None and cmd.callback.__module__ == entry.module, name
        assert inspect.cleandoc(cmd.help or "").split("\n\n")[0] == entry.summary, name


def _commands_section(group: click.Group, width: int) -> str:
    formatter = click.HelpFormatter(width=width)
    group.format_commands(click.Context(group, info_name="placement"), formatter)
    return formatter.getvalue()


def test_help_lists_every_command_as_when_all_are_loaded() -> None:
    main.load_all()
    nothing_loaded = LazyGroup(name="placement", lazy=COMMANDS)
    for width in (60, 78, 98, 200):
        listed = _commands_section(nothing_loaded, width)
        assert listed == _commands_section(main, width)
        assert all(f"  {name} " in listed for name in COMMANDS)
    assert not nothing_loaded.commands
