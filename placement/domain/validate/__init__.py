"""Validation of the input tables: every problem at once, located by file, Excel row and column.

Input: the string frames of :func:`placement.io.readers.read_tables` (template headers as
columns, index = Excel row number, ``attrs["file"]`` = where they came from). Output: canonical
frames (English field names of the schema, normalised values, typed columns) and the list of
issues. Each issue says in Bahasa Indonesia what is wrong and how to fix it (English as well).

Modules: ``codes`` (validation codes), ``sheet`` (per-table working state), ``parse`` (cell
parsers), ``tables`` (checks within a table), ``cross`` (checks across tables), ``check`` (the
entry point, :func:`validate_tables`).
"""

from placement.domain.validate.check import sort_issues, validate_tables
from placement.domain.validate.codes import CODES
from placement.domain.validate.parse import parse_dates
from placement.domain.validate.sheet import clean_cell

__all__ = ["CODES", "clean_cell", "parse_dates", "sort_issues", "validate_tables"]
