"""Reading an uploaded XLSX or CSV file into rows keyed by column, refusing what cannot be read."""

import csv
import datetime
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from producers.text import normalize_search_text
from products.imports.columns import COLUMN_BY_FOLDED, COLUMNS, Column

# Bounded work per upload (issue 9, finding 3): a file past any of these caps is refused with a
# message, never truncated. Rows count the non-blank product rows; cells the filled cells.
MAX_ROWS = 10_000
MAX_COLUMNS = 50
MAX_CELLS = 250_000
MAX_FILE_BYTES = 10 * 1024 * 1024
# The sum of the zip members' unpacked sizes, read from the zip's directory before any is unpacked.
MAX_INFLATED_BYTES = 40 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row, missing columns)."""


def _xlsx_rows(data: bytes) -> Iterator[tuple]:
    if not data.startswith(b"PK"):
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet."))
    try:
        # A few MB of zip can inflate to gigabytes: refuse before openpyxl inflates anything.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error
    inflated = sum(info.file_size for info in members)
    if any(info.filename.lower().endswith("vbaproject.bin") for info in members):
        # An .xlsm renamed .xlsx: its macros would never run here, but say what is wrong.
        raise ImportFileError(
            _("This workbook contains macros. Save it as an .xlsx workbook without macros and try again.")
        )
    if inflated > MAX_INFLATED_BYTES:
        raise ImportFileError(_("The spreadsheet is too large once unpacked. Split it."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        # Streamed row by row (read-only mode) and never wider than one column past the cap.
        yield from workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        workbook.close()
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Save the CSV file with UTF-8 encoding and try again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text), dialect)
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        raise ImportFileError(
            _("This CSV file cannot be read: a cell is too long or badly quoted.")
        ) from error


# C0 control characters and DEL, except tab, line feed and carriage return, which cells may hold.
# PostgreSQL refuses a NUL in text outright; the others are invisible and never meant.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _refuse_control_characters(number: int, values: dict, mapping: dict[int, Column]) -> None:
    """Refuse the file if a cell holds a control character, naming the row and the column.

    Refused rather than stripped: such a cell is not what the person sees in their spreadsheet
    (a binary paste, a broken export), and what is imported should be what they checked.
    """
    for column in mapping.values():
        value = values[column.key]
        found = _CONTROL.search(value) if isinstance(value, str) else None
        if found:
            raise ImportFileError(
                _(
                    "Row %(row)s, column “%(column)s”: the cell holds an invisible control character "
                    "(U+%(code)04X). Remove it and upload the file again."
                )
                % {"row": number, "column": column.header, "code": ord(found.group())}
            )


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _bounded(rows: Iterable) -> Iterator[tuple[int, Sequence]]:
    """(row number, row) while the table stays within the caps; refuse it as soon as it does not."""
    cells = products = 0
    for number, row in enumerate(rows, start=1):
        filled = [index for index, value in enumerate(row) if not _blank(value)]
        if filled and filled[-1] >= MAX_COLUMNS:
            raise ImportFileError(
                _("The file has more than %(max)s columns. Keep only the template's columns.")
                % {"max": MAX_COLUMNS}
            )
        cells += len(filled)
        if cells > MAX_CELLS:
            raise ImportFileError(
                _("The file has more than %(max)s filled cells. Split it.") % {"max": MAX_CELLS}
            )
        products += number > 1 and bool(filled)
        if products > MAX_ROWS:
            raise ImportFileError(_("The file has more than %(max)s rows. Split it.") % {"max": MAX_ROWS})
        yield number, row


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
    The file is read once, as a stream, and refused (never truncated) past the caps above.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 10 MB."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _bounded(_xlsx_rows(data))
    elif name.endswith(".csv"):
        rows = _bounded(_csv_rows(data))
    else:
        raise ImportFileError(_("Upload a .xlsx or .csv file."))
    first = next(rows, None)
    if first is None:
        raise ImportFileError(_("The file is empty."))
    mapping = _map_header(first[1], columns)
    result = []
    for number, row in rows:
        values = {column.key: row[index] if index < len(row) else None for index, column in mapping.items()}
        if all(_blank(v) for v in values.values()):
            continue
        _refuse_control_characters(number, values, mapping)
        result.append((number, values))
    return result


_TEMPORAL = {"datetime": datetime.datetime, "date": datetime.date, "time": datetime.time}


def _encode_cell(value):
    for tag, kind in _TEMPORAL.items():  # datetime before date: a datetime is also a date
        if isinstance(value, kind):
            return {"$": tag, "v": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _decode_cell(value):
    if isinstance(value, dict):
        return _TEMPORAL[value["$"]].fromisoformat(value["v"])
    return value


def dump_rows(rows: list[tuple[int, dict]]) -> bytes:
    """The rows ``read_table`` returned, as JSON, so a confirmation need not read the file again."""
    encoded = [[number, {k: _encode_cell(v) for k, v in values.items()}] for number, values in rows]
    return json.dumps(encoded, ensure_ascii=False, separators=(",", ":")).encode()


def load_rows(data: bytes) -> list[tuple[int, dict]]:
    return [(number, {k: _decode_cell(v) for k, v in values.items()}) for number, values in json.loads(data)]
