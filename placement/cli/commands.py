"""Imports every command module so that each registers itself on the ``main`` group."""

from placement.cli import demo  # noqa: F401
