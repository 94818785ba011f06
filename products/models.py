"""Decision 148 categories, products, their OCOP certificates, photos and sales channels.

The certificate rules these models are declared with live in ``products.certificates``.
"""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from producers import catalog_version
from producers.models import CatalogQuerySet, Producer, PublicationStatus
from producers.permissions import in_editable_provinces
from producers.text import normalize_search_text, search_terms
from products import certificates
from products.certificates import EXPIRING_WITHIN_DAYS, decision_key_expression
from products.media import ScanValidator, scan_upload_to


class Category(models.Model):
    """A node of Decision 148's classification: a group, a subgroup or a product set."""

    class Level(models.TextChoices):
        GROUP = "group", _("Group")
        SUBGROUP = "subgroup", _("Subgroup")
        SET = "set", _("Product set")

    code = models.CharField(_("code"), max_length=10, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name_vi = models.CharField(_("Vietnamese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if translation.get_language() == "en" else self.name_vi

    @property
    def group_code(self) -> str:
        return self.code.split(".")[0]

    def descendant_filter(self, prefix: str = "") -> Q:
        """A ``Q`` matching this category and everything below it, by code."""
        return Q(**{f"{prefix}code": self.code}) | Q(**{f"{prefix}code__startswith": self.code + "."})


class Standard(models.Model):
    """A quality or origin standard a product can hold (VietGAP, HACCP, geographical indication…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_vi = models.CharField(_("Vietnamese name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if translation.get_language() == "en" else self.name_vi


def _word_prefix(field: str, term: str) -> Q:
    """Rows whose folded ``field`` has a word starting with ``term`` (plain LIKE: same on every backend)."""
    return Q(**{f"{field}__startswith": term}) | Q(**{f"{field}__contains": f" {term}"})


# Most stars first, uncertified last, then by folded name: the catalog's default order.
STAR_ORDER = (models.F("stars").desc(nulls_last=True), "search_name", "pk")


def certificate_status_conditions(day: datetime.date) -> dict[str, Q]:
    """The catalog's certificate filters as ``Q`` objects, for filtering and conditional counts.

    The one definition of valid, expiring and expired: ``certified_valid_on``, ``expiring_on``
    and ``expired_on`` of ``ProductQuerySet`` filter with these.
    """
    has_certificate = models.Exists(Certificate.objects.filter(product=models.OuterRef("pk")))
    return {
        "valid": Q(stars__isnull=False, certificate_expires_on__gte=day),
        "expiring": Q(
            stars__isnull=False,
            certificate_expires_on__gte=day,
            certificate_expires_on__lte=day + datetime.timedelta(days=EXPIRING_WITHIN_DAYS),
        ),
        "expired": Q(has_certificate) & (Q(stars__isnull=True) | Q(certificate_expires_on__lt=day)),
    }


class ProductQuerySet(CatalogQuerySet):
    def published(self):
        """Products the public may see: published, by a published producer."""
        return self.filter(status=PublicationStatus.PUBLISHED, producer__status=PublicationStatus.PUBLISHED)

    def editable_by(self, user):
        """Products ``user`` may read unpublished and change (the rule is producers.permissions')."""
        return in_editable_provinces(self, user, province="producer__province")

    def in_province(self, province):
        return self.filter(producer__province=province)

    def certified_valid_on(self, day: datetime.date):
        """Products whose current certificate is valid (or expiring) on ``day``."""
        return self.filter(certificate_status_conditions(day)["valid"])

    def expiring_on(self, day: datetime.date):
        """Products whose valid certificate ends within ``EXPIRING_WITHIN_DAYS`` of ``day``."""
        return self.filter(certificate_status_conditions(day)["expiring"])

    def expired_on(self, day: datetime.date):
        """Products with no certificate valid on ``day``: expired, or every certificate revoked."""
        return self.filter(certificate_status_conditions(day)["expired"])

    def by_stars(self):
        """Most stars first (uncertified last), then by name: the catalog's default order."""
        return self.order_by(*STAR_ORDER)

    def for_listing(self):
        """Everything a product card shows, in one query (the cover photo is prefetched)."""
        return (
            self.select_related("producer__province", "category", "current_certificate")
            .prefetch_related(
                models.Prefetch(
                    "photos",
                    queryset=ProductPhoto.objects.order_by("position", "pk"),
                    to_attr="ordered_photos",
                )
            )
            # With no current certificate, whether it ever had one: then all were revoked.
            .annotate(
                has_certificate=models.Exists(Certificate.objects.filter(product=models.OuterRef("pk")))
            )
        )

    def for_detail(self):
        """Everything the product page shows about the product itself, in a fixed number of queries."""
        return self.select_related(
            "producer__province",
            "producer__ward",
            "category__parent__parent",
            "current_certificate",
        ).prefetch_related(
            models.Prefetch(
                "photos",
                queryset=ProductPhoto.objects.order_by("position", "pk"),
                to_attr="ordered_photos",
            ),
            models.Prefetch(
                "certificates",
                queryset=Certificate.objects.order_by("-decision_date", "-pk"),
                to_attr="all_certificates",
            ),
            "standards",
            "channels",
        )

    def search(self, query: str):
        """Products with a word starting with each word of ``query``, folded (đ = d, no diacritics).

        Annotates ``relevance``: matches in the product's own name count most, the whole
        query at the start of the name most of all. The same plain LIKE lookups run on
        SQLite and PostgreSQL, so both give the same results in the same order.
        """
        terms = search_terms(query)
        if not terms:
            return self.annotate(relevance=Value(0))
        matching = self
        for term in terms:
            matching = matching.filter(_word_prefix("search_text", term))
        score = Case(When(search_name__startswith=" ".join(terms), then=Value(len(terms) + 1)), default=0)
        for term in terms:
            score += Case(When(_word_prefix("search_name", term), then=Value(1)), default=0)
        return matching.annotate(relevance=score)

    def with_decision_number(self, number: str):
        """Products with a certificate of this decision number (folded: ``decision_key``)."""
        key = certificates.decision_key(number)
        return self.filter(pk__in=Certificate.objects.filter(decision_key=key).values("product_id")).annotate(
            relevance=Value(0)
        )

    def refresh_search_fields(self) -> int:
        """Recompute ``search_text`` and ``search_name`` of these products; returns how many changed."""
        changed = []
        for product in self.select_related("producer__province", "category"):
            before = (product.search_text, product.search_name)
            product.set_search_fields()
            if (product.search_text, product.search_name) != before:
                changed.append(product)
        Product.objects.bulk_update(changed, ["search_text", "search_name"], batch_size=500)
        if changed:
            catalog_version.bump()
        return len(changed)

    def sync_current_certificates(self, day: datetime.date | None = None) -> int:
        """Store each product's current certificate, stars and expiry; the one place they are set.

        The current certificate is the latest (by decision date, then id) not revoked on ``day``
        (today by default): a revocation dated later takes effect on its date, and until then
        the product's stored validity ends the day before it. Run daily (``sync_certificates``)
        so that a revocation reaching its date clears the stars. Returns how many it matched.
        """
        day = day or timezone.localdate()
        latest = (
            Certificate.objects.filter(product=models.OuterRef("pk"))
            .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=day))
            .order_by("-decision_date", "-pk")
        )
        catalog_version.bump()
        matched = self.update(
            current_certificate=models.Subquery(latest.values("pk")[:1]),
            stars=models.Subquery(latest.values("stars")[:1]),
            certificate_expires_on=models.Subquery(latest.values("expires_on")[:1]),
        )
        # A revocation still ahead: the validity the catalog filters on ends the day before it.
        pending = self.filter(current_certificate__revoked_on__isnull=False).values_list(
            "pk", "current_certificate__revoked_on", "current_certificate__expires_on"
        )
        for pk, revoked_on, expires_on in pending:
            last_day = min(expires_on, revoked_on - datetime.timedelta(days=1))
            Product.objects.using(self.db).filter(pk=pk).update(certificate_expires_on=last_day)
        return matched


class Product(models.Model):
    """An OCOP product of one producer, in one Decision 148 product set."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="products", verbose_name=_("producer")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("product set"),
        limit_choices_to={"level": Category.Level.SET},
    )
    story = models.TextField(_("story and description"), blank=True)
    net_quantity = models.CharField(
        _("net weight or volume"), max_length=100, blank=True, help_text=_("For example 500 ml, 1 kg.")
    )
    packaging = models.CharField(_("packaging"), max_length=200, blank=True)
    shelf_life = models.CharField(_("shelf life"), max_length=100, blank=True)
    ingredients = models.TextField(_("ingredients"), blank=True)
    storage = models.CharField(_("storage"), max_length=255, blank=True)
    standards = models.ManyToManyField(
        Standard, blank=True, related_name="products", verbose_name=_("standards held")
    )
    price_min = models.PositiveBigIntegerField(_("price from (VND)"), null=True, blank=True)
    price_max = models.PositiveBigIntegerField(_("price up to (VND)"), null=True, blank=True)
    price_unit = models.CharField(
        _("price per"), max_length=60, blank=True, help_text=_("For example: bottle of 500 ml.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    # The current certificate and what the catalog filters and sorts on, kept by
    # ProductQuerySet.sync_current_certificates() and nowhere else.
    current_certificate = models.ForeignKey(
        "Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("current certificate"),
    )
    stars = models.PositiveSmallIntegerField(
        _("current stars"), null=True, blank=True, editable=False, db_index=True
    )
    certificate_expires_on = models.DateField(
        _("current certificate valid until"), null=True, blank=True, editable=False, db_index=True
    )
    search_text = models.TextField(editable=False, blank=True)
    # The folded product name alone, so that search can rank name matches first.
    search_name = models.CharField(max_length=200, editable=False, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "search_text",
            "search_name",
            "version",
            "current_certificate",
            "stars",
            "certificate_expires_on",
        ]
    )
    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [
            models.Index(fields=["status", "stars"], name="product_status_stars"),
            models.Index(fields=["status", "certificate_expires_on"], name="product_status_expiry"),
            models.Index(fields=["producer", "status"], name="product_producer_status"),
            # The admin's and staff lists' default order: a page, not a sort of every product.
            models.Index(fields=["name"], name="product_name"),
            # PostgreSQL also has partial indexes for the public list's order and trigram
            # indexes for search (products/migrations/0009_public_list_indexes_and_trigram_search.py).
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_min__isnull=True)
                | Q(price_max__isnull=True)
                | Q(price_max__gte=models.F("price_min")),
                name="product_price_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(stars__isnull=True) | Q(stars__gte=3, stars__lte=5),
                name="product_stars_3_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.set_search_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("products:product_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.category_id and self.category.level != Category.Level.SET:
            raise ValidationError({"category": _("Choose a product set, not a group.")})
        if self.price_min is not None and self.price_max is not None and self.price_max < self.price_min:
            raise ValidationError({"price_max": _("The highest price is below the lowest price.")})

    def set_search_fields(self) -> None:
        """Fill ``search_text`` and ``search_name``; bulk writers must call it, as save() does."""
        self.search_text = self.build_search_text()
        self.search_name = normalize_search_text(self.name)[:200]

    def build_search_text(self) -> str:
        """Folded words of everything a search matches: name, producer, province, category."""
        producer = self.producer
        category = self.category
        return normalize_search_text(
            self.name,
            producer.name,
            producer.province.name,
            category.name_vi,
            category.name_en,
        )

    def validity_on(self, day: datetime.date | None = None) -> str | None:
        """The current certificate's status on ``day`` (today by default), from the stored fields.

        None when the product has no current certificate (never certified, or all revoked).
        Revocation of the current certificate always clears it, so this needs no query.
        """
        if self.stars is None or self.certificate_expires_on is None:
            return None
        return certificates.status_on(expires_on=self.certificate_expires_on, revoked_on=None, day=day)

    def listed_status_on(self, day: datetime.date | None = None) -> str | None:
        """What a card or a printed block says of the certificate on ``day``.

        As ``validity_on``, but "revoked" when the product has certificates on record and none is
        current (every one revoked). That needs the ``has_certificate`` annotation of
        ``for_listing()``; without it the product reads as never certified.
        """
        status = self.validity_on(day)
        if status is None and getattr(self, "has_certificate", False):
            return certificates.Status.REVOKED
        return status

    def get_validity_display(self) -> str:
        status = self.validity_on()
        return Certificate.Status(status).label if status else _("No valid certificate")

    def sync_current_certificate(self) -> None:
        """Refresh this product's current certificate fields from its certificates."""
        Product.objects.filter(pk=self.pk).sync_current_certificates()
        self.refresh_from_db(fields=["current_certificate", "stars", "certificate_expires_on"])


class CertificateQuerySet(models.QuerySet):
    def delete(self):
        """Delete these certificates and refresh the current certificate of their products.

        A bulk delete (the admin's "delete selected" action, a data fix) skips
        ``Certificate.delete()``; without this the products would keep the stars and expiry
        of a certificate that no longer exists, and show them as valid.
        """
        product_ids = set(self.values_list("product_id", flat=True))
        with transaction.atomic(using=self.db):
            result = super().delete()
            Product.objects.using(self.db).filter(pk__in=product_ids).sync_current_certificates()
        return result


class Certificate(models.Model):
    """An OCOP certificate: one approval decision rating one product 3, 4 or 5 stars."""

    Level = certificates.Level
    Status = certificates.Status

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("product")
    )
    stars = models.PositiveSmallIntegerField(_("stars"), choices=[(3, "3★"), (4, "4★"), (5, "5★")])
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 to 100."),
    )
    decision_number = models.CharField(
        _("decision number"), max_length=60, help_text=_("For example 2394/QĐ-UBND.")
    )
    decision_date = models.DateField(_("decision date"), validators=[certificates.validate_decision_date])
    issuer = models.CharField(
        _("issuing authority"), max_length=200, help_text=_("For example UBND tỉnh Hà Tĩnh.")
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    expires_on = models.DateField(
        _("valid until"),
        blank=True,
        help_text=_("Leave empty for 36 months after the decision date."),
    )
    potential_five_star = models.BooleanField(_("potential five-star"), default=False)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revocation"), max_length=255, blank=True)
    # The decision number folded for exact look-ups (/verify/, a search by number): no spaces,
    # upper case, Đ/đ as D; products.verification.decision_key() folds a query the same way.
    # Computed by the database, so every writer (bulk_create included) keeps it right.
    decision_key = models.GeneratedField(
        expression=decision_key_expression("decision_number"),
        output_field=models.CharField(max_length=60),
        db_persist=True,
        db_index=True,
    )
    # PDF, JPEG or PNG by content, stored under a random name (products.media).
    scan = models.FileField(
        _("certificate scan"),
        upload_to=scan_upload_to,
        blank=True,
        validators=[ScanValidator()],
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["decision_key"])
    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date", "-pk"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")
        indexes = [
            models.Index(fields=["product", "decision_date"], name="certificate_product_date"),
            # The admin list's default order (read backwards), not a sort of every certificate.
            models.Index(fields=["decision_date", "id"], name="certificate_decision_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="certificate_score_0_to_100",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("decision_date")),
                name="certificate_expires_after_decision",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | Q(revoked_on__gte=models.F("decision_date")),
                name="certificate_revoked_after_decision",
            ),
            models.CheckConstraint(
                condition=Q(potential_five_star=False) | Q(stars=4),
                name="certificate_potential_five_is_four_star",
            ),
            models.UniqueConstraint(
                fields=["product", "decision_number", "decision_date"],
                name="certificate_unique_decision_per_product",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stars}★ {self.decision_number} ({self.decision_date:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        if self.expires_on is None and self.decision_date is not None:
            self.expires_on = certificates.default_expiry(self.decision_date)
        super().save(*args, **kwargs)
        self.product.sync_current_certificate()

    def delete(self, *args, **kwargs):
        product = self.product
        result = super().delete(*args, **kwargs)
        product.sync_current_certificate()
        return result

    def clean(self):
        errors = {}
        # A decision date in the future is the field validator's error; its default expiry may
        # not even exist (year 9999), and then there is nothing to compare here.
        expires_on = self.expires_on or (
            certificates.default_expiry(self.decision_date) if self.decision_date else None
        )
        if self.decision_date and expires_on and expires_on <= self.decision_date:
            errors["expires_on"] = _("The certificate must end after its decision date.")
        if self.decision_date and self.revoked_on and self.revoked_on < self.decision_date:
            errors["revoked_on"] = _("A certificate cannot be revoked before its decision date.")
        if self.potential_five_star and self.stars != 4:
            errors["potential_five_star"] = _("Only a four-star product can be a potential five-star.")
        if errors:
            raise ValidationError(errors)

    def status_on(self, day: datetime.date | None = None) -> str:
        """Valid, expiring (at most 90 days left), expired or revoked, on ``day`` (today by default)."""
        return certificates.status_on(expires_on=self.expires_on, revoked_on=self.revoked_on, day=day)

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        """Today's status, in words of the active language."""
        return self.Status(self.status_on()).label

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        return self.status_on(day) in certificates.VALID_STATUSES


@dataclasses.dataclass(frozen=True)
class Rendition:
    url: str
    width: int | None
    height: int | None


class ProductPhoto(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="photos", verbose_name=_("product")
    )
    image = models.ImageField(
        _("image"), upload_to="products/photos/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    # A small rendition for product cards; ``image`` is the product-page rendition. Both are
    # written by products.photos from the upload, never the uploaded bytes themselves.
    card_image = models.ImageField(
        _("card image"),
        upload_to="products/photos/cards/",
        width_field="card_width",
        height_field="card_height",
        blank=True,
        editable=False,
    )
    card_width = models.PositiveIntegerField(editable=False, null=True)
    card_height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("description for screen readers"), max_length=255, help_text=_("What the photo shows.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    # Who added, described, moved or removed a photo, and when (a swapped photo leaves a trace).
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["product", "position"], name="photo_product_position")]

    def __str__(self) -> str:
        return self.alt_text

    @property
    def card(self) -> "Rendition":
        """The small rendition for cards; the original for photos stored before renditions existed."""
        if self.card_image:
            return Rendition(self.card_image.url, self.card_width, self.card_height)
        return Rendition(self.image.url, self.width, self.height)


class SalesChannel(models.Model):
    """Where to buy a product: a link to a marketplace listing or the producer's own shop."""

    class Kind(models.TextChoices):
        SHOPEE = "shopee", "Shopee"
        TIKTOK = "tiktok", "TikTok Shop"
        LAZADA = "lazada", "Lazada"
        TIKI = "tiki", "Tiki"
        POSTMART = "postmart", "Postmart"
        VOSO = "voso", "Voso"
        WEBSITE = "website", _("Own website")
        OTHER = "other", _("Other")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="channels", verbose_name=_("product")
    )
    kind = models.CharField(_("channel"), max_length=20, choices=Kind.choices)
    url = models.URLField(_("link"), max_length=500)
    label = models.CharField(_("label"), max_length=100, blank=True)

    # A link swapped to another shop must leave a trace: who changed it, when, from what.
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("sales channel")
        verbose_name_plural = _("sales channels")
        constraints = [
            models.UniqueConstraint(fields=["product", "url"], name="channel_unique_url_per_product")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.url}"
