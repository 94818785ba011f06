"""``/statistics/``: the programme at a glance, each chart an SVG with the same numbers in a table."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from producers.models import Producer
from products.filters import STATUS_CHOICES, CatalogFilter, product_list_url
from products.models import Category
from promotion.models import MEASURE_DEFINITIONS, Measure
from stats import counts
from stats.charts import Bar, Chart, Segment

ORDERS = ("count", "name")


def list_params(filterset: CatalogFilter) -> dict:
    """The filter's cleaned query as ``product_list_url`` keywords (the default status left out)."""
    params = {name: value for name, value in filterset.form.cleaned_data.items() if value}
    if params.get("status") == "valid":
        del params["status"]
    params.pop("sort", None)
    return params


def star_series(with_uncertified: bool) -> list[str]:
    labels = [_("%(stars)s stars") % {"stars": stars} for stars in counts.STARS]
    return [*labels, _("No valid certificate")] if with_uncertified else labels


def province_chart(filterset: CatalogFilter, order: str) -> Chart:
    by_province = counts.by_province_and_stars(filterset)
    uncertified = any(c.get(None) for c in by_province.values())
    params = list_params(filterset)
    bars = []
    for province in filterset.provinces:
        found = by_province.get(province.pk, {})
        segments = [
            Segment(
                n,
                found.get(stars, 0),
                product_list_url(**{**params, "province": province.slug, "stars": stars}),
            )
            for n, stars in enumerate(counts.STARS)
        ]
        if uncertified:
            segments.append(Segment(len(counts.STARS), found.get(None, 0)))
        bars.append(Bar(province.name, segments, product_list_url(**{**params, "province": province.slug})))
    if order == "count":
        bars.sort(key=lambda bar: -bar.total)  # stable: equal totals stay in name order
    return Chart(
        "provinces",
        _("Products by province and star level"),
        _("One bar per province, split by star level; its length is the number of products the list shows."),
        star_series(uncertified),
        bars,
    )


def category_charts(filterset: CatalogFilter) -> list[Chart]:
    by_code = counts.by_category_code(filterset)
    params = list_params(filterset)

    def bar(category):
        url = product_list_url(**{**params, "category": category.code})
        return Bar(f"{category.code} {category.name}", [Segment(0, by_code.get(category.code, 0), url)], url)

    groups = [bar(c) for c in filterset.categories if c.level == Category.Level.GROUP]
    sets = sorted(
        (bar(c) for c in filterset.categories if c.level == Category.Level.SET and by_code.get(c.code)),
        key=lambda b: -b.total,
    )
    series = [_("Products")]
    return [
        Chart("groups", _("Products by Decision 148 group"), _("One bar per product group."), series, groups),
        Chart(
            "sets", _("Products by product set"), _("Product sets with at least one product."), series, sets
        ),
    ]


def history_charts(filterset: CatalogFilter) -> list[Chart]:
    by_year = counts.certifications_by_year(filterset)
    years = [
        Bar(str(year), [Segment(n, by_year[year].get(stars, 0)) for n, stars in enumerate(counts.STARS)])
        for year in sorted(by_year)
    ]
    changes = counts.re_ratings(filterset)
    ratings = [
        Bar(f"{before}★ → {after}★", [Segment(0, n)])
        for (before, after), n in sorted(changes.items(), key=lambda item: (-item[0][1], item[0][0]))
    ]
    note = _("Counted over products of any certificate status; the product list has no decision-year filter.")
    return [
        Chart(
            "years",
            _("Certifications per year, by decision date"),
            _("Every certificate issued each year by star level, later expired or revoked ones included."),
            star_series(False),
            years,
            note=note,
        ),
        Chart(
            "re-ratings",
            _("Re-ratings"),
            _("Certificates that rated a product at another star level than its previous certificate."),
            [_("Certificates")],
            ratings,
            note=note,
        ),
    ]


def expiring_chart(products, today) -> Chart:
    """The products whose current certificate ends in each of the next 12 months."""
    by_month = counts.expiring_by_month(products, today)
    first = today.replace(day=1)
    months = [counts.add_months(first, n) for n in range(counts.MONTHS_AHEAD)]
    return Chart(
        "expiring",
        _("Certificates ending in each of the next 12 months"),
        _("Products whose current certificate ends in the month, unless renewed."),
        [_("Products")],
        [
            Bar(date_format(month, "YEAR_MONTH_FORMAT"), [Segment(0, by_month.get(month, 0))])
            for month in months
        ],
    )


def expiry_context(filterset: CatalogFilter, today) -> dict:
    chart = expiring_chart(filterset.queryset_without("status"), today)
    lapses = counts.lapses_by_province(filterset, today)
    params = list_params(filterset)
    rows = []
    for province in filterset.provinces:
        row = lapses.get(province.pk)
        if row and any(row.values()):
            rows.append(
                {
                    "province": province,
                    **row,
                    "expiring_url": product_list_url(
                        **{**params, "province": province.slug, "status": "expiring"}
                    ),
                    "expired_url": product_list_url(
                        **{**params, "province": province.slug, "status": "expired"}
                    ),
                }
            )
    return {"expiring_chart": chart, "lapse_rows": rows}


def producer_charts(filterset: CatalogFilter) -> list[Chart]:
    found = counts.producers_of(filterset)
    params = list_params(filterset)
    kinds = [
        Bar(label, [Segment(0, found["by_kind"].get(kind, 0))], product_list_url(**{**params, "kind": kind}))
        for kind, label in Producer.Kind.choices
    ]
    flags = [
        Bar(_("Youth-led"), [Segment(0, found["youth"])], product_list_url(**{**params, "youth": "1"})),
        Bar(_("Women-led"), [Segment(0, found["women"])]),
        Bar(_("Ethnic-minority producer"), [Segment(0, found["ethnic"])]),
    ]
    series = [_("Producers")]
    description = _("Producers of the products counted above; a link leads to their products.")
    return [
        Chart("kinds", _("Producers by kind"), description, series, kinds),
        Chart("flags", _("Youth-led, women-led and ethnic-minority producers"), description, series, flags),
    ]


def promotion_charts(provinces) -> list[Chart]:
    """One chart per measure, bars by year: the promotion app's figures, never summed across measures."""
    found = counts.promotion_by_year(provinces)
    charts = []
    for measure in counts.PROMOTION_MEASURES:
        by_year = found.get(measure)
        if by_year:
            label = Measure(measure).label
            charts.append(
                Chart(
                    f"promotion-{measure}".replace("_", "-"),
                    _("Digital promotion: %(measure)s by year") % {"measure": label},
                    MEASURE_DEFINITIONS[measure],
                    [label],
                    [Bar(str(year), [Segment(0, by_year[year])]) for year in sorted(by_year)],
                    note=_(
                        "Each activity's latest published figure, summed over the activities of the year."
                    ),
                )
            )
    return charts


def selected_provinces(filterset: CatalogFilter) -> list:
    slugs = filterset.form.cleaned_data.get("province") or []
    return [p for p in filterset.provinces if p.slug in slugs] if slugs else filterset.provinces


def statistics(request):
    """The charts of the products ``/products/`` would list for the same query string."""
    filterset = counts.catalog_filter(request.GET)
    order = request.GET.get("order")
    order = order if order in ORDERS else "count"
    today = timezone.localdate()
    context = {
        "filterset": filterset,
        "notices": filterset.notices,
        "active_filters": filterset.active_filters(),
        "status_choices": STATUS_CHOICES,
        "order": order,
        "as_of": timezone.localtime(),
        "province_chart": province_chart(filterset, order),
        "category_charts": category_charts(filterset),
        "history_charts": history_charts(filterset),
        **expiry_context(filterset, today),
        "producer_charts": producer_charts(filterset),
        "coverage_rows": counts.coverage(selected_provinces(filterset), today),
        "promotion_charts": promotion_charts(
            selected_provinces(filterset) if filterset.form.cleaned_data.get("province") else None
        ),
        "list_url": product_list_url(**list_params(filterset)),
    }
    return render(request, "stats/statistics.html", context)
