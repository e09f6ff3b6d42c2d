"""The Python API's first entry point, kept so ``from placement.api import solve`` still works;
``import placement`` gives the same names (see placement/__init__.py)."""

from placement.plan.result import Result
from placement.solver.problem import SolveStatus
from placement.workflow.engine import Progress, solve

__all__ = ["Progress", "Result", "SolveStatus", "solve"]
