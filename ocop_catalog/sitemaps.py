"""The sitemap's sections: pages, provinces, producers, products and campaigns, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

from producers import catalog_version
from producers.models import Producer, Province
from products.models import Product
from promotion.models import Activity, Campaign


class CatalogSitemap(Sitemap):
    """Links in both languages, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    limit = 1000  # links a page (each item gives one link per language)


class StaticViewSitemap(CatalogSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["home", "products:product_list"]

    def location(self, item):
        return reverse(item)


class ProvinceSitemap(CatalogSitemap):
    changefreq = "daily"

    def items(self):
        return Province.objects.only("slug").order_by("code")


class _LanguagePairs:
    """(row, language) pairs of a queryset of ``.values()``, read a page at a time.

    Django's i18n sitemap builds every pair in memory to paginate them (100,000 products,
    200,000 pairs, for each section page and for the index); this gives the paginator the
    count from one COUNT query and each page from one query of the rows it needs.
    """

    def __init__(self, queryset, languages):
        self.queryset, self.languages = queryset, languages

    def count(self) -> int:
        label = self.queryset.model._meta.label
        return catalog_version.summary(f"sitemap-count:{label}", self.queryset.count) * len(self.languages)

    def __getitem__(self, window: slice):
        per_row = len(self.languages)
        first = window.start // per_row
        rows = self.queryset[first : -(-window.stop // per_row)]
        pairs = [(row, language) for row in rows for language in self.languages]
        skip = window.start - first * per_row
        return pairs[skip : skip + window.stop - window.start]


class PublishedSitemap(CatalogSitemap):
    """The published rows of ``model``, with their last change, read as values a page at a time."""

    changefreq = "weekly"
    model = None
    url_name = None

    def items(self):
        return self.model.objects.published().values("slug", "updated_at").order_by("pk")

    def _items(self):
        return _LanguagePairs(self.items(), self._languages())

    def location(self, item):
        """The row's address in the active language, reversed once per language."""
        templates = self.__dict__.setdefault("_templates", {})
        language = get_language()
        if language not in templates:
            templates[language] = reverse(self.url_name, kwargs={"slug": "__slug__"})
        return templates[language].replace("__slug__", item["slug"])

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        """One aggregate query, where Django's default would load every row."""
        return catalog_version.summary(
            f"sitemap-lastmod:{self.model._meta.label}",
            lambda: self.items().aggregate(latest=Max("updated_at"))["latest"],
        )


class ProducerSitemap(PublishedSitemap):
    model = Producer
    url_name = "producers:producer_detail"


class ProductSitemap(PublishedSitemap):
    model = Product
    url_name = "products:product_detail"


class PromotionPagesSitemap(CatalogSitemap):
    """The campaign list and the upcoming livestreams."""

    changefreq = "daily"

    def items(self):
        return ["promotion:campaign_list", "promotion:livestream_list"]

    def location(self, item):
        return reverse(item)


class CampaignSitemap(PublishedSitemap):
    model = Campaign
    url_name = "promotion:campaign_detail"


class ActivitySitemap(PublishedSitemap):
    model = Activity
    url_name = "promotion:activity_detail"


SITEMAPS = {
    "pages": StaticViewSitemap,
    "provinces": ProvinceSitemap,
    "producers": ProducerSitemap,
    "products": ProductSitemap,
    "promotion": PromotionPagesSitemap,
    "campaigns": CampaignSitemap,
    "activities": ActivitySitemap,
}
