"""Public producer and province pages."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView

from producers import catalog_version
from producers.models import OfficialTotal, Producer, Province
from products.models import Category, Product

PROVINCE_PRODUCTS = 12
PRODUCER_PRODUCTS = 24
PROVINCE_PRODUCERS = 60


class ProducerDetailView(DetailView):
    """``/producers/<slug>/``: a published producer and all its published products."""

    template_name = "producers/producer_detail.html"
    context_object_name = "producer"

    def get_queryset(self):
        return Producer.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        products = Product.objects.published().filter(producer=self.object).by_stars()
        # Kept per catalog version, like the page's product keys below.
        self.object.product_count = catalog_version.summary(
            f"producer-count:{self.object.pk}", products.count
        )
        context = super().get_context_data(**kwargs)
        paginator = Paginator(products, PRODUCER_PRODUCTS)
        paginator.count = self.object.product_count  # a cached_property: set, not queried
        page = paginator.get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        # The page's product keys, kept per catalog version; the cards come from the card cache.
        keys = page.object_list.values_list("pk", flat=True)
        context["products"] = catalog_version.summary(
            f"producer-products:{self.object.pk}:{page.number}", lambda: list(keys)
        )
        return context


def _province_summary(province, valid) -> dict:
    """What a province page shows besides the province itself: counts, producers, products, records."""
    province_producers = Producer.objects.published().in_province(province)
    top = (
        province_producers.annotate(
            # The same published, valid products the counts above are made of.
            product_count=Count("products", filter=Q(products__in=valid.order_by().values("pk")))
        )
        .select_related("ward")
        .order_by("-product_count", "slug")[:PROVINCE_PRODUCERS]
    )
    star_counts, by_set = valid.count_by("stars"), valid.count_by("category__code")
    total = sum(star_counts.values())
    groups = Category.objects.filter(level=Category.Level.GROUP).order_by("position")
    official = OfficialTotal.objects.filter(province=province).order_by("-as_of", "-pk").first()
    return {
        "official": official,
        "coverage": official.coverage(total) if official else None,
        "former_provinces": list(province.former_provinces.order_by("name")),
        "star_counts": [(stars, star_counts.get(stars, 0)) for stars in (5, 4, 3)],
        "total": total,
        "group_counts": [
            (group, sum(n for code, n in by_set.items() if code.split(".")[0] == group.code))
            for group in groups
        ],
        "producers": list(top),
        "producer_total": province_producers.count(),
        # Their cards come from the card cache (products.templatetags.catalog.product_cards).
        "products": list(valid.by_stars().values_list("pk", flat=True)[:PROVINCE_PRODUCTS]),
    }


def province_detail(request, slug):
    """``/provinces/<slug>/``: counts by star and category group, producers, products, former provinces.

    Everything but the province itself is kept per catalog version and day: the counts scan
    the province's valid products, and the page is the same for every visitor.
    """
    province = get_object_or_404(Province, slug=slug)
    valid = Product.objects.published().in_province(province).certified_valid_on(timezone.localdate())
    context = {
        "province": province,
        **catalog_version.summary(f"province-page:{province.pk}", lambda: _province_summary(province, valid)),
    }
    return render(request, "producers/province_detail.html", context)
