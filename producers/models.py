"""Geography (the 34 provinces of 2025, their wards, the 63 former provinces) and producers."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from producers.text import normalize_search_text


class Province(models.Model):
    """A provincial unit as of 1 July 2025 (34 in all)."""

    code = models.CharField(_("official code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # "tỉnh" or "thành phố trung ương": data, not a fixed choice, because it has changed before.
    kind = models.CharField(_("kind"), max_length=50)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("producers:province_detail", kwargs={"slug": self.slug})


class FormerProvince(models.Model):
    """One of the 63 provinces before the 2025 reform, and the current province it joined.

    Former codes collide with current ones (former Bình Định was 52, current 52 is Gia Lai),
    so they live in their own table and are never compared with ``Province.code``.
    """

    code = models.CharField(_("former official code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="former_provinces",
        verbose_name=_("merged into"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("former province")
        verbose_name_plural = _("former provinces")

    def __str__(self) -> str:
        return self.name


class Ward(models.Model):
    """A commune (xã), ward (phường) or special zone (đặc khu) of a current province."""

    code = models.CharField(_("official code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="wards", verbose_name=_("province")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune / ward")
        verbose_name_plural = _("communes / wards")
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="ward_unique_name_in_province")
        ]

    def __str__(self) -> str:
        return self.name


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Waiting for approval")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class CatalogQuerySet(models.QuerySet):
    """What every catalog queryset can do."""

    def count_by(self, field: str) -> dict:
        """How many rows have each value of ``field``: {value: count}, in one GROUP BY query."""
        return dict(self.order_by().values_list(field).annotate(n=models.Count("pk")).values_list(field, "n"))


class ProducerQuerySet(CatalogQuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def editable_by(self, user):
        """Producers ``user`` may read unpublished and change (the rule is producers.permissions')."""
        from producers.permissions import in_editable_provinces  # permissions imports this module

        return in_editable_provinces(self, user, province="province")

    def in_province(self, province):
        return self.filter(province=province)

    def for_listing(self):
        """Everything a producer card shows, in one query."""
        return self.select_related("province", "ward")


class Producer(models.Model):
    """An OCOP producer ("chủ thể OCOP")."""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
        HOUSEHOLD = "household", _("Household business")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="producers", verbose_name=_("province")
    )
    ward = models.ForeignKey(
        Ward,
        on_delete=models.PROTECT,
        related_name="producers",
        verbose_name=_("commune / ward"),
        null=True,
        blank=True,
    )
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    former_address = models.CharField(
        _("former address"),
        max_length=255,
        blank=True,
        help_text=_("The address as written before July 2025 (former district and province)."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    zalo = models.CharField(_("Zalo"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    year_founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    youth_led = models.BooleanField(
        _("youth-led"), default=False, db_index=True, help_text=_("Run by people under 35.")
    )
    youth_union_supported = models.BooleanField(_("supported by the Youth Union"), default=False)
    women_led = models.BooleanField(_("women-led"), default=False)
    ethnic_minority = models.BooleanField(_("ethnic-minority producer"), default=False)
    logo = models.ImageField(_("logo"), upload_to="producers/logos/", blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    search_text = models.TextField(editable=False, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text", "version"])
    objects = ProducerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        indexes = [
            models.Index(fields=["province", "status"], name="producer_province_status"),
            # The admin's and staff lists' default order: a page, not a sort of every producer.
            models.Index(fields=["name"], name="producer_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_founded__isnull=True)
                | models.Q(year_founded__gte=1900, year_founded__lte=2100),
                name="producer_year_founded_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = normalize_search_text(self.name)
        super().save(*args, **kwargs)
        # A product's search text holds its producer's name and province: keep them in step.
        self.products.refresh_search_fields()

    def get_absolute_url(self) -> str:
        return reverse("producers:producer_detail", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ward_id and self.province_id and self.ward.province_id != self.province_id:
            raise ValidationError({"ward": _("This commune / ward is not in the chosen province.")})


class ProvinceMembership(models.Model):
    """Assigns a staff user to the one province whose data they may edit."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        APPROVER = "approver", _("Approver")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="province_membership",
        verbose_name=_("user"),
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("province")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        verbose_name = _("province staff assignment")
        verbose_name_plural = _("province staff assignments")

    def __str__(self) -> str:
        return f"{self.user} · {self.province} · {self.get_role_display()}"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Replaced by a newer proposal after the record changed under it.
    SUPERSEDED = "superseded", _("Replaced")


class ChangeProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposalStatus.PENDING)

    def editable_by(self, user):
        """Proposals ``user`` may see and act on: those of their province (national ones: admins only)."""
        from producers.permissions import in_editable_provinces  # permissions imports this module

        return in_editable_provinces(self, user, province="province")

    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def for_object(self, obj):
        return self.for_model(type(obj)).filter(object_id=obj.pk)

    def pending_exists(self, model, outer: str = "pk") -> models.Exists:
        """An ``Exists`` for annotating a queryset of ``model``: has the row a pending proposal?"""
        return models.Exists(self.pending().for_model(model).filter(object_id=models.OuterRef(outer)))

    def for_listing(self):
        """Everything a proposal line shows, in one query (the record itself is a generic prefetch)."""
        return self.select_related("content_type", "province", "proposed_by", "decided_by")


class ChangeProposal(models.Model):
    """A change to a published record that waits for an approver; the public keeps the live row.

    Generic: any model with ``status`` and ``version`` whose app registers a handler in
    ``producers.proposals`` (how to snapshot, compare and apply its state, children included).
    The proposal rows are the audit trail of who proposed, who decided, when and why.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("kind of record"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    target = GenericForeignKey("content_type", "object_id")
    # Copied from the record, for scoping: the proposals of province A are invisible to B.
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_proposals",
        verbose_name=_("province"),
    )
    payload = models.JSONField(_("proposed state"), encoder=DjangoJSONEncoder)
    base_version = models.PositiveIntegerField(
        _("based on version"), help_text=_("The version of the record the proposal was made from.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    created_at = models.DateTimeField(_("opened"), default=timezone.now)
    # Who last changed the proposed state, and when: the person the approval names.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)

    objects = ChangeProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        indexes = [
            models.Index(fields=["content_type", "object_id", "status"], name="proposal_object_status"),
            models.Index(fields=["province", "status"], name="proposal_province_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status=ProposalStatus.PENDING),
                name="proposal_one_pending_per_object",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ProposalStatus.values), name="proposal_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status=ProposalStatus.PENDING, decided_at__isnull=True)
                | (~models.Q(status=ProposalStatus.PENDING) & models.Q(decided_at__isnull=False)),
                name="proposal_decided_unless_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} {self.object_id} · {self.get_status_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status == ProposalStatus.PENDING

    def is_outdated(self, live_version: int) -> bool:
        """Was the record changed after the proposal was made from it? Then it cannot be approved."""
        return self.base_version != live_version


# Kept in its own module; imported here so that Django registers the model with the app.
from producers.official import OfficialTotal  # noqa: E402, F401
