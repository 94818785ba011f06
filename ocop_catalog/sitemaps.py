"""The sitemap's sections: pages, provinces, producers, products and campaigns, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpResponse
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.html import escape
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


def _url_xml(url: dict) -> str:
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if url.get("lastmod"):
        parts.append(f"<lastmod>{date_filter(url['lastmod'], 'Y-m-d')}</lastmod>")
    if url.get("changefreq"):
        parts.append(f"<changefreq>{url['changefreq']}</changefreq>")
    if url.get("priority"):
        parts.append(f"<priority>{url['priority']}</priority>")
    parts.extend(
        f'<xhtml:link rel="alternate" hreflang="{link["lang_code"]}" href="{escape(link["location"])}"/>'
        for link in url.get("alternates", ())
    )
    parts.append("</url>")
    return "".join(parts)


def sitemap_section(request, section):
    """A page of a sitemap section: Django's sitemap view, its 1,000 links written without a template.

    The same XML as Django's ``sitemap.xml`` template (less whitespace) in a fifth of the time,
    kept per catalog version and day: a page is ~0.5 MB, the same for every crawler.
    """
    page = request.GET.get("p", "1").strip()
    # "1", "01" and " 1" are one page: one kept copy (anything else is left to Django's 404).
    page = str(int(page)) if page.isascii() and page.isdigit() and len(page) < 10 else page[:20]
    name = f"sitemap:{request.scheme}:{request.get_host()}:{section}:{page}"

    def build():
        response = sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)
        body = "".join(map(_url_xml, response.context_data["urlset"]))
        headers = {h: response[h] for h in ("Last-Modified", "X-Robots-Tag") if h in response}
        return body, headers

    body, headers = catalog_version.summary(name, build)
    fast = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f"{body}</urlset>\n",
        content_type="application/xml",
    )
    for header, value in headers.items():
        fast[header] = value
    return fast


def sitemap_index(request):
    """``/sitemap.xml``: Django's index of the sections and their pages, kept like the sections."""
    name = f"sitemap-index:{request.scheme}:{request.get_host()}"

    def build():
        response = sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")
        response.render()
        headers = {h: response[h] for h in ("Content-Type", "Last-Modified", "X-Robots-Tag") if h in response}
        return response.content, headers

    content, headers = catalog_version.summary(name, build)
    response = HttpResponse(content)
    for header, value in headers.items():
        response[header] = value
    return response
