"""Located problems (file, row, column, code) and the user-error exception the CLI reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the input, located as precisely as possible.

    ``row`` is the 1-based row as a planner sees it in Excel (header = row 1), or None
    when the problem concerns the whole file or column.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    severity: Severity
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message(lang),
            "severity": str(self.severity),
        }


def error(
    file: str, row: int | None, column: str | None, code: str, msg_id: str, msg_en: str
) -> Issue:
    return Issue(file, row, column, code, Severity.ERROR, msg_id, msg_en)


def warning(
    file: str, row: int | None, column: str | None, code: str, msg_id: str, msg_en: str
) -> Issue:
    return Issue(file, row, column, code, Severity.WARNING, msg_id, msg_en)


def shown(text: object, limit: int = 60) -> str:
    """A cell value as quoted in a message: control characters escaped (``\\x1b``, ``\\r``) so
    they cannot garble a terminal or a report, and values longer than ``limit`` characters cut with '…'."""
    raw = str(text)
    if len(raw) <= limit and raw.isprintable():
        return raw
    out = "".join(c if c.isprintable() else repr(c)[1:-1] for c in raw[:limit])
    return out + "…" if len(raw) > limit else out


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.severity is Severity.ERROR for i in issues)


class PlacementError(Exception):
    """A user error (bad input, bad config): reported without a traceback, exit code 1."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        first = self.issues[0].message("id") if self.issues else ""
        super().__init__(f"{len(self.issues)} masalah; pertama: {first}")

    @classmethod
    def single(
        cls, code: str, msg_id: str, msg_en: str, file: str = "", column: str | None = None
    ) -> PlacementError:
        return cls([error(file, None, column, code, msg_id, msg_en)])


def issue_records(issues: Iterable[Issue], lang: str = "id") -> list[dict[str, Any]]:
    return [i.as_dict(lang) for i in issues]


__all__ = [
    "Issue",
    "PlacementError",
    "Severity",
    "error",
    "has_errors",
    "issue_records",
    "shown",
    "warning",
]
