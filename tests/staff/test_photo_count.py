"""At most 30 photos a product (issue 9, finding 7): saved + new counted everywhere, messages translated."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from products.admin import ProductPhotoInline
from products.models import Product, ProductPhoto
from tests.factories import png_bytes
from tests.sample_catalog import make_photo
from tests.staff.helpers import product_form_data

pytestmark = pytest.mark.django_db


def _add_saved_photos(product, count):
    for i in range(count):
        make_photo(product, alt_text=f"ảnh {i}", position=i)


def test_a_product_over_the_limit_gets_a_vietnamese_message_and_can_remove_photos(client, editor_a, world):
    product = world["product_a"]
    _add_saved_photos(product, 31)  # e.g. reached before the limit counted new photos
    client.force_login(editor_a)

    refused = client.post(reverse("staff:product_edit", args=[product.pk]), product_form_data(product))

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "tối đa 30 ảnh" in page and "Please submit" not in page and "at most 30 forms" not in page
    data = product_form_data(product)
    data["photos-0-DELETE"] = "on"
    accepted = client.post(reverse("staff:product_edit", args=[product.pk]), data)
    assert accepted.status_code == 302
    assert product.photos.count() == 30


def test_staff_page_counts_saved_and_new_photos(client, editor_a, world):
    product = world["product_a"]
    _add_saved_photos(product, 27)
    data = product_form_data(product)
    data["newphotos-TOTAL_FORMS"] = "4"
    for i in range(4):
        data[f"newphotos-{i}-image"] = SimpleUploadedFile(f"{i}.png", png_bytes())
        data[f"newphotos-{i}-alt_text"] = f"Ảnh mới {i}"
    client.force_login(editor_a)

    response = client.post(reverse("staff:product_edit", args=[product.pk]), data)

    assert response.status_code == 200
    assert "tối đa 30 ảnh" in response.content.decode()
    assert product.photos.count() == 27


def _admin_photo_formset(product, user, new: int):
    request = RequestFactory().post("/")
    request.user = user
    inline = ProductPhotoInline(Product, admin.site)
    formset_class = inline.get_formset(request, product)
    photos = list(product.photos.order_by("pk"))
    data = {"photos-TOTAL_FORMS": str(len(photos) + new), "photos-INITIAL_FORMS": str(len(photos))}
    files = {}
    for i, photo in enumerate(photos):
        data.update({f"photos-{i}-id": photo.pk, f"photos-{i}-product": product.pk})
        data.update({f"photos-{i}-alt_text": photo.alt_text, f"photos-{i}-position": photo.position})
    for j in range(len(photos), len(photos) + new):
        data.update({f"photos-{j}-alt_text": f"Ảnh mới {j}", f"photos-{j}-position": j})
        files[f"photos-{j}-image"] = SimpleUploadedFile(f"{j}.png", png_bytes())
    return formset_class(data, files, instance=product, prefix="photos")


def test_admin_inline_counts_saved_and_new_photos(world, admin_user_):
    product = world["product_a"]
    _add_saved_photos(product, 28)

    formset = _admin_photo_formset(product, admin_user_, new=3)

    assert not formset.is_valid()
    assert "tối đa 30 ảnh" in " ".join(formset.non_form_errors())
    assert ProductPhoto.objects.filter(product=product).count() == 28


def test_admin_inline_accepts_up_to_the_limit(world, admin_user_):
    product = world["product_a"]
    _add_saved_photos(product, 28)

    formset = _admin_photo_formset(product, admin_user_, new=2)

    assert formset.is_valid(), (formset.errors, formset.non_form_errors())


def test_a_proposal_for_a_published_product_counts_saved_and_new_photos_too(client, editor_a):
    from producers.models import ChangeProposal
    from tests.factories import make_producer, make_product

    product = make_product(
        producer=make_producer(province_slug="ha-tinh", name="HTX Mật ong"), name="Mật ong", stars=4
    )
    _add_saved_photos(product, 31)
    client.force_login(editor_a)

    response = client.post(reverse("staff:product_edit", args=[product.pk]), product_form_data(product))

    assert response.status_code == 200
    page = response.content.decode()
    assert "tối đa 30 ảnh" in page and "Please submit" not in page
    assert not ChangeProposal.objects.exists()
