"""Stored files (issue 9, finding 10): certificate scans judged by content, media served safely,
photo files deleted with their rows on every path."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from django.test import RequestFactory
from django.urls import reverse

from products.models import Certificate, ProductPhoto
from tests.factories import png_bytes
from tests.sample_catalog import make_photo

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _certificate(world) -> Certificate:
    return world["product_a"].certificates.first()


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(document.cookie)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"GIF89a" + b"\x00" * 20,
        b"",
    ],
)
def test_a_scan_that_is_not_pdf_jpeg_or_png_is_refused(content, world):
    certificate = _certificate(world)
    certificate.scan = SimpleUploadedFile("scan.pdf", content)

    with pytest.raises(ValidationError) as error:
        certificate.full_clean()

    assert "scan" in error.value.message_dict


@pytest.mark.parametrize(
    ("content", "name", "extension"),
    [
        (PDF, "quyet-dinh.html", ".pdf"),
        (png_bytes(), "scan.pdf", ".png"),
        (png_bytes(fmt="JPEG"), "chung-nhan.svg", ".jpg"),
    ],
)
def test_a_scan_is_stored_under_a_generated_name_with_the_extension_of_its_content(
    content, name, extension, world
):
    certificate = _certificate(world)
    certificate.scan = SimpleUploadedFile(name, content)

    certificate.full_clean()
    certificate.save()

    stored = certificate.scan.name
    assert stored.startswith("certificates/") and stored.endswith(extension)
    assert Path(name).stem not in stored
    assert default_storage.open(stored).read() == content


def test_admin_refuses_an_html_scan(client, admin_user_, world):
    certificate = _certificate(world)
    client.force_login(admin_user_)
    url = reverse("admin:products_certificate_change", args=[certificate.pk])
    page = client.get(url)
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, FieldFile)
    }
    data.update(
        {
            "decision_date": certificate.decision_date.isoformat(),
            "expires_on": certificate.expires_on.isoformat(),
        }
    )
    data["scan"] = SimpleUploadedFile("evil.html", b"<html><script>alert(1)</script></html>")

    response = client.post(url, data)

    assert response.status_code == 200
    assert "scan" in response.context["adminform"].form.errors
    certificate.refresh_from_db()
    assert not certificate.scan


def test_media_served_by_the_app_carry_nosniff_and_scans_download():
    from ocop_catalog.views import media

    default_storage.save("certificates/test-scan.pdf", SimpleUploadedFile("x", PDF))
    response = media(RequestFactory().get("/media/certificates/test-scan.pdf"), "certificates/test-scan.pdf")

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def _files(photo) -> list[str]:
    return [photo.image.name, photo.card_image.name] if photo.card_image else [photo.image.name]


def test_photo_deleted_with_its_product_in_the_admin_leaves_no_file(
    client, admin_user_, world, django_capture_on_commit_callbacks
):
    product = world["product_a"]
    photo = make_photo(product, alt_text="Hộp kẹo")
    names = _files(photo)
    assert all(default_storage.exists(n) for n in names)
    client.force_login(admin_user_)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:products_product_delete", args=[product.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not ProductPhoto.objects.exists()
    assert not any(default_storage.exists(n) for n in names)


def test_photo_removed_from_the_admin_inline_leaves_no_file(world, django_capture_on_commit_callbacks):
    photo = make_photo(world["product_a"], alt_text="Hộp kẹo")
    names = _files(photo)

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert not any(default_storage.exists(n) for n in names)


def test_files_stay_until_the_deletion_commits(world, django_capture_on_commit_callbacks):
    photo = make_photo(world["product_a"], alt_text="Hộp kẹo")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()

    assert default_storage.exists(photo.image.name)  # a rollback would keep row and file together
    assert callbacks


def test_a_file_another_row_still_uses_is_kept(world, django_capture_on_commit_callbacks):
    photo = make_photo(world["product_a"], alt_text="Hộp kẹo")
    twin = ProductPhoto.objects.create(product=world["product_b"], image=photo.image.name, alt_text="Cam")

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert default_storage.exists(twin.image.name)
