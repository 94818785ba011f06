"""The demo catalog command: Hà Tĩnh as the seed report gave it, a plausible national mix, idempotence."""

import io
from collections import Counter
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from PIL import Image

from demo.builder import DEMO_PASSWORD
from producers.models import OfficialTotal, Producer, Province, ProvinceMembership
from products.models import Certificate, Product, ProductPhoto, SalesChannel


def load_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo_data", *args, stdout=out)
    return out.getvalue()


def table_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def sample_values() -> list:
    products = Product.objects.order_by("slug").values_list(
        "slug", "name", "status", "stars", "certificate_expires_on", "price_min", "updated_at"
    )
    producers = Producer.objects.order_by("slug").values_list("slug", "name", "ward__code", "updated_at")
    users = get_user_model().objects.order_by("username").values_list("username", "password")
    return [list(products[::37]), list(producers[::23]), list(users)]


def valid_stars(queryset) -> Counter:
    return Counter(
        queryset.published().certified_valid_on(timezone.localdate()).values_list("stars", flat=True)
    )


# Fast: one or two provinces -----------------------------------------------------------------


@pytest.mark.django_db
def test_ha_tinh_has_250_valid_products_12_four_star_and_238_three_star():
    load_demo("--provinces", "ha-tinh", "--no-photos")

    ha_tinh = Province.objects.get(slug="ha-tinh")
    valid = Product.objects.published().in_province(ha_tinh).certified_valid_on(timezone.localdate())
    assert valid.count() == 250
    assert Counter(valid.values_list("stars", flat=True)) == {3: 238, 4: 12}
    four_star = valid.filter(stars=4)
    assert four_star.filter(name__startswith="Kẹo cu đơ").exists()
    assert four_star.filter(name__startswith="Nước mắm").exists()
    assert Product.objects.filter(search_text__contains="keo cu do").exists()
    assert Product.objects.in_province(ha_tinh).count() > 250  # plus expired, revoked and unpublished ones
    figure = OfficialTotal.objects.get(province=ha_tinh)  # the seed report's figure, recorded as official
    assert (figure.total, figure.stars_5, figure.stars_4, figure.stars_3) == (250, 0, 12, 238)
    assert figure.coverage(valid.count()) == 100


@pytest.mark.django_db
def test_provinces_option_builds_only_those_provinces():
    load_demo("--provinces", "ha-tinh,nghe-an", "--no-photos")

    provinces = set(Product.objects.values_list("producer__province__slug", flat=True).distinct())
    assert provinces == {"ha-tinh", "nghe-an"}
    assert not ProductPhoto.objects.exists()


@pytest.mark.django_db
def test_each_build_gives_the_same_rows():
    def build() -> list:
        with transaction.atomic():
            load_demo("--provinces", "nghe-an", "--no-photos")
            rows = list(
                Product.objects.order_by("slug").values_list(
                    "slug", "name", "producer__slug", "producer__ward__code", "stars", "price_min"
                )
            )
            rows += list(
                Certificate.objects.order_by("product__slug", "decision_date").values_list(
                    "product__slug", "stars", "decision_number", "decision_date", "issuer", "score"
                )
            )
            transaction.set_rollback(True)
        return rows

    first = build()
    second = build()

    assert first
    assert first == second


@pytest.mark.django_db
def test_unknown_province_is_an_error_and_writes_nothing():
    with pytest.raises(CommandError, match="atlantis"):
        load_demo("--provinces", "ha-tinh,atlantis")

    assert not Product.objects.exists()


@pytest.mark.django_db
def test_demo_users_have_their_roles_and_existing_passwords_are_kept():
    user_model = get_user_model()
    user_model.objects.create_user(username="nghean", password="my-own-password-1")

    load_demo("--provinces", "ha-tinh", "--no-photos")

    admin = user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.check_password(DEMO_PASSWORD)
    roles = {
        (m.user.username, m.province.slug, m.role, m.user.is_staff)
        for m in ProvinceMembership.objects.select_related("user", "province")
    }
    assert roles == {
        ("hatinh", "ha-tinh", ProvinceMembership.Role.EDITOR, False),
        ("hatinh-duyet", "ha-tinh", ProvinceMembership.Role.APPROVER, False),
        ("nghean", "nghe-an", ProvinceMembership.Role.EDITOR, False),
    }
    assert user_model.objects.get(username="hatinh").check_password(DEMO_PASSWORD)
    assert user_model.objects.get(username="nghean").check_password("my-own-password-1")


# Slow: the whole catalog, built once for the module ---------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full catalog, loaded twice; everything is rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = load_demo()
        first = SimpleNamespace(counts=table_counts(), sample=sample_values())
        second_output = load_demo()
        second = SimpleNamespace(counts=table_counts(), sample=sample_values())
        yield SimpleNamespace(first=first, second=second, output=first_output, second_output=second_output)
        transaction.set_rollback(True)


slow = pytest.mark.slow


@slow
@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing(demo):
    assert demo.first.counts == demo.second.counts
    assert demo.first.sample == demo.second.sample
    assert "products: 0 created" in demo.second_output
    assert "certificates: 0 created" in demo.second_output


@slow
@pytest.mark.django_db
def test_summary_says_how_to_sign_in(demo):
    assert "products: 0 created" not in demo.output
    for text in ("admin", "hatinh-duyet", "nghean", DEMO_PASSWORD, "http://127.0.0.1:8000/admin/"):
        assert text in demo.output
    assert "http://127.0.0.1:8000/staff/" in demo.output


@slow
@pytest.mark.django_db
def test_every_province_has_a_catalog_of_a_few_thousand_products(demo):
    per_province = Counter(Product.objects.published().values_list("producer__province__slug", flat=True))

    assert len(per_province) == Province.objects.count() == 34
    assert min(per_province.values()) >= 50
    assert 3000 <= Product.objects.count() <= 3500


@slow
@pytest.mark.django_db
def test_ha_tinh_shape_holds_in_the_full_catalog(demo):
    assert valid_stars(Product.objects.in_province(Province.objects.get(slug="ha-tinh"))) == {3: 238, 4: 12}


@slow
@pytest.mark.django_db
def test_national_star_mix_is_close_to_the_real_one(demo):
    stars = valid_stars(Product.objects.all())
    total = stars.total()

    assert 0.68 <= stars[3] / total <= 0.78
    assert 0.20 <= stars[4] / total <= 0.30
    assert 0.005 <= stars[5] / total <= 0.03


@slow
@pytest.mark.django_db
def test_certificates_have_every_status_and_plausible_scores(demo):
    today = timezone.localdate()

    assert Product.objects.published().expiring_on(today).exists()
    assert Product.objects.published().expired_on(today).filter(stars__isnull=False).exists()
    assert Product.objects.filter(stars__isnull=True, certificates__revoked_on__isnull=False).exists()
    assert Product.objects.filter(stars=4, certificates__stars=3).exists()  # re-rated 3★ -> 4★
    assert Product.objects.filter(stars=4, current_certificate__potential_five_star=True).exists()
    for stars, low, high in ((3, 50, 70), (4, 70, 90), (5, 90, 100)):
        scores = Certificate.objects.filter(stars=stars, score__isnull=False, potential_five_star=False)
        assert scores.exists()
        assert not scores.exclude(score__gte=low, score__lte=high).exists()
    assert Certificate.objects.filter(
        level=Certificate.Level.DISTRICT, issuer__startswith="UBND huyện"
    ).exists()
    assert not Certificate.objects.filter(stars=5).exclude(level=Certificate.Level.NATIONAL).exists()


@slow
@pytest.mark.django_db
def test_producers_are_of_every_kind_in_real_wards_of_their_province(demo):
    producers = Producer.objects.all()
    youth_share = producers.filter(youth_led=True).count() / producers.count()

    assert set(producers.values_list("kind", flat=True)) == set(Producer.Kind.values)
    assert 0.15 <= youth_share <= 0.25
    assert producers.filter(youth_union_supported=True, women_led=True, ethnic_minority=True).exists()
    assert producers.filter(former_address__endswith="(cũ)").exists()
    assert not producers.filter(ward__isnull=True).exists()
    assert not producers.exclude(ward__province=F("province")).exists()


@slow
@pytest.mark.django_db
def test_products_have_channels_and_photos_on_disk(demo):
    photo = ProductPhoto.objects.select_related("product").first()

    assert set(SalesChannel.objects.values_list("kind", flat=True)) >= {"shopee", "tiktok", "website"}
    assert default_storage.exists(photo.image.name)
    assert (photo.width, photo.height) == (800, 600)
    with default_storage.open(photo.card_image.name) as card:
        assert Image.open(card).size == (photo.card_width, photo.card_height) == (480, 360)
    assert photo.alt_text
    assert ProductPhoto.objects.values("image").distinct().count() < 100  # files are shared
