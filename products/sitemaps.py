from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from products.models import Product


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


class ProductSitemap(CatalogSitemap):
    changefreq = "weekly"

    def items(self):
        return Product.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, product):
        return product.updated_at

    def get_latest_lastmod(self):
        """One aggregate query, where Django's default would load every product."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
