"""A click group whose commands are imported on first use (``placement --help`` stays fast).

Each command module attaches its commands to ``main`` with ``@main.command`` when imported;
the group only knows, per command name, the module to import and the short help to list.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, NamedTuple

import click


class LazyCommand(NamedTuple):
    """Where a top-level command lives and the first paragraph of its help, from which
    ``placement --help`` makes the same one-line summary as click does for the loaded command."""

    module: str
    summary: str


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is used."""

    def __init__(self, *args: Any, lazy: Mapping[str, LazyCommand], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            importlib.import_module(self.lazy[cmd_name].module)
        return super().get_command(ctx, cmd_name)

    def load_all(self) -> Mapping[str, click.Command]:
        """Import every command module; the loaded commands by name."""
        for entry in self.lazy.values():
            importlib.import_module(entry.module)
        return self.commands

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Like click's, with the registry's short help for commands not imported yet."""
        listed = [(name, self._listed(name)) for name in self.list_commands(ctx)]
        shown = [(name, cmd) for name, cmd in listed if not cmd.hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        with formatter.section("Commands"):
            formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in shown])

    def _listed(self, name: str) -> click.Command:
        if name in self.commands:
            return self.commands[name]
        return click.Command(name, help=self.lazy[name].summary)
