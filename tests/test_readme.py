"""The README only shows commands that exist, and every command has help with an example."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from placement.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_commands() -> set[str]:
    text = README.read_text(encoding="utf-8")
    return set(re.findall(r"(?m)^\$? ?placement ([a-z][a-z-]*)", text)) | set(
        re.findall(r"`placement ([a-z][a-z-]*)", text)
    )


def test_every_readme_command_exists() -> None:
    shown = readme_commands()
    assert {"generate", "validate", "solve", "eligibility", "audit"} <= shown
    assert shown <= set(main.load_all()), shown - set(main.commands)


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    for name in main.load_all():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Contoh" in result.output, name


def test_readme_gives_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
