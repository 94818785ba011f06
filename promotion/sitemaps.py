from django.db.models import Max
from django.urls import reverse

from products.sitemaps import CatalogSitemap
from promotion.models import Activity, Campaign


class PromotionPagesSitemap(CatalogSitemap):
    """The campaign list and the upcoming livestreams."""

    changefreq = "daily"

    def items(self):
        return ["promotion:campaign_list", "promotion:livestream_list"]

    def location(self, item):
        return reverse(item)


class CampaignSitemap(CatalogSitemap):
    changefreq = "weekly"

    def items(self):
        return Campaign.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, campaign):
        return campaign.updated_at

    def get_latest_lastmod(self):
        """One aggregate query, where Django's default would load every campaign."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ActivitySitemap(CatalogSitemap):
    changefreq = "weekly"

    def items(self):
        return Activity.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, activity):
        return activity.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
