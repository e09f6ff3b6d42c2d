"""Workflows over the library: sweeps and batches of independent solves on executors."""
