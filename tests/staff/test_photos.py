"""Hostile uploads: none is stored raw, and no stored image keeps EXIF or appended bytes."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from products.models import ProductPhoto
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def pixel_bomb() -> bytes:
    """A tiny PNG whose header claims 20,000 × 20,000 pixels (400 MP)."""
    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def just_over_limit() -> bytes:
    """A real (compressible) PNG of 6,400 × 6,400 = 41 MP: over 40 MP, under Pillow's bomb error."""
    buffer = io.BytesIO()
    Image.new("L", (6400, 6400), 0).save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), (10, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Maker"  # Make
    gps = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


HOSTILE = {
    "oversized": (b"\xff\xd8\xff\xe0" + b"0" * (5 * 1024 * 1024 + 10), "big.jpg", "5 MB"),
    "pixel_bomb": (pixel_bomb(), "bomb.png", "40"),
    "svg_with_script": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "logo.svg",
        "JPEG, PNG",
    ),
    "html_renamed_png": (b"<html><body><script>alert(1)</script></body></html>", "photo.png", "JPEG, PNG"),
    "truncated_png": (png_bytes((200, 200))[:120], "cut.png", "JPEG, PNG"),
    "empty": (b"", "empty.jpg", None),
    "gif": (png_bytes(fmt="GIF"), "anim.gif", "JPEG, PNG"),
}


def _post_photo(client, product, content: bytes, name: str, alt="Hộp kẹo"):
    """Post the product's edit form unchanged, plus one new photo."""
    data = {
        "name": product.name,
        "producer": product.producer_id,
        "category": product.category_id,
        "version": product.version,
        "certificates-TOTAL_FORMS": "0",
        "certificates-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "channels-TOTAL_FORMS": "0",
        "channels-INITIAL_FORMS": "0",
        "newphotos-TOTAL_FORMS": "1",
        "newphotos-INITIAL_FORMS": "0",
        "newphotos-0-image": SimpleUploadedFile(name, content, content_type="image/png"),
        "newphotos-0-alt_text": alt,
    }
    # Existing certificates must be sent back as they are.
    certificates = list(product.certificates.all())
    data["certificates-TOTAL_FORMS"] = str(len(certificates))
    data["certificates-INITIAL_FORMS"] = str(len(certificates))
    for i, cert in enumerate(certificates):
        data.update(
            {
                f"certificates-{i}-id": cert.pk,
                f"certificates-{i}-stars": cert.stars,
                f"certificates-{i}-decision_number": cert.decision_number,
                f"certificates-{i}-decision_date": cert.decision_date.isoformat(),
                f"certificates-{i}-issuer": cert.issuer,
                f"certificates-{i}-level": cert.level,
                f"certificates-{i}-expires_on": cert.expires_on.isoformat(),
            }
        )
    return client.post(reverse("staff:product_edit", args=[product.pk]), data)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_upload_is_refused_with_a_message(case, client, editor_a, world):
    content, name, fragment = HOSTILE[case]
    client.force_login(editor_a)
    product = world["product_a"]

    response = _post_photo(client, product, content, name)

    assert response.status_code == 200
    assert not ProductPhoto.objects.exists()
    errors = response.context["new_photos"].forms[0].errors
    assert errors, case
    if fragment:
        assert fragment in str(errors["image"])
    product.refresh_from_db()
    assert product.version == world["product_a"].version  # nothing saved


def test_image_just_over_40_megapixels_is_refused_before_decoding():
    from django.core.exceptions import ValidationError

    from products.photos import process_photo

    upload = SimpleUploadedFile("big.png", just_over_limit())

    with pytest.raises(ValidationError) as error:
        process_photo(upload)

    assert error.value.code == "too_many_pixels"


def _stored_bytes(photo) -> tuple[bytes, bytes]:
    return Path(photo.image.path).read_bytes(), Path(photo.card_image.path).read_bytes()


def test_jpeg_with_gps_is_stored_without_exif(client, editor_a, world):
    client.force_login(editor_a)
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825) is not None

    response = _post_photo(client, world["product_a"], original, "../../etc/passwd.jpg")

    assert response.status_code == 302
    photo = ProductPhoto.objects.get()
    for stored in _stored_bytes(photo):
        image = Image.open(io.BytesIO(stored))
        assert image.format == "JPEG"
        assert not image.getexif()
        assert b"SpyCam" not in stored and b"Exif" not in stored
    assert "passwd" not in photo.image.name and ".." not in photo.image.name
    assert photo.alt_text == "Hộp kẹo"
    assert (photo.card_width, photo.card_height) == (80, 60)


def test_png_with_appended_html_is_re_encoded_without_it(client, editor_a, world):
    client.force_login(editor_a)
    polyglot = png_bytes((120, 90)) + b"<html><script>alert(document.cookie)</script></html>"

    response = _post_photo(client, world["product_a"], polyglot, "photo.png")

    assert response.status_code == 302
    for stored in _stored_bytes(ProductPhoto.objects.get()):
        assert b"<script" not in stored and b"<html" not in stored


def test_webp_and_large_photo_get_card_and_page_renditions(client, editor_a, world):
    client.force_login(editor_a)

    response = _post_photo(client, world["product_a"], png_bytes((2400, 1200), fmt="WEBP"), "x.webp")

    assert response.status_code == 302
    photo = ProductPhoto.objects.get()
    assert (photo.width, photo.height) == (1600, 800)
    assert (photo.card_width, photo.card_height) == (480, 240)
    assert photo.image.name.endswith(".jpg") and photo.card_image.name.endswith("-card.jpg")


def test_photo_without_alt_text_is_refused(client, editor_a, world):
    client.force_login(editor_a)

    response = _post_photo(client, world["product_a"], png_bytes(), "a.png", alt="")

    assert response.status_code == 200
    assert "alt_text" in response.context["new_photos"].forms[0].errors
    assert not ProductPhoto.objects.exists()


def test_admin_photo_inline_re_encodes_uploads_too(world):
    from products.admin import AdminPhotoForm, ProductPhotoInline

    product = world["product_a"]
    form = AdminPhotoForm(
        data={"alt_text": "Ảnh từ trang quản trị", "position": 0},
        files={"image": SimpleUploadedFile("spy.jpg", jpeg_with_gps())},
        instance=ProductPhoto(product=product),
    )

    assert ProductPhotoInline.form is AdminPhotoForm
    assert form.is_valid(), form.errors
    photo = form.save()
    for stored in _stored_bytes(photo):
        assert b"SpyCam" not in stored and not Image.open(io.BytesIO(stored)).getexif()
    assert photo.card_image and photo.image.name.endswith(".jpg") and "spy" not in photo.image.name


@pytest.mark.parametrize("case", ["pixel_bomb", "html_renamed_png", "svg_with_script"])
def test_admin_photo_form_refuses_hostile_files(case, world):
    from products.admin import AdminPhotoForm

    content, name, _fragment = HOSTILE[case]
    form = AdminPhotoForm(
        data={"alt_text": "x", "position": 0},
        files={"image": SimpleUploadedFile(name, content)},
        instance=ProductPhoto(product=world["product_a"]),
    )

    assert not form.is_valid()
    assert "image" in form.errors
