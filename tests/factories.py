"""Small factory functions for test rows. Reference data (provinces, categories) is already loaded."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from PIL import Image

from producers.models import Producer, Province, ProvinceMembership, PublicationStatus
from products.models import Category, Certificate, Product

_counter = itertools.count(1)


def province(slug: str = "ha-tinh") -> Province:
    return Province.objects.get(slug=slug)


def category(code: str = "I.4.a") -> Category:
    return Category.objects.get(code=code)


def make_producer(*, province_slug: str = "ha-tinh", **fields) -> Producer:
    n = next(_counter)
    values = {
        "name": f"Hợp tác xã Thử nghiệm {n}",
        "slug": f"htx-thu-nghiem-{n}",
        "kind": Producer.Kind.COOPERATIVE,
        "province": province(province_slug),
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    return Producer.objects.create(**values)


def make_product(
    *,
    producer: Producer | None = None,
    category_code: str = "I.4.a",
    stars: int | None = 3,
    decision_date: datetime.date | None = None,
    **fields,
) -> Product:
    """A product, published by default, with one certificate of ``stars`` unless ``stars`` is None."""
    n = next(_counter)
    values = {
        "name": f"Sản phẩm thử {n}",
        "slug": f"san-pham-thu-{n}",
        "producer": producer or make_producer(),
        "category": category(category_code),
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    product = Product.objects.create(**values)
    if stars is not None:
        make_certificate(product=product, stars=stars, decision_date=decision_date)
        product.refresh_from_db()
    return product


def make_certificate(
    *, product: Product, stars: int = 3, decision_date: datetime.date | None = None, **fields
) -> Certificate:
    n = next(_counter)
    values = {
        "product": product,
        "stars": stars,
        "decision_number": f"{n}/QĐ-UBND",
        "decision_date": decision_date or datetime.date.today() - datetime.timedelta(days=100),
        "issuer": "UBND tỉnh Hà Tĩnh",
        "level": Certificate.Level.PROVINCE,
    }
    values.update(fields)
    return Certificate.objects.create(**values)


def make_staff(*, username: str, province_slug: str | None = "ha-tinh", role: str = "editor", **fields):
    """A user assigned to ``province_slug`` with ``role`` (no assignment when province_slug is None)."""
    user = get_user_model().objects.create_user(username=username, password="pw-test-12345", **fields)
    if province_slug is not None:
        ProvinceMembership.objects.create(user=user, province=province(province_slug), role=role)
    return user


def png_bytes(size=(64, 48), color=(200, 30, 30), fmt="PNG", **save_kwargs) -> bytes:
    """An image file's bytes (PNG unless ``fmt`` says otherwise), for upload tests."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


def import_row(**values) -> dict:
    """The cells of a correct spreadsheet row for the import, by column key, with ``values`` changed."""
    cells = {
        "product_name": "Mật ong Vũ Quang",
        "category_code": "I.4.a",
        "stars": 3,
        "decision_number": "101/QĐ-UBND",
        "decision_date": "15/03/2024",
        "issuer": "UBND tỉnh Hà Tĩnh",
        "producer_name": "HTX Ong Vũ Quang",
        "producer_kind": "Hợp tác xã",
        "price_min": "120.000",
    }
    cells.update(values)
    return cells


# Digital promotion ----------------------------------------------------------------------------


def make_campaign(*, province_slug: str | None = "ha-tinh", **fields):
    """A published campaign of ``province_slug`` (national when None), saved after full_clean()."""
    from promotion.models import Campaign

    n = next(_counter)
    values = {
        "title": f"Chiến dịch thử {n}",
        "slug": f"chien-dich-thu-{n}",
        "province": province(province_slug) if province_slug else None,
        "organisers": "Tỉnh đoàn",
        "starts_on": datetime.date(2023, 9, 16),
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    campaign = Campaign(**values)
    campaign.full_clean()
    campaign.save()
    return campaign


def make_activity(*, campaign=None, kind: str = "forum", **fields):
    """A published activity (in ``campaign``, or standalone in Hà Tĩnh), saved after full_clean()."""
    from promotion.models import Activity

    n = next(_counter)
    values = {
        "campaign": campaign,
        "province": campaign.province if campaign else province("ha-tinh"),
        "kind": kind,
        "title": f"Hoạt động thử {n}",
        "slug": f"hoat-dong-thu-{n}",
        "date": datetime.date(2023, 9, 16),
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    activity = Activity(**values)
    activity.full_clean()
    activity.save()
    return activity


def make_livestream(*, activity, **fields):
    from promotion.models import Livestream

    livestream = Livestream(activity=activity, **{"platform": "tiktok", "duration_minutes": 240, **fields})
    livestream.full_clean()
    livestream.save()
    return livestream


def make_video(*, activity, **fields):
    from promotion.models import Video

    video = Video(activity=activity, **{"platform": "tiktok", "creator": "Nhà sáng tạo", **fields})
    video.full_clean()
    video.save()
    return video


def make_reading(*, activity, measure: str = "reach", value: int = 1000, as_of=None, **fields):
    """A published figure of ``activity``, from the press by default, saved after full_clean()."""
    from promotion.models import Reading

    values = {
        "activity": activity,
        "measure": measure,
        "value": value,
        "as_of": as_of or activity.date,
        "source_kind": "press",
        "source_text": "Báo Hà Tĩnh",
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    reading = Reading(**values)
    reading.full_clean()
    reading.save()
    return reading


def make_support(*, campaign=None, **fields):
    from promotion.models import Support

    values = {
        "campaign": campaign,
        "province": campaign.province if campaign else province("ha-tinh"),
        "giver": "Trung ương Đoàn",
        "recipient": "Thanh niên khởi nghiệp",
        "amount_vnd": 1_000_000_000,
        "given_on": datetime.date(2023, 9, 16),
        "source_kind": "press",
        "source_text": "Báo chí",
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(fields)
    support = Support(**values)
    support.full_clean()
    support.save()
    return support
