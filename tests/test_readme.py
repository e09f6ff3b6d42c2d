"""The README only shows commands that exist, and every command has help with an example."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.io.writers import write_dataset
from placement.synth import generate

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


def api_examples() -> list[str]:
    """The python blocks of the README's 'API Python' section."""
    section = README.read_text(encoding="utf-8").split("## API Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_api_examples_run_with_one_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23: the public API is ``import placement``; the README's examples run as written."""
    write_dataset(generate("tiny", 0), tmp_path / "data-tiny")
    monkeypatch.chdir(tmp_path)
    examples = api_examples()
    assert len(examples) == 2
    for code in examples:
        assert re.findall(r"(?m)^(?:import|from) placement\b.*$", code) == ["import placement"]
        exec(compile(code, "README.md", "exec"), {})


def test_public_names_resolve_lazily() -> None:
    """``import placement`` loads no solver stack; each public name is the library's own."""
    code = (
        "import sys, placement; print(sorted(m for m in ('pandas', 'ortools') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    import placement
    from placement.plan.result import Result
    from placement.workflow.engine import solve

    assert placement.solve is solve and placement.Result is Result
    assert all(getattr(placement, name) is not None for name in placement.__all__)
    with pytest.raises(AttributeError):
        placement.no_such_name  # noqa: B018
