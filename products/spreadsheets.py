"""Spreadsheets to download: CSV (UTF-8 with a BOM, for Excel) or XLSX, formulas neutralised.

Every list a person downloads from the site goes through here (the staff exports, the import
template; a public open-data list would too), so no cell leaves the site that a spreadsheet
would run as a formula.
"""

import csv
import datetime
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)


def neutralise(value):
    """A cell value that no spreadsheet will run as a formula: text starting =,+,-,@ gets a '."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_cell(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return neutralise(value)


def csv_text(headers: Sequence, rows: Iterable[Sequence]) -> str:
    """The rows under ``headers`` as CSV text, starting with a BOM so that Excel reads UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(header) for header in headers])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue()


class _Line:
    """A file-like sink for csv.writer that hands back each line written."""

    def write(self, text: str) -> str:
        return text


def csv_lines(headers: Sequence, rows: Iterable[Sequence]) -> Iterator[str]:
    """``csv_text`` line by line, so a long list is sent while it is read (bounded memory)."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([neutralise(header) for header in headers])
    for row in rows:
        yield writer.writerow([_csv_cell(value) for value in row])


def xlsx_file(headers: Sequence, rows: Iterable[Sequence], *, sheet: str, widths: Sequence[int] = ()):
    """The rows as an XLSX workbook in a temporary file, rewound; openpyxl's write-only mode keeps
    memory bounded whatever the number of rows, and the file goes away when closed."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.append([neutralise(header) for header in headers])
    for row in rows:
        worksheet.append([neutralise(value) for value in row])
    file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    workbook.save(file)
    file.seek(0)
    return file


def stream(*, fmt: str, filename: str, sheet: str, headers: Sequence, rows: Iterable[Sequence]):
    """Like ``download``, for lists of any length: CSV sent row by row, XLSX from a temporary file."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            (line.encode() for line in csv_lines(headers, rows)), content_type=CONTENT_TYPES[fmt]
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
        return response
    file = xlsx_file(headers, rows, sheet=sheet)
    return FileResponse(
        file, as_attachment=True, filename=f"{filename}.{fmt}", content_type=CONTENT_TYPES[fmt]
    )


def xlsx_bytes(
    headers: Sequence, rows: Iterable[Sequence], *, sheet: str, widths: Sequence[int] = ()
) -> bytes:
    """The rows under ``headers`` as an XLSX workbook of one sheet, streamed as it is written."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.append([neutralise(header) for header in headers])
    for row in rows:
        worksheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(
    *,
    fmt: str,
    filename: str,
    sheet: str,
    headers: Sequence,
    rows: Iterable[Sequence],
    widths: Sequence[int] = (),
) -> HttpResponse:
    """The rows as a ``filename.csv`` or ``filename.xlsx`` attachment (``fmt`` is one of FORMATS)."""
    if fmt == "csv":
        content = csv_text(headers, rows)
    else:
        content = xlsx_bytes(headers, rows, sheet=sheet, widths=widths)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
