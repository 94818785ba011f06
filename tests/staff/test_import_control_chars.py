"""Control characters in import cells (issue 9, finding 5): refused at the dry run, row and column named.

PostgreSQL refuses a NUL in text, so a NUL that passed the dry run made every confirmation a 500.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from products.models import Product
from tests.staff.test_import import csv_bytes, row, xlsx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f"])
def test_csv_cell_with_a_control_character_is_refused_naming_row_and_column(char, client, editor_a):
    content = csv_bytes([row(product_name="Mật ong"), row(product_name="Kẹo", story=f"Kẹo{char}lạc")])
    client.force_login(editor_a)

    response = client.post(reverse("staff:import_upload"), {"file": SimpleUploadedFile("data.csv", content)})

    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["file"])
    assert "Dòng 3" in message and "“Mô tả”" in message and "ký tự điều khiển" in message
    assert f"U+{ord(char):04X}" in message
    assert not Product.objects.exists()


def test_control_character_never_reaches_the_database_through_the_command(tmp_path, editor_a):
    from django.core.management import CommandError, call_command

    path = tmp_path / "data.csv"
    path.write_bytes(csv_bytes([row(product_name="Kẹo\x00lạc")]))

    with pytest.raises(CommandError, match="U\\+0000"):
        call_command("import_products", str(path), province="ha-tinh", user=editor_a.username)
    assert not Product.objects.exists()


def test_tabs_and_line_breaks_in_a_cell_are_still_accepted(client, editor_a):
    content = csv_bytes([row(story="Dòng một\r\nDòng hai\tcó tab")])
    client.force_login(editor_a)

    response = client.post(reverse("staff:import_upload"), {"file": SimpleUploadedFile("data.csv", content)})
    confirm = client.post(response["Location"])

    assert confirm.status_code == 302
    assert Product.objects.get().story.startswith("Dòng một")


def test_xlsx_with_a_raw_nul_byte_is_refused_with_a_message(client, editor_a):
    source = zipfile.ZipFile(io.BytesIO(xlsx([row(product_name="NULHERE")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info.filename).replace(b"NULHERE", b"a\x00b"))
    client.force_login(editor_a)

    response = client.post(
        reverse("staff:import_upload"), {"file": SimpleUploadedFile("data.xlsx", out.getvalue())}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Product.objects.exists()
