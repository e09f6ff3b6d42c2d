"""Succession and multi-year planning: successors per post with readiness, bench strength,
future vacancies (BUP, maximum tenure, SOTK changes) and the talent map (9-box).

Entry point for reports: :func:`succession_sheets` (the xlsx sheets) or
:func:`succession_report` (the computed parts).
"""

from placement.succession.future import SotkChange, future_vacancies, read_sotk
from placement.succession.readiness import Successors, horizon_end, select_posts, successors
from placement.succession.sheets import (
    SuccessionReport,
    report_sheets,
    succession_report,
    succession_sheets,
)
from placement.succession.talent_map import (
    box_transitions,
    read_previous_round,
    talent_counts,
    talent_grid,
    talent_people,
)
from placement.succession.timeline import Timeline

__all__ = [
    "SotkChange",
    "SuccessionReport",
    "Successors",
    "Timeline",
    "box_transitions",
    "future_vacancies",
    "horizon_end",
    "read_previous_round",
    "read_sotk",
    "report_sheets",
    "select_posts",
    "succession_report",
    "succession_sheets",
    "successors",
    "talent_counts",
    "talent_grid",
    "talent_people",
]
