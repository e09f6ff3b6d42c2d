"""Rencana: one run's plan — summary, sortable plan table, a move's explanation (rules with legal
basis, score terms, alternatives, why-not), vacancy chains as a graph, the region's 9-box grid
and the downloads (rencana.xlsx, dossier PDF). Everything is computed by the library
(placement.plan.*); these modules only lay it out, one job each: ``page`` (the route, summary,
downloads), ``table``, ``chains``, ``nine_box``, ``explanation``, ``why_not``, ``printing``
(the print view's route)."""

from placement.ui.i18n import kind_label
from placement.ui.pages.plan.page import plan_page
from placement.ui.pages.plan.printing import print_page
from placement.ui.pages.plan.table import HIDDEN, filter_plan, table_xlsx
from placement.ui.pages.plan.why_not import change_text, person_options, post_options
from placement.ui.plan_cache import Solved

__all__ = [
    "HIDDEN",
    "Solved",
    "change_text",
    "filter_plan",
    "kind_label",
    "person_options",
    "plan_page",
    "post_options",
    "print_page",
    "table_xlsx",
]
