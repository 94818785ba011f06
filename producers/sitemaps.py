from django.db.models import Max

from producers.models import Producer, Province
from products.sitemaps import CatalogSitemap


class ProducerSitemap(CatalogSitemap):
    changefreq = "weekly"

    def items(self):
        return Producer.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, producer):
        return producer.updated_at

    def get_latest_lastmod(self):
        """One aggregate query, where Django's default would load every producer."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ProvinceSitemap(CatalogSitemap):
    changefreq = "daily"

    def items(self):
        return Province.objects.only("slug").order_by("code")
