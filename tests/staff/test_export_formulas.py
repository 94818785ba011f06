"""Fixed examples of every spreadsheet formula trigger on the staff exports (issue 9, weak tests).

The Hypothesis test of ``neutralise`` draws random text; these name each trigger (``=``, ``+``,
``-``, ``@``, tab, carriage return) literally, so dropping any one of them fails a test every run.
"""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from producers.models import Producer
from products.models import Product
from products.spreadsheets import neutralise

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]
IDS = ["equals", "plus", "minus", "at", "tab", "carriage-return"]


@pytest.mark.parametrize("trigger", TRIGGERS, ids=IDS)
def test_neutralise_prefixes_each_trigger_with_a_quote(trigger):
    assert neutralise(f"{trigger}1+2") == f"'{trigger}1+2"


@pytest.fixture
def formulas(world):
    """Hà Tĩnh's product and producer, renamed to start with each trigger in turn."""

    def rename(trigger):
        product = world["product_a"]
        Product.objects.filter(pk=product.pk).update(name=f"{trigger}SUM(A1)")
        Producer.objects.filter(pk=product.producer_id).update(name=f"{trigger}cmd|calc")

    return rename


def export(client, subject: str, fmt: str) -> list[list]:
    response = client.get(reverse(f"staff:{subject}_export", args=[fmt]))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    sheet = load_workbook(io.BytesIO(content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("trigger", TRIGGERS, ids=IDS)
def test_exports_neutralise_each_trigger(trigger, fmt, client, editor_a, formulas):
    formulas(trigger)
    client.force_login(editor_a)

    products, producers = export(client, "product", fmt), export(client, "producer", fmt)

    # XlsxWriter writes a carriage return as Excel's escape "_x000D_" (Excel shows the character;
    # openpyxl reads the escape back as written). Either way the cell starts with the quote.
    stored = trigger.replace("\r", "_x000D_") if fmt == "xlsx" else trigger
    assert products[1][0] == f"'{stored}SUM(A1)"
    assert products[1][2] == f"'{stored}cmd|calc"
    assert producers[1][0] == f"'{stored}cmd|calc"
