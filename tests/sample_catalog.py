"""A small public catalog shared by the page tests: every certificate state, three provinces."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

from producers.models import Producer, PublicationStatus
from products.certificates import add_months
from products.models import Product
from tests.factories import make_certificate, make_producer, make_product


def today() -> datetime.date:
    return timezone.localdate()


@dataclass
class Catalog:
    keo: Product  # Hà Tĩnh, 4★, valid, youth-led household
    mam: Product  # Hà Tĩnh, 3★, valid
    expiring: Product  # Hà Tĩnh, 3★, 30 days left
    expired: Product  # Hà Tĩnh, was 4★, expired
    revoked: Product  # Hà Tĩnh, was 3★, revoked
    tra: Product  # Hà Nội, 5★, valid, youth-led cooperative
    keo_lac: Product  # Nghệ An, 3★, valid, cooperative group
    uncertified: Product  # Nghệ An, no certificate at all
    draft: Product  # Hà Nội, 5★ but a draft: never public
    hidden_producer: Product  # published product of a draft producer: never public

    @property
    def valid(self) -> set[str]:
        return {p.slug for p in (self.keo, self.mam, self.expiring, self.tra, self.keo_lac)}


def build_catalog() -> Catalog:
    day = today()
    household = make_producer(
        name="Cơ sở Kẹo cu đơ Bà Lý", slug="keo-ba-ly", kind=Producer.Kind.HOUSEHOLD, youth_led=True
    )
    enterprise = make_producer(name="Công ty Thanh Hương", slug="thanh-huong", kind=Producer.Kind.ENTERPRISE)
    hanoi = make_producer(
        province_slug="ha-noi",
        name="HTX Sen Tây Hồ",
        slug="sen-tay-ho",
        kind=Producer.Kind.COOPERATIVE,
        youth_led=True,
    )
    nghean = make_producer(
        province_slug="nghe-an",
        name="Tổ hợp tác Lạc Nam Đàn",
        slug="lac-nam-dan",
        kind=Producer.Kind.COOPERATIVE_GROUP,
    )
    draft_producer = make_producer(
        province_slug="ha-noi", slug="draft-producer", status=PublicationStatus.DRAFT
    )

    keo = make_product(
        producer=household,
        name="Kẹo cu đơ Thiên Cầm",
        slug="keo-cu-do-thien-cam",
        category_code="I.3.b",
        stars=4,
    )
    mam = make_product(
        producer=enterprise,
        name="Nước mắm Thanh Hương",
        slug="nuoc-mam-thanh-huong",
        category_code="I.4.a",
        stars=3,
    )
    expiring = make_product(
        producer=enterprise, name="Mắm tôm", slug="mam-tom", category_code="I.4.a", stars=None
    )
    make_certificate(
        product=expiring,
        stars=3,
        decision_date=add_months(day, -35),
        expires_on=day + datetime.timedelta(days=30),
    )
    expired = make_product(
        producer=enterprise,
        name="Nước mắm ruốc",
        slug="nuoc-mam-ruoc",
        category_code="I.4.a",
        stars=4,
        decision_date=add_months(day, -37),
    )
    revoked = make_product(
        producer=enterprise, name="Mắm cáy", slug="mam-cay", category_code="I.4.a", stars=3
    )
    certificate = revoked.current_certificate
    certificate.revoked_on = day - datetime.timedelta(days=1)
    certificate.revocation_reason = "Vi phạm"
    certificate.save()
    tra = make_product(
        producer=hanoi, name="Trà sen Tây Hồ", slug="tra-sen-tay-ho", category_code="I.5.a", stars=5
    )
    keo_lac = make_product(
        producer=nghean, name="Kẹo lạc Nam Đàn", slug="keo-lac", category_code="I.3.b", stars=3
    )
    uncertified = make_product(
        producer=nghean, name="Tương Nam Đàn", slug="tuong", category_code="I.4.a", stars=None
    )
    draft = make_product(
        producer=hanoi, name="Trà chưa duyệt", slug="tra-chua-duyet", stars=5, status=PublicationStatus.DRAFT
    )
    hidden_producer = make_product(producer=draft_producer, name="Trà ẩn", slug="tra-an", stars=5)
    products = [keo, mam, expiring, expired, revoked, tra, keo_lac, uncertified, draft, hidden_producer]
    for product in products:
        product.refresh_from_db()
    return Catalog(*products)


def add_valid_products(count: int, *, province_slug: str = "ha-tinh", stars: int = 3) -> None:
    """``count`` more valid products (each with its own producer), to show query counts stay flat."""
    for _ in range(count):
        make_product(producer=make_producer(province_slug=province_slug), stars=stars)


def slugs_on_page(html: str) -> list[str]:
    """Slugs of the product cards on a page, in order."""
    return re.findall(r'<h3 class="card-title"><a href="(?:/en)?/products/([^/]+)/">', html)


def make_photo(
    product: Product, *, alt_text: str = "Ảnh sản phẩm", position: int = 0, name: str = "photo.png"
):
    """A real (tiny) PNG photo of ``product``, so width and height are read from the file."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from products.models import ProductPhoto

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 40)).save(buffer, format="PNG")
    image = SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
    return ProductPhoto.objects.create(product=product, image=image, alt_text=alt_text, position=position)
