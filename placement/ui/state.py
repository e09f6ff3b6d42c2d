"""Where the pages find the workspace of this ``placement ui`` process."""

from __future__ import annotations

from placement.ui.workspace import Workspace

_current: list[Workspace] = []


def install(ws: Workspace) -> None:
    _current[:] = [ws]


def workspace() -> Workspace:
    if not _current:
        raise RuntimeError("placement ui: no workspace installed")
    return _current[0]
