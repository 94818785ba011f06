"""The scale catalog at 1,000 products looks like the demo: provinces, stars, histories, photos."""

from collections import Counter

import pytest
from django.db.models import Count
from django.utils import timezone

from producers.models import Producer, Province
from products.models import Product, ProductPhoto, SalesChannel


@pytest.mark.django_db
def test_products_are_distinct_and_spread_over_every_province_like_the_demo(scale_1000):
    per_province = Counter(Product.objects.values_list("producer__province__slug", flat=True))

    assert Product.objects.values("name").distinct().count() == 1000
    assert len(per_province) == Province.objects.count() == 34
    assert per_province.most_common(1)[0][0] == "ha-noi"  # the demo's weights: Hà Nội 300, Hà Tĩnh 250, ...
    assert per_province["ha-tinh"] > per_province["nghe-an"] > per_province["cao-bang"]
    assert 2 <= Product.objects.count() / Producer.objects.count() <= 3
    assert Product.objects.filter(search_text__contains="keo cu do").exists()
    assert not Product.objects.filter(search_name="").exists()


@pytest.mark.django_db
def test_star_mix_is_close_to_the_real_one(scale_1000):
    today = timezone.localdate()
    stars = Counter(Product.objects.published().certified_valid_on(today).values_list("stars", flat=True))
    total = stars.total()

    assert 0.85 * 1000 <= total <= 0.97 * 1000
    assert 0.66 <= stars[3] / total <= 0.80
    assert 0.18 <= stars[4] / total <= 0.32
    assert 0 < stars[5] / total <= 0.04


@pytest.mark.django_db
def test_certificate_histories_have_re_ratings_renewals_expiries_and_revocations(scale_1000):
    today = timezone.localdate()
    products = Product.objects.all()

    assert products.filter(stars=4, certificates__stars=3).exists()  # re-rated 3★ -> 4★
    assert products.filter(stars=5, certificates__stars=4).exists()
    renewed = products.filter(stars=3).annotate(n=Count("certificates")).filter(n=2)
    assert renewed.filter(certificates__expires_on__lt=today).exists()
    assert products.published().expiring_on(today).exists()
    assert products.published().expired_on(today).filter(stars__isnull=False).exists()
    assert products.filter(stars__isnull=True, certificates__revoked_on__isnull=False).exists()
    assert set(products.values_list("status", flat=True)) == {"published", "draft", "pending", "archived"}
    # sync_current_certificates() ran: every product with an unrevoked certificate has its current one.
    unrevoked = {"certificates__pk__isnull": False, "certificates__revoked_on__isnull": True}
    assert not products.filter(current_certificate__isnull=True, **unrevoked).exists()
    assert products.filter(current_certificate__isnull=False).count() > 900


@pytest.mark.django_db
def test_products_have_photos_channels_and_standards_sharing_the_demo_files(scale_1000):
    assert ProductPhoto.objects.values("product").distinct().count() == 1000
    assert ProductPhoto.objects.values("image").distinct().count() < 100
    assert {"shopee", "tiktok", "website"} <= set(SalesChannel.objects.values_list("kind", flat=True))
    assert Product.standards.through.objects.exists()
