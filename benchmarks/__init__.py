"""Benchmarks (not run by ``make test``): ``python -m benchmarks [--quick]``."""
