"""Digital promotion: campaigns, activities, livestream and video details, result readings, support.

A figure is never a bare number: each ``Reading`` is one measure (reach, views, live viewers,
interactions, orders or revenue) of one activity, as of a date, from a named source. The
measures count different things and are never added to one another: totals are per measure
(``ReadingQuerySet.totals()`` gives a ``Totals`` mapping of measure to ``MeasureTotal``).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Sum, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from producers import permissions
from producers.models import Producer, Province, PublicationStatus
from products.models import Product

MAX_REVENUE_VND = 10**12  # a trillion đồng: more than any single campaign could sell
MAX_COUNT = 10**11  # plays, accounts or orders: above this a figure is a typing mistake
MAX_SUPPORT_VND = 10**12
MAX_LIVESTREAM_MINUTES = 24 * 60
# Campaign slugs that would hide a fixed page under /campaigns/.
RESERVED_SLUGS = frozenset({"livestreams", "activities", "calendar"})

http_url = URLValidator(
    schemes=["http", "https"], message=_("Enter a link that starts with http:// or https://.")
)


def _http_only(field: str) -> Q:
    """A database check that ``field`` is empty or an http(s) link (the validator's rule, in SQL)."""
    return (
        Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "http://"})
        | Q(**{f"{field}__istartswith": "https://"})
    )


def _not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of another page; choose another slug."), params={"slug": slug}
        )


class Platform(models.TextChoices):
    TIKTOK = "tiktok", "TikTok"
    FACEBOOK = "facebook", "Facebook"
    SHOPEE_LIVE = "shopee_live", "Shopee Live"
    YOUTUBE = "youtube", "YouTube"
    ZALO = "zalo", "Zalo"
    OTHER = "other", _("Other platform")


class Measure(models.TextChoices):
    """What a figure counts. Each is its own quantity: never add one to another."""

    REACH = "reach", _("Reach")
    VIEWS = "views", _("Views")
    LIVE_VIEWERS = "live_viewers", _("Live viewers")
    INTERACTIONS = "interactions", _("Interactions")
    ORDERS = "orders", _("Orders")
    REVENUE = "revenue", _("Revenue (VND)")


MEASURE_DEFINITIONS = {
    Measure.REACH: _(
        "Accounts the platform showed the content to, counted once each. Not views, not viewers."
    ),
    Measure.VIEWS: _("Plays of a video or stream, counted again each time, also for the same person."),
    Measure.LIVE_VIEWERS: _(
        "People who watched a livestream while it was live. Fewer than its reach, never added to it."
    ),
    Measure.INTERACTIONS: _("Likes, comments and shares."),
    Measure.ORDERS: _("Orders placed during or through the activity."),
    Measure.REVENUE: _("Sales in Vietnamese đồng during or through the activity, as reported."),
}
MEASURE_ORDER = list(Measure)


class SourceKind(models.TextChoices):
    PLATFORM = "platform", _("Platform dashboard")
    ORGANISER = "organiser", _("Organiser's report")
    PRESS = "press", _("Press")


def _status_field():
    return models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )


def _status_check(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(status__in=PublicationStatus.values), name=name)


def published_activity(prefix: str = "") -> Q:
    """Activities the public may see: published, and standalone or in a published campaign."""
    return Q(**{f"{prefix}status": PublicationStatus.PUBLISHED}) & (
        Q(**{f"{prefix}campaign__isnull": True})
        | Q(**{f"{prefix}campaign__status": PublicationStatus.PUBLISHED})
    )


def _editable(queryset, user, lookup: str):
    """Rows of ``queryset`` whose province (``lookup``) ``user`` may change; national rows only for admins."""
    if permissions.is_national_admin(user):
        return queryset
    return queryset.filter(**{f"{lookup}__in": permissions.editable_provinces(user)})


# Campaigns -------------------------------------------------------------------------------------


class CampaignQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def in_province(self, province):
        return self.filter(province=province)

    def national(self):
        return self.filter(province__isnull=True)

    def in_year(self, year: int):
        """Campaigns running at some time in ``year`` (an open-ended one counts in its start year)."""
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(starts_on__lte=last).filter(
            Q(ends_on__gte=first) | Q(ends_on__isnull=True, starts_on__gte=first)
        )

    def with_activity_kind(self, kind: str):
        """Campaigns with a public activity of ``kind``."""
        return self.filter(
            Exists(Activity.objects.filter(published_activity(), campaign=OuterRef("pk"), kind=kind))
        )

    def editable_by(self, user):
        """Campaigns ``user`` may read unpublished and change: national ones for national admins only."""
        return _editable(self, user, "province")

    def for_listing(self):
        """Everything a campaign card shows, in one query (province, public activity count)."""
        return self.select_related("province").annotate(
            public_activities=Count(
                "activities",
                filter=Q(activities__status=PublicationStatus.PUBLISHED),
            )
        )

    def newest_first(self):
        return self.order_by("-starts_on", "-pk")


class Campaign(models.Model):
    """A promotion campaign of a province, or national (no province): a forum day, a fair, a contest."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[_not_reserved])
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("province"),
        help_text=_("Empty for a national campaign (editable by national admins only)."),
    )
    organisers = models.CharField(
        _("organisers"), max_length=500, help_text=_("One per line or separated by ;")
    )
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True, help_text=_("Empty while it goes on."))
    description = models.TextField(_("description"), blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True, validators=[http_url])
    source_text = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("For example: the press report of the forum.")
    )
    status = _status_field()
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        indexes = [
            models.Index(fields=["province", "status"], name="campaign_province_status"),
            models.Index(fields=["status", "starts_on"], name="campaign_status_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="campaign_ends_after_start",
            ),
            models.CheckConstraint(condition=_http_only("source_url"), name="campaign_source_http"),
            _status_check("campaign_status_known"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Activities and support of a campaign are in its province: keep them in step.
        self.activities.exclude(province=self.province).update(province=self.province)
        self.supports.exclude(province=self.province).update(province=self.province)

    def get_absolute_url(self) -> str:
        return reverse("promotion:campaign_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date is before the start date.")})

    @property
    def organiser_list(self) -> list[str]:
        return _split_names(self.organisers)

    @property
    def partner_list(self) -> list[str]:
        return _split_names(self.partners)


def _number(value: int) -> str:
    return number_format(value, decimal_pos=0, force_grouping=True)


def _split_names(text: str) -> list[str]:
    return [name.strip() for line in text.splitlines() for name in line.split(";") if name.strip()]


class _FollowsCampaignProvince:
    """An activity or support of a campaign lies in the campaign's province (None: national)."""

    def clean_province(self) -> None:
        if self.campaign_id is None:
            return
        if self.province_id is None:
            self.province_id = self.campaign.province_id
        elif self.province_id != self.campaign.province_id:
            raise ValidationError(
                {"province": _("This must be the campaign's province (empty for a national campaign).")}
            )


# Activities ------------------------------------------------------------------------------------


class ActivityKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    TRAINING = "training", _("Training")
    FAIR = "fair", _("Fair")
    LIVESTREAM = "livestream", _("Livestream session")
    VIDEO = "video", _("Video")


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """Activities the public may see: published, standalone or in a published campaign."""
        return self.filter(published_activity())

    def in_province(self, province):
        return self.filter(province=province)

    def upcoming(self, day: datetime.date | None = None):
        """Activities on ``day`` (today by default) or later, soonest first."""
        day = day or timezone.localdate()
        return self.filter(date__gte=day).order_by("date", F("start_time").asc(nulls_first=True), "pk")

    def livestreams(self):
        return self.filter(kind=Activity.Kind.LIVESTREAM)

    def featuring_product(self, product):
        return self.filter(featured_products=product)

    def featuring_producer(self, producer):
        """Activities featuring the producer itself or one of its published products (no duplicates)."""
        as_producer = Activity.featured_producers.through.objects.filter(
            activity=OuterRef("pk"), producer=producer
        )
        as_product = Product.objects.published().filter(
            producer=producer, promotion_activities=OuterRef("pk")
        )
        return self.filter(Exists(as_producer) | Exists(as_product))

    def editable_by(self, user):
        """Activities ``user`` may read unpublished and change (national ones: national admins only)."""
        return _editable(self, user, "province")

    def for_listing(self):
        """Everything an activity line shows, in one query: campaign, province, livestream, video."""
        return self.select_related("campaign", "province", "livestream", "video")

    def chronological(self):
        return self.order_by("date", F("start_time").asc(nulls_first=True), "pk")


class Activity(_FollowsCampaignProvince, models.Model):
    """A forum, training, fair, livestream session or video, in a campaign or standalone."""

    Kind = ActivityKind

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("campaign"),
        help_text=_("Empty for a standalone activity."),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="promotion_activities",
        verbose_name=_("province"),
        help_text=_("The campaign's province when in a campaign; empty for a national activity."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    date = models.DateField(_("date"), help_text=_("For a video: the day it was posted."))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Empty when not known.")
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True, validators=[http_url])
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10**7)],
        help_text=_("People who took part in a forum, training or fair, as reported."),
    )
    featured_products = models.ManyToManyField(
        Product, blank=True, related_name="promotion_activities", verbose_name=_("featured products")
    )
    featured_producers = models.ManyToManyField(
        Producer, blank=True, related_name="promotion_activities", verbose_name=_("featured producers")
    )
    status = _status_field()
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["province", "status"], name="activity_province_status"),
            models.Index(fields=["status", "date"], name="activity_status_date"),
            models.Index(fields=["campaign", "date"], name="activity_campaign_date"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActivityKind.values), name="activity_kind_known"),
            models.CheckConstraint(condition=_http_only("link"), name="activity_link_http"),
            models.CheckConstraint(
                condition=Q(participants__isnull=True) | Q(participants__lte=10**7),
                name="activity_participants_plausible",
            ),
            _status_check("activity_status_known"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("promotion:activity_detail", kwargs={"slug": self.slug})

    def clean(self):
        self.clean_province()

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The start as an aware local datetime, or None when the time is not known."""
        if self.start_time is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime | None:
        """A livestream's end, from its start and duration; None when either is unknown."""
        livestream = getattr(self, "livestream", None) if self.kind == self.Kind.LIVESTREAM else None
        if self.starts_at is None or livestream is None or livestream.duration_minutes is None:
            return None
        return self.starts_at + datetime.timedelta(minutes=livestream.duration_minutes)

    @property
    def is_public(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED and (
            self.campaign_id is None or self.campaign.status == PublicationStatus.PUBLISHED
        )


class _ActivityDetails(models.Model):
    """Details that only one kind of activity has."""

    kind: str

    class Meta:
        abstract = True

    def clean(self):
        if self.activity_id and self.activity.kind != self.kind:
            raise ValidationError(
                _("These details belong to a %(kind)s activity.") % {"kind": Activity.Kind(self.kind).label}
            )


class Livestream(_ActivityDetails):
    """A livestream session's platform, hosts and duration; it starts at its activity's date and time."""

    kind = Activity.Kind.LIVESTREAM

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="livestream", verbose_name=_("activity")
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    hosts = models.CharField(
        _("hosts"), max_length=300, blank=True, help_text=_("Who presented the session.")
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_LIVESTREAM_MINUTES)],
        help_text=_("About 4 hours: 240."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("livestream session")
        verbose_name_plural = _("livestream sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(platform__in=Platform.values), name="livestream_platform_known"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__isnull=True)
                | Q(duration_minutes__gte=1, duration_minutes__lte=MAX_LIVESTREAM_MINUTES),
                name="livestream_duration_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.activity}"


class Video(_ActivityDetails):
    """A video's creator, platform and link; its views are readings of its activity."""

    kind = Activity.Kind.VIDEO

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="video", verbose_name=_("activity")
    )
    creator = models.CharField(_("creator"), max_length=200, blank=True)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("video link"), max_length=500, blank=True, validators=[http_url])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        constraints = [
            models.CheckConstraint(condition=Q(platform__in=Platform.values), name="video_platform_known"),
            models.CheckConstraint(condition=_http_only("url"), name="video_url_http"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.activity}"


# Readings and totals ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MeasureTotal:
    """The sum of one measure's latest figures over several activities.

    Adding a total of another measure raises TypeError: reach, views and live viewers count
    different things, so there is no such sum.
    """

    measure: str
    value: int
    as_of: datetime.date  # the newest figure summed
    earliest: datetime.date  # the oldest figure summed
    figures: int  # how many figures (one per activity)
    sources: int  # how many distinct sources they come from

    @property
    def label(self) -> str:
        return Measure(self.measure).label

    @property
    def definition(self) -> str:
        return MEASURE_DEFINITIONS[Measure(self.measure)]

    @property
    def is_money(self) -> bool:
        return self.measure == Measure.REVENUE

    def __add__(self, other):
        if not isinstance(other, MeasureTotal) or other.measure != self.measure:
            raise TypeError("Totals of different measures are never added to one another.")
        return MeasureTotal(
            measure=self.measure,
            value=self.value + other.value,
            as_of=max(self.as_of, other.as_of),
            earliest=min(self.earliest, other.earliest),
            figures=self.figures + other.figures,
            sources=self.sources + other.sources,  # an upper bound: sources may be shared
        )

    __radd__ = __add__


class Totals(Mapping):
    """Totals keyed by measure, in display order; deliberately no grand total."""

    def __init__(self, totals: dict[str, MeasureTotal]):
        self._totals = {m.value: totals[m.value] for m in MEASURE_ORDER if m.value in totals}

    def __getitem__(self, measure: str) -> MeasureTotal:
        return self._totals[measure]

    def __iter__(self) -> Iterator[str]:
        return iter(self._totals)

    def __len__(self) -> int:
        return len(self._totals)

    def __repr__(self) -> str:
        return f"Totals({self._totals!r})"

    def items_in_order(self) -> list[MeasureTotal]:
        """For templates: each measure's total, in the order the pages show measures."""
        return list(self._totals.values())


class ReadingQuerySet(models.QuerySet):
    def published(self):
        """Readings the public may see: published, of a public activity."""
        return self.filter(published_activity("activity__"), status=PublicationStatus.PUBLISHED)

    def in_province(self, province):
        return self.filter(activity__province=province)

    def editable_by(self, user):
        return _editable(self, user, "activity__province")

    def latest_per_activity(self):
        """Of these readings, each activity's latest per measure (older readings of it are dropped).

        "Later" is judged among these same readings, so ``published().latest_per_activity()``
        keeps a published figure even when a newer one waits for approval.
        """
        later = self.filter(
            activity=OuterRef("activity"), measure=OuterRef("measure"), as_of__gt=OuterRef("as_of")
        ).order_by()
        return self.exclude(Exists(later))

    def totals(self) -> Totals:
        """The latest reading per activity and measure, summed per measure: one query.

        The one place figures are summed; every page's totals come from here.
        """
        rows = (
            self.latest_per_activity()
            .order_by()
            .values("measure")
            .annotate(
                total=Sum("value"),
                newest=Max("as_of"),
                oldest=Min("as_of"),
                figures=Count("pk"),
                sources=Count(
                    Concat(
                        "source_kind",
                        Value("|"),
                        "source_url",
                        Value("|"),
                        "source_text",
                        output_field=models.TextField(),
                    ),
                    distinct=True,
                ),
            )
        )
        return Totals(
            {
                row["measure"]: MeasureTotal(
                    measure=row["measure"],
                    value=row["total"],
                    as_of=row["newest"],
                    earliest=row["oldest"],
                    figures=row["figures"],
                    sources=row["sources"],
                )
                for row in rows
            }
        )

    def in_display_order(self):
        """By measure as the pages list them, then newest first."""
        order = models.Case(
            *(models.When(measure=m.value, then=Value(i)) for i, m in enumerate(MEASURE_ORDER)),
            output_field=models.IntegerField(),
        )
        return self.order_by(order, "-as_of", "-pk")


class Reading(models.Model):
    """One figure of one activity: a measure, its value, as of a date, and where it comes from."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="readings", verbose_name=_("activity")
    )
    measure = models.CharField(
        _("measure"),
        max_length=20,
        choices=Measure.choices,
        help_text=_(
            "Reach: accounts shown the content, once each. Views: plays, counted again for the same "
            "person. Live viewers: people who watched live. Interactions: likes, comments, shares. "
            "Orders. Revenue in VND. Never add one measure to another."
        ),
    )
    value = models.PositiveBigIntegerField(_("value"), help_text=_("A whole number; revenue in VND."))
    as_of = models.DateField(_("as of"), help_text=_("The day the figure was true (not in the future)."))
    source_kind = models.CharField(_("source kind"), max_length=20, choices=SourceKind.choices)
    source_url = models.URLField(_("source link"), max_length=500, blank=True, validators=[http_url])
    source_text = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Who published the figure, e.g. “Báo Hà Tĩnh, 17/9/2023”. A link or this, or both."),
    )
    status = _status_field()
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = ReadingQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "measure", "-as_of"]
        verbose_name = _("result reading")
        verbose_name_plural = _("result readings")
        indexes = [models.Index(fields=["status", "measure"], name="reading_status_measure")]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "measure", "as_of"], name="reading_one_per_activity_measure_day"
            ),
            models.CheckConstraint(condition=Q(measure__in=Measure.values), name="reading_measure_known"),
            models.CheckConstraint(
                condition=Q(source_kind__in=SourceKind.values), name="reading_source_known"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0)
                & (Q(measure=Measure.REVENUE, value__lte=MAX_REVENUE_VND) | Q(value__lte=MAX_COUNT)),
                name="reading_value_plausible",
            ),
            models.CheckConstraint(condition=~Q(source_url="", source_text=""), name="reading_has_source"),
            models.CheckConstraint(condition=_http_only("source_url"), name="reading_source_http"),
            _status_check("reading_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()}: {self.value} ({self.as_of:%d/%m/%Y})"

    @property
    def definition(self) -> str:
        return MEASURE_DEFINITIONS[Measure(self.measure)]

    @property
    def is_money(self) -> bool:
        return self.measure == Measure.REVENUE

    def clean(self):
        errors: dict[str, list] = {}
        if self.value is not None:
            limit = MAX_REVENUE_VND if self.measure == Measure.REVENUE else MAX_COUNT
            if self.value > limit:
                errors.setdefault("value", []).append(
                    _("%(value)s is not a plausible figure: at most %(limit)s.")
                    % {"value": _number(self.value), "limit": _number(limit)}
                )
        if self.as_of:
            if self.as_of > timezone.localdate():
                errors.setdefault("as_of", []).append(_("A result cannot be dated in the future."))
            elif self.activity_id and self.as_of < self.activity.date:
                errors.setdefault("as_of", []).append(_("A result cannot be dated before its activity."))
        if not self.source_url and not self.source_text:
            errors.setdefault("source_text", []).append(
                _("Say where the figure comes from: a link or a source.")
            )
        if not errors and self.activity_id and self.as_of and self.value is not None:
            self.clean_against_reach(errors)
        if errors:
            raise ValidationError(errors)

    def clean_against_reach(self, errors: dict) -> None:
        """Live viewers are among the accounts reached: never more than the reach of the same day."""
        if self.measure not in (Measure.REACH, Measure.LIVE_VIEWERS):
            return
        other = Measure.REACH if self.measure == Measure.LIVE_VIEWERS else Measure.LIVE_VIEWERS
        other_value = (
            Reading.objects.filter(activity_id=self.activity_id, as_of=self.as_of, measure=other)
            .exclude(pk=self.pk)
            .values_list("value", flat=True)
            .first()
        )
        if other_value is None:
            return
        viewers, reach = (self.value, other_value) if other == Measure.REACH else (other_value, self.value)
        if viewers > reach:
            errors.setdefault("value", []).append(
                _("Live viewers (%(viewers)s) cannot be more than the reach (%(reach)s) of the same day.")
                % {"viewers": _number(viewers), "reach": _number(reach)}
            )


# Support ---------------------------------------------------------------------------------------


class SupportQuerySet(models.QuerySet):
    def published(self):
        """Support the public may see: published, standalone or of a published campaign."""
        return self.filter(status=PublicationStatus.PUBLISHED).filter(
            Q(campaign__isnull=True) | Q(campaign__status=PublicationStatus.PUBLISHED)
        )

    def in_province(self, province):
        return self.filter(province=province)

    def editable_by(self, user):
        return _editable(self, user, "province")


class Support(_FollowsCampaignProvince, models.Model):
    """Money given to young people's start-ups or a promotion programme."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supports",
        verbose_name=_("campaign"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="promotion_supports",
        verbose_name=_("province"),
        help_text=_("The campaign's province when in a campaign; empty for national support."),
    )
    giver = models.CharField(_("given by"), max_length=255)
    recipient = models.CharField(_("recipient or programme"), max_length=255)
    amount_vnd = models.PositiveBigIntegerField(
        _("amount (VND)"), validators=[MaxValueValidator(MAX_SUPPORT_VND)]
    )
    purpose = models.CharField(_("purpose"), max_length=500, blank=True)
    given_on = models.DateField(_("given on"))
    source_kind = models.CharField(_("source kind"), max_length=20, choices=SourceKind.choices)
    source_url = models.URLField(_("source link"), max_length=500, blank=True, validators=[http_url])
    source_text = models.CharField(_("source"), max_length=300, blank=True)
    status = _status_field()
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = SupportQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("support given")
        verbose_name_plural = _("support given")
        indexes = [models.Index(fields=["province", "status"], name="support_province_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_vnd__gte=0, amount_vnd__lte=MAX_SUPPORT_VND),
                name="support_amount_plausible",
            ),
            models.CheckConstraint(
                condition=Q(source_kind__in=SourceKind.values), name="support_source_known"
            ),
            models.CheckConstraint(condition=~Q(source_url="", source_text=""), name="support_has_source"),
            models.CheckConstraint(condition=_http_only("source_url"), name="support_source_http"),
            _status_check("support_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.giver} → {self.recipient}"

    def clean(self):
        errors = {}
        try:
            self.clean_province()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.given_on and self.given_on > timezone.localdate():
            errors["given_on"] = _("Support cannot be dated in the future.")
        if not self.source_url and not self.source_text:
            errors["source_text"] = _("Say where the figure comes from: a link or a source.")
        if errors:
            raise ValidationError(errors)
