"""Command-line interface: a thin click layer over the library (no logic beyond options)."""

from __future__ import annotations

from placement.cli.base import main

__all__ = ["main"]
