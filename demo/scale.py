"""Scale data: N distinct, realistic products for benchmarks (``load_demo_data --products N``).

The demo's tables and helpers make the rows (``demo.data``, ``demo.planner``): each province's
specialties, product types, producer and certificate wording, photo files. What differs is
the size and how it stays deterministic at any size:

- Every province has its own endless stream of producers and their products
  (``random.Random`` seeded with the province's slug). A fixed weighted round robin over
  the 34 provinces, with the demo's province weights, decides which stream gives the next
  product. Product *i* therefore depends only on the products before it: the same N gives
  the same rows, and a larger N keeps every row of a smaller one and adds the rest.
- Rows are matched on slug: what already exists is left alone, so running the build again
  adds nothing, and an interrupted build resumes where it stopped.
- Rows are written in chunks, each in its own transaction, with ``bulk_create`` and one
  set-based ``sync_current_certificates()`` per chunk. Generated values satisfy the model
  rules (a test runs ``full_clean()`` on them); no history rows are written.

Certificate dates are relative to the day of the build, as in the demo, so that the
catalog's valid, expiring and expired certificates stay so whenever it is built.
"""

from __future__ import annotations

import datetime
import itertools
import random
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from demo.builder import create_product_rows, ensure_demo_users, planned_fields
from demo.data import (
    BRAND_WORDS,
    DEFAULT_VALID_PRODUCTS,
    FIVE_STAR_SHARE,
    FIXED_STARS,
    FOUR_STAR_SHARE,
    PINNED_FOUR_STAR,
    VALID_PRODUCTS,
)
from demo.photos import ensure_photos
from demo.planner import ProvincePlanner, _place
from producers.models import Producer, Province, Ward
from producers.text import normalize_search_text
from products.models import Category, Product, Standard

SEED = "ocop-scale-2025"
CHUNK = 2000  # products written per transaction
# Products per producer (capped by the product type's variants): about 2.4 on average.
PRODUCTS_PER_PRODUCER = (1, 2, 2, 3, 3, 4)
# Share of products that are not published with a valid certificate, and what became of them.
OTHER_SHARE = 0.065
OTHER_FATES = ("expired", "expired", "revoked", "expired", "draft", "pending", "archived")
EXPIRING_SHARE = 0.05
RENEWED_SHARE = 0.12  # valid 3★ products whose earlier certificate expired and was renewed
TRADE_NAMES = tuple(f"{a} {b}" for a, b in itertools.permutations(BRAND_WORDS, 2))


@dataclass
class ScaleResult:
    """Rows created per table, and how many products of the scale catalog there are."""

    created: Counter
    products: int  # products of the scale catalog present after the build (created or found)


def province_sequence(total: int, provinces: list[Province]) -> Iterator[Province]:
    """The province of each product in turn: a smooth weighted round robin over ``provinces``.

    Every prefix of the sequence is spread as the weights say, and the sequence does not
    depend on ``total``: a larger build continues the smaller one.
    """
    weights = [VALID_PRODUCTS.get(p.slug, DEFAULT_VALID_PRODUCTS) for p in provinces]
    weight_sum = sum(weights)
    current = [0] * len(provinces)
    for _ in range(total):
        for index, weight in enumerate(weights):
            current[index] += weight
        chosen = max(range(len(provinces)), key=current.__getitem__)  # first of equals: by code
        current[chosen] -= weight_sum
        yield provinces[chosen]


class _ScaleProvinceBuilder(ProvincePlanner):
    """The demo's province builder, turned into an endless stream of producers and products."""

    def __init__(
        self,
        province: Province,
        wards: list[Ward],
        today: datetime.date,
        *,
        producer_slugs: set[str],
        product_slugs: set[str],
        product_names: set[str],
    ):
        super().__init__(province, wards, today)
        self.rng = random.Random(f"{SEED}:{province.slug}")
        # Slugs and names are unique across the whole catalog, not only in the province.
        self.producer_slugs = producer_slugs
        self.product_slugs = product_slugs
        self.product_names = product_names
        self.weights = [s.type.weight for s in self.specialties]
        if province.slug in FIXED_STARS:
            three, four, five = FIXED_STARS[province.slug]
            total = three + four + five
            self.four_share, self.five_share = four / total, five / total
        else:
            self.four_share = FOUR_STAR_SHARE + self.rng.uniform(-0.03, 0.03)
            self.five_share = FIVE_STAR_SHARE

    def stream(self) -> Iterator[dict]:
        """Products without end, each with its producer (``_producer``) and certificates.

        The province's pinned products (Hà Tĩnh's kẹo cu đơ and Cửa Nhượng fish sauce, as in
        the demo) come first, with a valid four-star certificate, so searches for them find
        them at any size.
        """
        rng = self.rng
        pinned = [
            s
            for name in PINNED_FOUR_STAR.get(self.province.slug, ())
            for s in self.specialties
            if s.name == name
        ]
        while True:
            stars = 4 if pinned else None
            specialty = pinned.pop(0) if pinned else rng.choices(self.specialties, self.weights)[0]
            producer = self.plan_producer(specialty)
            variants = specialty.type.variants
            count = min(rng.choice(PRODUCTS_PER_PRODUCER), len(variants))
            for variant in rng.sample(variants, count):
                brand = self.distinct_brand(producer, specialty.name, variant)
                product = self.plan_product({**producer, "_brand": brand}, specialty, variant)
                product["_producer"] = producer
                self.product_names.add(product["name"])
                if stars:
                    product["_certificates"] = self.valid_history(product, stars, expiring=False)
                    stars = None  # the producer's first product only
                else:
                    self.assign_fate(product)
                yield product

    def distinct_brand(self, producer: dict, specialty: str, variant: str) -> str:
        """The producer's brand, made longer when another product already has the same name.

        Two households both called "Bà Lan" may make the same sweet: the second one's
        product is named after its commune too, as labels do, and failing that gets a
        trade name of two words ("An Phát"), from a start fixed by the producer's slug.
        """
        brand = producer["_brand"]
        place = _place(producer["ward"])
        longer = brand if place in brand else f"{brand} {place}"
        start = zlib.crc32(producer["slug"].encode())
        trade_names = (
            f"{brand} {TRADE_NAMES[(start + i) % len(TRADE_NAMES)]}" for i in range(len(TRADE_NAMES))
        )
        numbered = (f"{longer} {n}" for n in itertools.count(2))  # never reached in practice
        for candidate in itertools.chain((brand, longer), trade_names, numbered):
            if " ".join(part for part in (specialty, variant, candidate) if part) not in self.product_names:
                return candidate
        raise AssertionError("unreachable: the candidates never end")

    def assign_fate(self, product: dict) -> None:
        """Most products get a valid history (with re-ratings and renewals); a few another fate."""
        rng = self.rng
        if rng.random() < OTHER_SHARE:
            self.assign_other_fate(product, rng.choice(OTHER_FATES))
            return
        draw = rng.random()
        stars = 5 if draw < self.five_share else 4 if draw < self.five_share + self.four_share else 3
        history = self.valid_history(product, stars, expiring=rng.random() < EXPIRING_SHARE)
        if len(history) == 1 and stars == 3 and rng.random() < RENEWED_SHARE:
            latest_age = (self.today - history[0]["decision_date"]).days
            history.insert(0, self.certificate(product, 3, latest_age + rng.randint(1100, 1400)))
        product["_certificates"] = history


def plan_scale_catalog(total: int, *, today: datetime.date) -> Iterator[dict]:
    """The first ``total`` products of the scale catalog, in order, as plain dicts."""
    provinces = list(Province.objects.order_by("code"))
    if not provinces:
        raise ValueError("No provinces: run load_reference_data first.")
    wards: dict[int, list[Ward]] = {}
    for ward in Ward.objects.order_by("code"):
        wards.setdefault(ward.province_id, []).append(ward)
    shared = {"producer_slugs": set(), "product_slugs": set(), "product_names": set()}
    streams = {
        province.pk: _ScaleProvinceBuilder(province, wards[province.pk], today, **shared).stream()
        for province in provinces
    }
    for province in province_sequence(total, provinces):
        yield next(streams[province.pk])


def build_scale_catalog(
    *,
    products: int,
    photos: bool = True,
    today: datetime.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ScaleResult:
    """Create the missing rows of the first ``products`` products of the scale catalog.

    Needs the reference data. Also creates the demo accounts. ``progress(done, total)`` is
    called after each chunk.
    """
    if products < 1:
        raise ValueError("The number of products must be at least 1.")
    today = today or timezone.localdate()
    writer = _ChunkWriter(photos=photos)
    created = ensure_demo_users()
    chunk: list[dict] = []
    done = 0
    for row in plan_scale_catalog(products, today=today):
        chunk.append(row)
        if len(chunk) == CHUNK:
            created.update(writer.write(chunk))
            done += len(chunk)
            chunk = []
            if progress:
                progress(done, products)
    if chunk:
        created.update(writer.write(chunk))
        done += len(chunk)
        if progress:
            progress(done, products)
    return ScaleResult(created=created, products=done)


class _ChunkWriter:
    """Writes planned rows chunk by chunk, skipping the producers and products that exist."""

    def __init__(self, *, photos: bool):
        self.categories = {c.code: c for c in Category.objects.filter(level=Category.Level.SET)}
        self.standards = dict(Standard.objects.values_list("code", "pk"))
        self.photo_names = ensure_photos() if photos else {}
        self.producers: dict[str, Producer] = {}  # by slug, every producer written or found so far

    @transaction.atomic
    def write(self, rows: list[dict]) -> Counter:
        created: Counter = Counter()
        existing = set(
            Product.objects.filter(slug__in=[row["slug"] for row in rows]).values_list("slug", flat=True)
        )
        rows = [row for row in rows if row["slug"] not in existing]
        if not rows:
            return created
        created["producers"] += self.write_producers([row["_producer"] for row in rows])
        products = []
        for row in rows:
            product = Product(
                **planned_fields(row),
                producer=self.producers[row["_producer"]["slug"]],
                category=self.categories[row["_specialty"].type.category],
            )
            product.set_search_fields()
            products.append(product)
        Product.objects.bulk_create(products, batch_size=1000)
        created["products"] += len(products)
        created.update(self.write_children(products, rows))
        Product.objects.filter(pk__in=[p.pk for p in products]).sync_current_certificates()
        return created

    def write_producers(self, plans: list[dict]) -> int:
        """Make sure every producer of ``plans`` exists; returns how many were created."""
        wanted = {plan["slug"]: plan for plan in plans if plan["slug"] not in self.producers}
        if not wanted:
            return 0
        for producer in Producer.objects.filter(slug__in=list(wanted)).select_related("province"):
            self.producers[producer.slug] = producer
        new = [
            Producer(**planned_fields(plan), search_text=normalize_search_text(plan["name"]))
            for slug, plan in wanted.items()
            if slug not in self.producers
        ]
        Producer.objects.bulk_create(new, batch_size=1000)
        self.producers.update((producer.slug, producer) for producer in new)
        return len(new)

    def write_children(self, products: list[Product], rows: list[dict]) -> Counter:
        """Certificates, standards held, sales channels and photos of the new ``products``."""
        return create_product_rows(
            products, rows, standards=self.standards, photo_names=self.photo_names, batch_size=2000
        )
