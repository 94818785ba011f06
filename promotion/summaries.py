"""Promotion blocks that other apps' public pages show, each in a fixed number of queries.

Used by the province, product and producer pages: one context entry each
(``province_promotion(province)``, ``featured_in(product=...)``, ``featured_in(producer=...)``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from promotion.models import Activity, Campaign, Reading, Totals

PROVINCE_CAMPAIGNS = 3
FEATURED_IN = 12


@dataclass
class ProvincePromotion:
    """A province's results per measure (every public activity there) and its latest campaigns."""

    totals: Totals
    campaigns: list[Campaign]

    def __bool__(self) -> bool:
        return bool(self.totals) or bool(self.campaigns)


def province_promotion(province) -> ProvincePromotion:
    """Two queries: the totals per measure, the latest public campaigns."""
    return ProvincePromotion(
        totals=Reading.objects.published().in_province(province).totals(),
        campaigns=list(
            Campaign.objects.published()
            .in_province(province)
            .select_related("province")
            .newest_first()[:PROVINCE_CAMPAIGNS]
        ),
    )


@dataclass
class FeaturedEntry:
    """A campaign (with the activities that featured the item) or a standalone activity."""

    title: str
    url: str
    date: datetime.date
    activities: list[Activity] = field(default_factory=list)


def featured_in(*, product=None, producer=None) -> list[FeaturedEntry]:
    """Where a product or producer was featured, newest first, grouped by campaign: one query."""
    activities = Activity.objects.published()
    activities = (
        activities.featuring_product(product)
        if product is not None
        else activities.featuring_producer(producer)
    )
    entries: dict[str, FeaturedEntry] = {}
    for activity in activities.select_related("campaign").order_by("-date", "-pk")[:FEATURED_IN]:
        owner = activity.campaign or activity
        url = owner.get_absolute_url()
        entry = entries.setdefault(url, FeaturedEntry(title=owner.title, url=url, date=activity.date))
        entry.activities.append(activity)
    return list(entries.values())
