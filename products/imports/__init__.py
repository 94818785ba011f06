"""Spreadsheet import of products and certificates: reading, checking and planning (no writes).

A file becomes a list of row dicts (``files.read_table``), then an ``ImportPlan``
(``plan.plan_import``): for every row, what would happen (create, certificate, update,
unchanged) or why it cannot (row errors). The plan is shown as a dry run;
``products.services.apply_import`` writes a plan without errors, all or nothing.

Each column fills one model field, and that field judges the value (``cells``): the importer
only reads a cell (a date, a grouped price, "4 sao") and presents the field's own error,
prefixed with the column header. It never restates a rule: lengths, ranges, required values
and the decision date are the models' (see ``products.certificates``).

Rows always land in the importer's province. A row is matched to an existing product by its
stable key: product name (folded) + decision number; importing the same file twice therefore
changes nothing the second time.
"""

from products.imports.columns import COLUMNS, Column, template_headers, template_rows, template_widths
from products.imports.files import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportFileError,
    dump_rows,
    load_rows,
    read_table,
)
from products.imports.plan import (
    ACTION_LABELS,
    ImportPlan,
    PlannedRow,
    certificate_changes,
    plan_import,
    product_changes,
)

__all__ = [
    "ACTION_LABELS",
    "COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Column",
    "ImportFileError",
    "ImportPlan",
    "PlannedRow",
    "certificate_changes",
    "dump_rows",
    "load_rows",
    "plan_import",
    "product_changes",
    "read_table",
    "template_headers",
    "template_rows",
    "template_widths",
]
