"""Creating and editing products with certificates, photos and channels; stale edits refused."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from producers.models import PublicationStatus
from products.models import Certificate, Product, ProductPhoto, SalesChannel
from tests.factories import png_bytes
from tests.staff.helpers import product_form_data, run_threads

pytestmark = pytest.mark.django_db


def new_product_data(producer, **overrides):
    data = product_form_data(
        name="Nước mắm Cửa Sót",
        producer=producer.pk,
        category=producer.products.first().category_id if producer.products.exists() else 1,
        **{
            "certificates-TOTAL_FORMS": "1",
            "certificates-0-stars": "4",
            "certificates-0-decision_number": "2394/QĐ-UBND",
            "certificates-0-decision_date": "2024-10-15",
            "certificates-0-issuer": "UBND tỉnh Hà Tĩnh",
            "certificates-0-level": "province",
            "channels-TOTAL_FORMS": "1",
            "channels-0-kind": "shopee",
            "channels-0-url": "shopee.vn/nuoc-mam-cua-sot",
        },
    )
    data.update(overrides)
    return data


def test_editor_creates_product_with_certificate_and_channel(client, editor_a, world):
    client.force_login(editor_a)

    response = client.post(reverse("staff:product_create"), new_product_data(world["producer_a"]))

    product = Product.objects.get(name="Nước mắm Cửa Sót")
    assert response.status_code == 302 and response["Location"] == reverse(
        "staff:product_detail", args=[product.pk]
    )
    assert product.status == PublicationStatus.DRAFT
    assert product.slug == "nuoc-mam-cua-sot"
    assert product.stars == 4
    assert product.certificate_expires_on == datetime.date(2027, 10, 15)
    assert product.channels.get().url == "https://shopee.vn/nuoc-mam-cua-sot"
    assert product.history.get().history_user == editor_a
    assert Certificate.history.get(product_id=product.pk).history_user == editor_a


@pytest.mark.parametrize(
    ("field", "value", "error_form"),
    [
        ("certificates-0-stars", "6", "certificates"),
        ("certificates-0-score", "150", "certificates"),
        ("certificates-0-decision_date", "31/02/2024", "certificates"),
        ("certificates-0-decision_date", "2999-01-01", "certificates"),
        ("certificates-0-decision_date", "9999-12-31", "certificates"),  # its expiry would overflow
        ("certificates-0-expires_on", "2020-01-01", "certificates"),
        ("channels-0-url", "javascript:alert(1)", "channels"),
        ("price_min", "-5", "form"),
        ("price_max", "1", "form"),
        ("name", "", "form"),
        ("category", "1", "form"),
    ],
)
def test_bad_input_shows_field_errors_and_saves_nothing(client, editor_a, world, field, value, error_form):
    client.force_login(editor_a)
    counts = (Product.objects.count(), Certificate.objects.count(), SalesChannel.objects.count())

    response = client.post(
        reverse("staff:product_create"),
        new_product_data(world["producer_a"], **{"price_min": "5000", field: value}),
    )

    assert response.status_code == 200
    context = response.context[error_form]
    errors = context.errors if error_form == "form" else context.forms[0].errors
    assert errors
    assert "Không có gì được lưu" in response.content.decode()
    assert (Product.objects.count(), Certificate.objects.count(), SalesChannel.objects.count()) == counts


def test_form_errors_are_in_vietnamese_by_default(client, editor_a, world):
    client.force_login(editor_a)

    response = client.post(reverse("staff:product_create"), new_product_data(world["producer_a"], name=""))

    assert "Trường này là bắt buộc." in response.content.decode()


def test_later_save_of_same_version_is_refused(client, editor_a, approver_a, world):
    product = world["product_a"]
    opened = product_form_data(product)  # both staff open the edit page at the same version
    other = __import__("django.test", fromlist=["Client"]).Client()
    other.force_login(approver_a)
    client.force_login(editor_a)

    first = other.post(reverse("staff:product_edit", args=[product.pk]), {**opened, "story": "Câu chuyện A"})
    second = client.post(
        reverse("staff:product_edit", args=[product.pk]), {**opened, "story": "Câu chuyện B"}
    )

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "Tải lại phiên bản hiện tại" in page
    assert f'href="{reverse("staff:product_edit", args=[product.pk])}"' in page
    product.refresh_from_db()
    assert product.story == "Câu chuyện A"
    assert product.version == opened["version"] + 1


def test_later_save_of_producer_is_refused(client, editor_a, world):
    from producers.models import Producer

    producer = world["producer_a"]
    client.force_login(editor_a)
    data = {"name": producer.name, "kind": producer.kind, "version": producer.version}

    first = client.post(reverse("staff:producer_edit", args=[producer.pk]), {**data, "phone": "0900000001"})
    second = client.post(reverse("staff:producer_edit", args=[producer.pk]), {**data, "phone": "0900000002"})

    assert first.status_code == 302 and second.status_code == 200
    assert Producer.objects.get(pk=producer.pk).phone == "0900000001"


def test_photos_can_be_added_reordered_described_and_removed(
    client, editor_a, world, django_capture_on_commit_callbacks
):
    product = world["product_a"]
    client.force_login(editor_a)
    data = product_form_data(product)
    data.update(
        {
            "newphotos-TOTAL_FORMS": "2",
            "newphotos-0-image": SimpleUploadedFile("a.png", png_bytes(color=(1, 2, 3))),
            "newphotos-0-alt_text": "Ảnh một",
            "newphotos-1-image": SimpleUploadedFile("b.jpg", png_bytes(fmt="JPEG")),
            "newphotos-1-alt_text": "Ảnh hai",
        }
    )
    assert client.post(reverse("staff:product_edit", args=[product.pk]), data).status_code == 302
    assert list(ProductPhoto.objects.order_by("position").values_list("alt_text", flat=True)) == [
        "Ảnh một",
        "Ảnh hai",
    ]
    product.refresh_from_db()

    data = product_form_data(product)
    data.update({"photos-0-position": "5", "photos-1-position": "1", "photos-1-alt_text": "Ảnh hai, sửa"})
    assert client.post(reverse("staff:product_edit", args=[product.pk]), data).status_code == 302
    assert list(ProductPhoto.objects.order_by("position").values_list("alt_text", flat=True)) == [
        "Ảnh hai, sửa",
        "Ảnh một",
    ]
    product.refresh_from_db()

    data = product_form_data(product)
    data["photos-0-DELETE"] = "on"  # the first in position order: "Ảnh hai, sửa"
    removed = ProductPhoto.objects.get(alt_text="Ảnh hai, sửa")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("staff:product_edit", args=[product.pk]), data).status_code == 302
    assert list(ProductPhoto.objects.values_list("alt_text", flat=True)) == ["Ảnh một"]
    assert not removed.image.storage.exists(removed.image.name)
    assert not removed.card_image.storage.exists(removed.card_image.name)


def test_deleting_and_revoking_certificates_updates_current_stars(client, editor_a, world):
    product = world["product_a"]
    client.force_login(editor_a)
    data = product_form_data(product)
    data["certificates-0-revoked_on"] = timezone.localdate().isoformat()
    data["certificates-0-revocation_reason"] = "Vi phạm"

    response = client.post(reverse("staff:product_edit", args=[product.pk]), data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.stars is None


def test_history_shows_who_changed_what(client, editor_a, world):
    product = world["product_a"]
    client.force_login(editor_a)
    client.post(
        reverse("staff:product_edit", args=[product.pk]), product_form_data(product, story="Kẹo giòn")
    )

    page = client.get(reverse("staff:product_detail", args=[product.pk])).content.decode()

    assert "editor-a" in page
    assert "Kẹo giòn" in page
    assert "<del>" in page and "<ins>Kẹo giòn</ins>" in page


def test_preview_shows_public_page_with_banner(client, editor_a, world):
    client.force_login(editor_a)

    page = client.get(reverse("staff:product_preview", args=[world["product_a"].pk])).content.decode()

    assert "Kẹo cu đơ" in page and "4★ OCOP" in page
    assert "preview-banner" in page


def test_formset_ids_of_another_provinces_rows_are_refused(client, editor_a, world):
    from tests.staff.helpers import province_snapshot

    client.force_login(editor_a)
    foreign_certificate = world["product_b"].certificates.get()
    foreign_channel = world["product_b"].channels.get()
    before = province_snapshot("nghe-an")
    data = product_form_data(world["product_a"])
    data.update(
        {
            "certificates-0-id": foreign_certificate.pk,
            "certificates-0-stars": "5",
            "channels-TOTAL_FORMS": "1",
            "channels-INITIAL_FORMS": "1",
            "channels-0-id": foreign_channel.pk,
            "channels-0-kind": "other",
            "channels-0-url": "https://evil.example/",
            "channels-0-DELETE": "on",
        }
    )

    response = client.post(reverse("staff:product_edit", args=[world["product_a"].pk]), data)

    # A foreign id matches nothing in this product's formset queryset, so Django treats the row
    # as unknown (refused, or ignored when marked for deletion): nothing of B changes.
    assert response.status_code in (200, 302)
    assert province_snapshot("nghe-an") == before
    assert (
        foreign_certificate.__class__.objects.get(pk=foreign_certificate.pk).stars
        == foreign_certificate.stars
    )


def test_duplicate_channel_links_and_decisions_are_refused(client, editor_a, world):
    client.force_login(editor_a)
    data = new_product_data(
        world["producer_a"],
        **{
            "certificates-TOTAL_FORMS": "2",
            "certificates-1-stars": "4",
            "certificates-1-decision_number": "2394/QĐ-UBND",
            "certificates-1-decision_date": "2024-10-15",
            "certificates-1-issuer": "UBND tỉnh Hà Tĩnh",
            "certificates-1-level": "province",
            "channels-TOTAL_FORMS": "2",
            "channels-1-kind": "tiktok",
            "channels-1-url": "https://shopee.vn/nuoc-mam-cua-sot",
        },
    )

    response = client.post(reverse("staff:product_create"), data)

    assert response.status_code == 200
    assert response.context["certificates"].non_form_errors() or any(
        f.errors for f in response.context["certificates"].forms
    )
    assert response.context["channels"].non_form_errors()
    assert not Product.objects.filter(name="Nước mắm Cửa Sót").exists()


@pytest.mark.parametrize("url_name", ["staff:product_edit", "staff:producer_edit", "staff:product_preview"])
def test_edit_and_preview_query_counts_are_bounded(
    url_name, client, editor_a, world, django_assert_max_num_queries
):
    from tests.factories import make_certificate

    client.force_login(editor_a)
    product = world["product_a"]
    pk = product.producer_id if url_name == "staff:producer_edit" else product.pk
    client.get(reverse(url_name, args=[pk]))
    with django_assert_max_num_queries(25) as small:
        client.get(reverse(url_name, args=[pk]))
    for i in range(6):
        make_certificate(product=product, decision_date=datetime.date(2020, 1, 1 + i))
        product.photos.create(image=f"products/photos/{i}.jpg", alt_text=f"ảnh {i}", width=10, height=10)
        product.channels.create(kind="other", url=f"https://example.com/{i}")

    with django_assert_max_num_queries(25) as large:
        response = client.get(reverse(url_name, args=[pk]))

    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_prices_are_grouped_the_vietnamese_way(client, editor_a, world):
    Product.objects.filter(pk=world["product_a"].pk).update(price_min=1250000, price_max=2000000)
    client.force_login(editor_a)

    page = client.get(reverse("staff:product_detail", args=[world["product_a"].pk])).content.decode()

    assert "1.250.000–2.000.000 đ" in page


def test_potential_five_star_needs_four_stars(client, editor_a, world):
    client.force_login(editor_a)
    data = new_product_data(
        world["producer_a"], **{"certificates-0-stars": "3", "certificates-0-potential_five_star": "on"}
    )

    response = client.post(reverse("staff:product_create"), data)

    assert "potential_five_star" in response.context["certificates"].forms[0].errors
    assert not Product.objects.filter(name="Nước mắm Cửa Sót").exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_version_let_exactly_one_through(reference_data):
    """Row locks, not luck: both transactions start from version 1 at the same moment."""
    import threading

    from django.db import connections, transaction

    from producers.services import StaleEditError, claim_version
    from tests.factories import make_product

    product = make_product()
    barrier = threading.Barrier(2)
    outcomes = []

    def save(story):
        try:
            with transaction.atomic():
                barrier.wait()
                claim_version(model=Product, pk=product.pk, expected_version=1)
                Product.objects.filter(pk=product.pk).update(story=story)
            outcomes.append("saved")
        except StaleEditError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    run_threads(lambda: save("bản 0"), lambda: save("bản 1"))

    assert sorted(outcomes) == ["refused", "saved"]
    assert Product.objects.get(pk=product.pk).version == 2


def test_race_tests_see_an_exception_raised_in_a_thread():
    """The race tests run their threads with run_threads: a thread's error fails the test."""

    def broken():
        raise ValueError("lost in a thread")

    with pytest.raises(ValueError, match="lost in a thread"):
        run_threads(lambda: None, broken)
