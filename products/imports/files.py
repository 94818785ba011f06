"""Reading an uploaded XLSX or CSV file into rows keyed by column, refusing what cannot be read."""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from producers.text import normalize_search_text
from products.imports.columns import COLUMN_BY_FOLDED, COLUMNS, Column

MAX_ROWS = 10_000
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_INFLATED_BYTES = 200 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row, missing columns)."""


def _xlsx_rows(data: bytes) -> list[tuple]:
    if not data.startswith(b"PK"):
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet."))
    try:
        # A few MB of zip can inflate to gigabytes: refuse before openpyxl inflates anything.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error
    if inflated > MAX_INFLATED_BYTES:
        raise ImportFileError(_("The spreadsheet is too large once unpacked. Split it."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2))
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error
    return rows


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Save the CSV file with UTF-8 encoding and try again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        raise ImportFileError(
            _("This CSV file cannot be read: a cell is too long or badly quoted.")
        ) from error


def _map_header(header_row, columns: list[Column]) -> dict[int, Column]:
    by_folded = (
        COLUMN_BY_FOLDED
        if columns is COLUMNS
        else {normalize_search_text(c.header): c for c in columns} | {c.key: c for c in columns}
    )
    mapping: dict[int, Column] = {}
    for index, cell in enumerate(header_row):
        text = str(cell or "").replace("*", "").strip()
        column = by_folded.get(normalize_search_text(text)) or by_folded.get(text)
        if column and column not in mapping.values():
            mapping[index] = column
    missing = [c.header for c in columns if c.required and c not in mapping.values()]
    if missing:
        raise ImportFileError(
            _("The file lacks these columns: %(columns)s. Start from the template.")
            % {"columns": ", ".join(missing)}
        )
    return mapping


def read_table(data: bytes, filename: str, columns: list[Column] = COLUMNS) -> list[tuple[int, dict]]:
    """Rows of the file as (spreadsheet row number, {column key: raw value}), blank rows skipped.

    ``columns``: the product import's by default; another import (promotion figures) names its own.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 10 MB."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif name.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        raise ImportFileError(_("Upload a .xlsx or .csv file."))
    if not rows:
        raise ImportFileError(_("The file is empty."))
    mapping = _map_header(rows[0], columns)
    result = []
    for number, row in enumerate(rows[1:], start=2):
        values = {column.key: row[index] if index < len(row) else None for index, column in mapping.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        result.append((number, values))
    if len(result) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows. Split it.") % {"max": MAX_ROWS})
    return result
