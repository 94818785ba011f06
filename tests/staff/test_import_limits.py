"""Bounded work per import (issue 9, findings 3 and 6): caps refused with a message, one parse per upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from products import imports
from products.imports import files
from products.models import Product
from tests.staff.test_import import HEADERS, csv_bytes, row, xlsx

pytestmark = pytest.mark.django_db


def _refusal(client, content: bytes, name: str) -> str:
    response = client.post(reverse("staff:import_upload"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200, response
    return " ".join(response.context["form"].errors["file"])


def test_xlsx_rows_after_row_10002_are_read_not_dropped():
    """Blank rows at the top pushed the last rows past max_row=10,002, where they were lost."""
    blank = [None] * len(HEADERS)
    content = xlsx([blank] * 5 + [row(product_name=f"Sản phẩm {i}") for i in range(imports.MAX_ROWS)])

    rows = imports.read_table(content, "data.xlsx")

    assert len(rows) == imports.MAX_ROWS
    assert rows[-1][0] == imports.MAX_ROWS + 6  # spreadsheet row number of the last product
    assert rows[-1][1]["product_name"] == f"Sản phẩm {imports.MAX_ROWS - 1}"


def test_xlsx_over_the_row_limit_is_refused_never_counted_as_10000_valid(client, editor_a):
    blank = [None] * len(HEADERS)
    content = xlsx([blank] * 2 + [row(product_name=f"Sản phẩm {i}") for i in range(imports.MAX_ROWS + 1)])
    client.force_login(editor_a)

    message = _refusal(client, content, "data.xlsx")

    assert "10000" in message.replace(".", "").replace(",", "") and "dòng" in message
    assert not Product.objects.exists()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_too_many_columns_is_refused_with_a_message(fmt, client, editor_a):
    extra = [f"Ghi chú {i}" for i in range(files.MAX_COLUMNS)]
    headers = HEADERS + extra
    rows = [row() + ["x"] * len(extra)]
    if fmt == "xlsx":
        content = xlsx(rows, headers=headers)
    else:
        content = ",".join(headers).encode() + b"\n" + ",".join(str(v) for v in rows[0]).encode() + b"\n"
    client.force_login(editor_a)

    message = _refusal(client, content, f"data.{fmt}")

    assert "cột" in message and str(files.MAX_COLUMNS) in message
    assert not Product.objects.exists()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_too_many_cells_is_refused_with_a_message(fmt, client, editor_a, monkeypatch):
    monkeypatch.setattr(files, "MAX_CELLS", 3 * len(HEADERS), raising=False)
    rows = [row(product_name=f"Sản phẩm {i}") for i in range(6)]
    content = xlsx(rows) if fmt == "xlsx" else csv_bytes(rows)
    client.force_login(editor_a)

    message = _refusal(client, content, f"data.{fmt}")

    assert "ô" in message
    assert not Product.objects.exists()


def test_csv_over_the_row_limit_is_refused(client, editor_a):
    content = csv_bytes([row(product_name=f"S {i}") for i in range(imports.MAX_ROWS + 1)])
    client.force_login(editor_a)

    assert "dòng" in _refusal(client, content, "data.csv")


def test_xlsx_whose_members_unpack_past_the_cap_is_refused(client, editor_a, monkeypatch):
    monkeypatch.setattr(files, "MAX_INFLATED_BYTES", 4000)
    client.force_login(editor_a)

    assert "quá lớn" in _refusal(client, xlsx([row(story="x" * 5000)]), "data.xlsx")


def test_a_file_is_parsed_once_for_upload_preview_and_confirm(client, editor_a, monkeypatch):
    calls = []
    real = files.read_table

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(imports, "read_table", counting)
    client.force_login(editor_a)

    response = client.post(
        reverse("staff:import_upload"), {"file": SimpleUploadedFile("data.xlsx", xlsx([row()]))}
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert client.get(response["Location"]).status_code == 200
    confirm = client.post(response["Location"])

    assert confirm.status_code == 302
    assert Product.objects.count() == 1
    assert len(calls) == 1
