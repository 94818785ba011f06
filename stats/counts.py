"""The statistics page's numbers, all read through the product list's own filter.

Every count starts from ``CatalogFilter`` over the published products, the same filter (and
so the same query-string contract and the same validity rules, ``certificate_status_conditions``)
that ``/products/`` lists with: a bar linking to ``/products/?…`` leads to exactly the number it
shows. Each function is one or two GROUP BY queries whatever the number of products.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Window
from django.db.models.functions import Lag, TruncMonth
from django.http import QueryDict

from producers.models import OfficialTotal, Producer
from products.certificates import add_months
from products.filters import CatalogFilter
from products.models import Certificate, Product, certificate_status_conditions
from promotion.models import Measure, Reading

STARS = (5, 4, 3)
MONTHS_AHEAD = 12


def catalog_filter(params: QueryDict) -> CatalogFilter:
    """The product list's filter over what the public may see (drafts never count)."""
    filterset = CatalogFilter(params, queryset=Product.objects.published())
    filterset.is_valid()  # cleans the form: cleaned_data is what every count reads
    return filterset


def _products(filterset: CatalogFilter, *, any_status: bool = False):
    queryset = filterset.queryset_without("status") if any_status else filterset.qs
    return queryset.select_related(None).prefetch_related(None).order_by()


def by_province_and_stars(filterset: CatalogFilter) -> dict[int, Counter]:
    """{province id: Counter({stars or None: products})} of the filtered list."""
    counts: dict[int, Counter] = defaultdict(Counter)
    rows = _products(filterset).values_list("producer__province_id", "stars").annotate(n=Count("pk"))
    for province_id, stars, n in rows:
        counts[province_id][stars] += n
    return counts


def by_category_code(filterset: CatalogFilter) -> dict[str, int]:
    """{Decision 148 code: products}, a group's and subgroup's summed over their sets."""
    by_set = _products(filterset).values_list("category__code").annotate(n=Count("pk"))
    totals: Counter = Counter()
    for code, n in by_set:
        parts = code.split(".")
        for depth in range(1, len(parts) + 1):
            totals[".".join(parts[:depth])] += n
    return totals


def certifications_by_year(filterset: CatalogFilter) -> dict[int, Counter]:
    """{year of decision: Counter({stars: certificates})} of the filtered products, any status."""
    products = _products(filterset, any_status=True).values("pk")
    rows = (
        Certificate.objects.filter(product__in=products)
        .values_list("decision_date__year", "stars")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for year, stars, n in rows:
        counts[year][stars] += n
    return counts


def re_ratings(filterset: CatalogFilter) -> Counter:
    """Counter({(stars before, stars after): certificates}) of products rated again at another level."""
    products = _products(filterset, any_status=True).values("pk")
    previous = Window(Lag("stars"), partition_by=[F("product_id")], order_by=[F("decision_date"), F("pk")])
    rows = (
        Certificate.objects.filter(product__in=products)
        .annotate(before=previous)
        .filter(before__isnull=False)
        .exclude(before=F("stars"))
        .values_list("before", "stars")
    )
    return Counter(rows)


def expiring_by_month(products, today: datetime.date) -> dict[datetime.date, int]:
    """{first day of month: ``products`` whose current certificate ends that month}, the next 12 months."""
    end = add_months(today.replace(day=1), MONTHS_AHEAD)
    rows = (
        products.order_by()
        .filter(stars__isnull=False, certificate_expires_on__gte=today, certificate_expires_on__lt=end)
        .annotate(month=TruncMonth("certificate_expires_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    counts = {}
    for month, n in rows:
        month = month.date() if isinstance(month, datetime.datetime) else month
        counts[month] = counts.get(month, 0) + n
    return counts


def lapses_by_province(filterset: CatalogFilter, today: datetime.date) -> dict[int, dict[str, int]]:
    """Per province: certificates ending within 90 days and 12 months; lapsed and revoked in the last 12."""
    year_ago = add_months(today, -MONTHS_AHEAD)
    year_ahead = add_months(today, MONTHS_AHEAD)
    conditions = certificate_status_conditions(today)
    revoked = Exists(
        Certificate.objects.filter(product=OuterRef("pk"), revoked_on__gte=year_ago, revoked_on__lte=today)
    )
    rows = (
        _products(filterset, any_status=True)
        .values("producer__province_id")
        .annotate(
            expiring=Count("pk", filter=conditions["expiring"]),
            year=Count(
                "pk",
                filter=Q(stars__isnull=False, certificate_expires_on__gte=today)
                & Q(certificate_expires_on__lt=year_ahead),
            ),
            lapsed=Count(
                "pk",
                filter=Q(
                    stars__isnull=False,
                    certificate_expires_on__lt=today,
                    certificate_expires_on__gte=year_ago,
                ),
            ),
            revoked=Count("pk", filter=Q(revoked, stars__isnull=True)),
        )
    )
    return {row.pop("producer__province_id"): row for row in rows}


def producers_of(filterset: CatalogFilter) -> dict:
    """Producers of the filtered products: by kind, and how many are youth-, women-, ethnic-minority-led."""
    producers = Producer.objects.filter(pk__in=_products(filterset).values("producer_id")).order_by()
    by_kind = dict(producers.values_list("kind").annotate(n=Count("pk")))
    flags = producers.aggregate(
        total=Count("pk"),
        youth=Count("pk", filter=Q(youth_led=True)),
        women=Count("pk", filter=Q(women_led=True)),
        ethnic=Count("pk", filter=Q(ethnic_minority=True)),
    )
    return {"by_kind": by_kind, **flags}


def coverage(provinces, today: datetime.date) -> list[dict]:
    """Each province with an official figure: the figure, the catalog's valid products, the coverage.

    The catalog's count is the province page's: published products with a valid certificate.
    """
    official = OfficialTotal.objects.filter(province__in=provinces).latest_by_province()
    if not official:
        return []
    in_catalog = (
        Product.objects.published()
        .certified_valid_on(today)
        .filter(producer__province_id__in=official)
        .count_by("producer__province_id")
    )
    rows = []
    for province in provinces:
        figure = official.get(province.pk)
        if figure is not None:
            count = in_catalog.get(province.pk, 0)
            rows.append(
                {
                    "province": province,
                    "official": figure,
                    "in_catalog": count,
                    "coverage": figure.coverage(count),
                }
            )
    return rows


PROMOTION_MEASURES = (Measure.REACH, Measure.LIVE_VIEWERS, Measure.VIEWS, Measure.REVENUE)


def promotion_by_year(provinces=None) -> dict[str, dict[int, int]]:
    """{measure: {year of the activity: sum of each activity's latest published figure}}: one query.

    Each measure apart: reach, live viewers, views and revenue count different things and are
    never added together (``promotion.models.MeasureTotal``).
    """
    readings = Reading.objects.published()
    if provinces is not None:  # else national activities (no province) count too
        readings = readings.filter(activity__province__in=provinces)
    readings = readings.latest_per_activity()
    rows = (
        readings.filter(measure__in=PROMOTION_MEASURES)
        .order_by()
        .values_list("measure", "activity__date__year")
        .annotate(total=Sum("value"))
    )
    found: dict[str, dict[int, int]] = defaultdict(dict)
    for measure, year, total in rows:
        found[measure][year] = total
    return found
