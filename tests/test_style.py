"""Project-wide style rules the linters don't check."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_fmt_skip_markers() -> None:
    """The formatter is never switched off line by line: long messages live in the catalogue
    (placement/domain/messages.py), not on one-line inline texts kept by ``# fmt: skip``."""
    marker = "# fmt: " + "skip"
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("placement", "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.rstrip().endswith(marker)
    ]
    assert found == []
