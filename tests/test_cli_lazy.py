"""``import placement.cli`` imports no command module; ``placement --help`` still lists every
command with the summary its own help gives (issue 22 item 4)."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

from placement.cli import main
from placement.cli.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
LIGHT = {"placement.cli", "placement.cli.base", "placement.cli.commands", "placement.cli.lazy"}


def _python(code: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return done.stdout


def test_import_cli_imports_no_command_module_nor_pandas() -> None:
    loaded = _python(
        "import sys, placement.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('placement.cli') or m == 'pandas'))"
    )
    assert set(eval(loaded)) == LIGHT


def test_registry_names_each_command_with_its_module_and_summary() -> None:
    commands = main.load_all()
    assert set(commands) == set(COMMANDS)
    for name, entry in COMMANDS.items():
        cmd = commands[name]
        assert cmd.callback is not None and cmd.callback.__module__ == entry.module, name
        assert inspect.cleandoc(cmd.help or "").split("\n\n")[0] == entry.summary, name


def test_help_lists_every_command_as_when_all_are_loaded() -> None:
    run = "from placement.cli import main\n{}main(prog_name='placement')"
    lazy = _python(run.format(""), "--help")
    loaded = _python(run.format("main.load_all()\n"), "--help")
    assert lazy == loaded
    assert all(f"  {name} " in lazy for name in COMMANDS)


def test_a_command_is_imported_when_used() -> None:
    out = _python(
        "import sys\nfrom placement.cli import main\n"
        "try:\n    main(prog_name='placement')\nexcept SystemExit:\n    pass\n"
        "print('placement.cli.generate_cmd' in sys.modules, 'placement.cli.ui_cmd' in sys.modules)",
        "generate", "--help",
    )  # fmt: skip
    assert out.strip().endswith("True False")
