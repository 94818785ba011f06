import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from products.certificates import add_months
from products.models import Certificate, Product, ProductPhoto
from tests.factories import make_certificate, make_product

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 27)


@pytest.mark.parametrize("stars", [0, 1, 2, 6, 9])
def test_database_rejects_stars_outside_3_to_5(stars):
    product = make_product(stars=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.bulk_create(
            [
                Certificate(
                    product=product,
                    stars=stars,
                    decision_number="1/QĐ-UBND",
                    decision_date=datetime.date(2024, 1, 1),
                    expires_on=datetime.date(2027, 1, 1),
                    issuer="UBND tỉnh",
                    level="province",
                )
            ]
        )

    assert not Certificate.objects.filter(product=product).exists()


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_database_accepts_stars_3_to_5(stars):
    product = make_product(stars=stars)

    assert product.stars == stars


def test_database_rejects_score_above_100():
    product = make_product(stars=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_certificate(product=product, score=101)


def test_expiry_defaults_to_36_months_after_decision():
    product = make_product(stars=None)

    cert = make_certificate(product=product, decision_date=datetime.date(2024, 10, 15))

    assert cert.expires_on == datetime.date(2027, 10, 15)


def test_expiry_of_a_leap_day_decision_is_clamped_to_end_of_february():
    assert add_months(datetime.date(2024, 2, 29), 36) == datetime.date(2027, 2, 28)


def test_expiry_can_be_set_by_hand():
    product = make_product(stars=None)

    cert = make_certificate(
        product=product, decision_date=datetime.date(2024, 10, 15), expires_on=datetime.date(2026, 1, 1)
    )

    assert cert.expires_on == datetime.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (datetime.date(2027, 7, 16), Certificate.Status.VALID),  # 91 days left
        (datetime.date(2027, 7, 17), Certificate.Status.EXPIRING),  # exactly 90 days left
        (datetime.date(2027, 10, 15), Certificate.Status.EXPIRING),  # last valid day
        (datetime.date(2027, 10, 16), Certificate.Status.EXPIRED),  # first day after
    ],
)
def test_status_on_boundary_dates(day, status):
    cert = Certificate(
        stars=3, decision_date=datetime.date(2024, 10, 15), expires_on=datetime.date(2027, 10, 15)
    )

    assert cert.status_on(day) == status


def test_revoked_certificate_is_revoked_from_its_revocation_date():
    cert = Certificate(
        stars=4,
        decision_date=datetime.date(2024, 10, 15),
        expires_on=datetime.date(2027, 10, 15),
        revoked_on=datetime.date(2025, 6, 1),
    )

    assert cert.status_on(datetime.date(2025, 5, 31)) == Certificate.Status.VALID
    assert cert.status_on(datetime.date(2025, 6, 1)) == Certificate.Status.REVOKED


def test_current_certificate_follows_a_re_rating():
    product = make_product(stars=3, decision_date=datetime.date(2021, 5, 1))

    newer = make_certificate(product=product, stars=4, decision_date=datetime.date(2024, 3, 1))
    product.refresh_from_db()

    assert product.current_certificate == newer
    assert product.stars == 4
    assert product.certificate_expires_on == datetime.date(2027, 3, 1)


def test_current_certificate_falls_back_when_the_latest_is_revoked():
    product = make_product(stars=3, decision_date=datetime.date(2023, 5, 1))
    older = product.current_certificate
    newer = make_certificate(product=product, stars=4, decision_date=datetime.date(2024, 3, 1))

    newer.revoked_on = datetime.date(2025, 1, 1)
    newer.save()
    product.refresh_from_db()

    assert product.current_certificate == older
    assert product.stars == 3


def test_product_with_every_certificate_revoked_has_no_stars():
    product = make_product(stars=4)
    cert = product.current_certificate

    cert.revoked_on = datetime.date.today()
    cert.save()
    product.refresh_from_db()

    assert product.current_certificate is None
    assert product.stars is None
    assert Product.objects.filter(pk=product.pk).expired_on(datetime.date.today()).exists()


def test_deleting_the_current_certificate_updates_the_product():
    product = make_product(stars=5)

    product.current_certificate.delete()
    product.refresh_from_db()

    assert product.stars is None


def test_deleting_certificates_in_bulk_updates_their_products():
    rerated = make_product(stars=3, decision_date=datetime.date(2023, 1, 5))
    newest = make_certificate(product=rerated, stars=4, decision_date=datetime.date(2024, 6, 1))
    lost = make_product(stars=5)

    Certificate.objects.filter(pk__in=[newest.pk, lost.current_certificate_id]).delete()
    rerated.refresh_from_db()
    lost.refresh_from_db()

    assert (rerated.stars, rerated.certificate_expires_on) == (3, datetime.date(2026, 1, 5))
    assert rerated.current_certificate is not None
    assert (lost.stars, lost.certificate_expires_on, lost.current_certificate) == (None, None, None)


def test_valid_and_expired_querysets_split_on_the_expiry_date():
    valid = make_product(stars=3, decision_date=add_months(TODAY, -35))
    expired = make_product(stars=4, decision_date=add_months(TODAY, -37))

    valid_ids = set(Product.objects.certified_valid_on(TODAY).values_list("pk", flat=True))
    expired_ids = set(Product.objects.expired_on(TODAY).values_list("pk", flat=True))
    expiring_ids = set(Product.objects.expiring_on(TODAY).values_list("pk", flat=True))

    assert valid.pk in valid_ids and valid.pk in expiring_ids and valid.pk not in expired_ids
    assert expired.pk in expired_ids and expired.pk not in valid_ids


def test_search_text_is_folded_from_product_producer_province_and_category():
    product = make_product(name="Kẹo cu đơ Thiên Cầm")

    assert "keo cu do thien cam" in product.search_text
    assert "ha tinh" in product.search_text
    assert "nuoc mam" in product.search_text  # category I.4.a: "Tương, nước mắm, …"


def test_renaming_a_producer_updates_its_products_search_text():
    product = make_product(name="Mực một nắng")
    producer = product.producer

    producer.name = "Hợp tác xã Cửa Nhượng"
    producer.save()
    product.refresh_from_db()

    assert "hop tac xa cua nhuong" in product.search_text
    assert Product.objects.search("cua nhuong").filter(pk=product.pk).exists()


def test_photo_card_uses_the_card_rendition_and_falls_back_to_the_original():
    with_card = ProductPhoto(
        image="products/photos/a.jpg",
        width=1600,
        height=1200,
        card_image="products/photos/cards/a.jpg",
        card_width=480,
        card_height=360,
    )
    without_card = ProductPhoto(image="demo/b.jpg", width=800, height=600)

    assert (with_card.card.url, with_card.card.width) == ("/media/products/photos/cards/a.jpg", 480)
    assert (without_card.card.url, without_card.card.height) == ("/media/demo/b.jpg", 600)


def test_a_decision_date_in_year_9999_is_a_field_error_not_a_crash():
    product = make_product(stars=None)
    cert = Certificate(
        product=product,
        stars=3,
        decision_number="1/QĐ",
        decision_date=datetime.date(9999, 12, 31),
        issuer="UBND",
        level="province",
    )

    with pytest.raises(ValidationError) as error:
        cert.full_clean()

    assert "decision_date" in error.value.message_dict


def test_count_by_gives_the_number_of_rows_of_each_value(django_assert_num_queries):
    make_product(stars=3)
    make_product(stars=3)
    make_product(stars=5)
    make_product(stars=None)

    with django_assert_num_queries(1):
        counts = Product.objects.count_by("stars")

    assert counts == {3: 2, 5: 1, None: 1}
