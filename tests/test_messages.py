"""The message catalogue (placement/domain/messages.py): templates per code, one ``issue()``."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from placement.domain.errors import Severity
from placement.domain.messages import TEMPLATES, Where, issue
from placement.domain.validate import CODES

VALIDATE = Path(__file__).resolve().parents[1] / "placement" / "domain" / "validate"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_is_a_known_code_with_the_same_fields_in_both_languages(code: str) -> None:
    assert code in CODES
    assert _fields(TEMPLATES[code].id) - {"meaning_id", "label_id", "when_id"} == _fields(
        TEMPLATES[code].en
    ) - {"meaning_en", "label_en", "when_en"}


def test_issue_is_located_with_the_code_tables_severity() -> None:
    found = issue("TABEL_TANPA_DATA", Where("pegawai.csv"), file="pegawai.csv")
    assert (found.file, found.row, found.column, found.severity) == (
        "pegawai.csv", None, None, Severity.ERROR,
    )  # fmt: skip
    assert found.message("id").startswith("pegawai.csv tidak berisi baris data.")
    assert found.message("en").startswith("pegawai.csv has no data rows.")
    with pytest.raises(KeyError):
        issue("TABEL_TANPA_DATA", Where("x.csv"))  # a missing field is a bug, not a blank


def test_validation_needs_no_fmt_skip() -> None:
    marked = [p.name for p in VALIDATE.glob("*.py") if "fmt: skip" in p.read_text("utf-8")]
    assert marked == []
