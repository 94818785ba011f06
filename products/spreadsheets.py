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

import xlsxwriter
from django.http import FileResponse, HttpResponse, StreamingHttpResponse

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


def _write_xlsx(
    target, headers: Sequence, rows: Iterable[Sequence], *, sheet: str, widths: Sequence[int] = ()
) -> None:
    """Write one sheet to ``target`` (a file object) with XlsxWriter, row by row.

    XlsxWriter rather than openpyxl (which still reads the imports): it writes a 3,750-row
    export several times faster, and its constant-memory mode keeps memory bounded whatever
    the number of rows. Text is never turned into formulas, links or numbers.
    """
    workbook = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_date_format": "dd/mm/yyyy",
            "remove_timezone": True,
        },
    )
    worksheet = workbook.add_worksheet(sheet[:31])
    for index, width in enumerate(widths):
        worksheet.set_column(index, index, width)
    worksheet.write_row(0, 0, [neutralise(header) for header in headers])
    for number, row in enumerate(rows, start=1):
        worksheet.write_row(number, 0, [neutralise(value) for value in row])
    workbook.close()


def xlsx_file(headers: Sequence, rows: Iterable[Sequence], *, sheet: str, widths: Sequence[int] = ()):
    """The rows as an XLSX workbook in a temporary file, rewound; the file goes away when closed."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    _write_xlsx(file, headers, rows, sheet=sheet, widths=widths)
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
    """The rows under ``headers`` as an XLSX workbook of one sheet."""
    buffer = io.BytesIO()
    _write_xlsx(buffer, headers, rows, sheet=sheet, widths=widths)
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
