"""The sitemap's sections: pages, provinces, producers, products and campaigns, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

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


class PublishedSitemap(CatalogSitemap):
    """The published rows of ``model``, with their last change."""

    changefreq = "weekly"
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """One aggregate query, where Django's default would load every row."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ProducerSitemap(PublishedSitemap):
    model = Producer


class ProductSitemap(PublishedSitemap):
    model = Product


class PromotionPagesSitemap(CatalogSitemap):
    """The campaign list and the upcoming livestreams."""

    changefreq = "daily"

    def items(self):
        return ["promotion:campaign_list", "promotion:livestream_list"]

    def location(self, item):
        return reverse(item)


class CampaignSitemap(PublishedSitemap):
    model = Campaign


class ActivitySitemap(PublishedSitemap):
    model = Activity


SITEMAPS = {
    "pages": StaticViewSitemap,
    "provinces": ProvinceSitemap,
    "producers": ProducerSitemap,
    "products": ProductSitemap,
    "promotion": PromotionPagesSitemap,
    "campaigns": CampaignSitemap,
    "activities": ActivitySitemap,
}
