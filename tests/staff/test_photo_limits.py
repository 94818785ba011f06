"""Bounded work per photo save (issue 9, finding 3): longest side and pixels per save, from headers."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageFile

from products import photos
from products.models import ProductPhoto
from tests.hostile.make_corpus import png_claiming as png_header_only
from tests.staff.test_photos import _post_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any pixel is decoded: the refusal must come from the header."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_a_1_by_39999999_png_is_refused_from_its_header(no_decoding):
    with pytest.raises(ValidationError) as error:
        photos.process_photo(SimpleUploadedFile("strip.png", png_header_only(1, 39_999_999)))

    assert error.value.code == "too_long"


def test_the_long_strip_gets_a_message_in_vietnamese_on_the_edit_page(client, editor_a, world):
    client.force_login(editor_a)

    response = _post_photo(client, world["product_a"], png_header_only(1, 39_999_999), "strip.png")

    assert response.status_code == 200
    assert "12.000" in str(response.context["new_photos"].forms[0].errors["image"])
    assert not ProductPhoto.objects.exists()


def _large_jpeg(side: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (side, side), (90, 140, 60)).save(buffer, format="JPEG", quality=50)
    return buffer.getvalue()


def test_four_large_photos_in_one_save_exceed_the_pixel_budget(client, editor_a, world):
    product = world["product_a"]
    big = _large_jpeg(4000)  # 16 MP each: four are 64 MP, over the 60 MP a save may decode
    client.force_login(editor_a)
    data = {
        "name": product.name,
        "producer": product.producer_id,
        "category": product.category_id,
        "version": product.version,
        **{
            f"{p}-{k}": "0"
            for p in ("certificates", "photos", "channels")
            for k in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
        "newphotos-TOTAL_FORMS": "4",
        "newphotos-INITIAL_FORMS": "0",
    }
    for i in range(4):
        data[f"newphotos-{i}-image"] = SimpleUploadedFile(f"{i}.jpg", big, content_type="image/jpeg")
        data[f"newphotos-{i}-alt_text"] = f"Ảnh {i}"
    product.certificates.all().delete()

    response = client.post(reverse("staff:product_edit", args=[product.pk]), data)

    assert response.status_code == 200
    errors = " ".join(str(f.errors) for f in response.context["new_photos"].forms)
    assert "60 megapixel" in errors
    assert not ProductPhoto.objects.exists()


def test_pixel_budget_is_spent_from_headers_before_decoding(no_decoding):
    budget = photos.PixelBudget(30_000)

    with pytest.raises(AssertionError):  # 20,000 px fit the budget: decoding starts
        photos.process_photo(SimpleUploadedFile("a.png", png_header_only(200, 100)), budget=budget)
    with pytest.raises(ValidationError) as error:  # 10,000 px left: refused before decoding
        photos.process_photo(SimpleUploadedFile("b.png", png_header_only(200, 100)), budget=budget)

    assert error.value.code == "over_budget"
