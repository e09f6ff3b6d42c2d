"""Optimisation backends. The only package that imports ortools, pulp or highspy."""

from placement.solver.assign import assign
from placement.solver.problem import Problem, Solution, SolveStatus
from placement.solver.run import BACKENDS, solve_problem

__all__ = ["BACKENDS", "Problem", "Solution", "SolveStatus", "assign", "solve_problem"]
