"""Public producer and province pages."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView

from producers import catalog_version
from producers.models import OfficialTotal, Producer, Province
from products.directory import published_product_count
from products.models import Category, Product

PROVINCE_PRODUCTS = 12
PRODUCER_PRODUCTS = 24
PROVINCE_PRODUCERS = 60


class ProducerDetailView(DetailView):
    """``/producers/<slug>/``: a published producer and all its published products."""

    template_name = "producers/producer_detail.html"
    context_object_name = "producer"

    def get_queryset(self):
        # The number of published products comes with the producer: the pages need no COUNT.
        return Producer.objects.published().for_listing().annotate(product_count=published_product_count())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        products = Product.objects.published().filter(producer=self.object).for_listing().by_stars()
        paginator = Paginator(products, PRODUCER_PRODUCTS)
        paginator.count = self.object.product_count  # a cached_property: set, not queried
        page = paginator.get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["products"] = page.object_list
        return context


def _province_counts(province, valid):
    """Valid products by stars and by product set, producers, and the best-stocked producers."""
    province_producers = Producer.objects.published().in_province(province)
    top = (
        province_producers.annotate(
            # The same published, valid products the counts above are made of.
            product_count=Count("products", filter=Q(products__in=valid.order_by().values("pk")))
        )
        .select_related("ward")
        .order_by("-product_count", "slug")[:PROVINCE_PRODUCERS]
    )
    return valid.count_by("stars"), valid.count_by("category__code"), province_producers.count(), list(top)


def province_detail(request, slug):
    """``/provinces/<slug>/``: counts by star and category group, producers, products, former provinces."""
    province = get_object_or_404(Province, slug=slug)
    today = timezone.localdate()
    valid = Product.objects.published().in_province(province).certified_valid_on(today)

    groups = list(Category.objects.filter(level=Category.Level.GROUP).order_by("position"))
    star_counts, by_set, producer_total, producers = catalog_version.summary(
        f"province:{province.pk}", lambda: _province_counts(province, valid)
    )
    group_counts = [
        (group, sum(n for code, n in by_set.items() if code.split(".")[0] == group.code)) for group in groups
    ]
    products = valid.for_listing().by_stars()[:PROVINCE_PRODUCTS]
    total = sum(star_counts.values())
    official = OfficialTotal.objects.filter(province=province).order_by("-as_of", "-pk").first()
    context = {
        "province": province,
        "official": official,
        "coverage": official.coverage(total) if official else None,
        "former_provinces": list(province.former_provinces.order_by("name")),
        "star_counts": [(stars, star_counts.get(stars, 0)) for stars in (5, 4, 3)],
        "total": total,
        "group_counts": group_counts,
        "producers": producers,
        "producer_total": producer_total,
        "products": list(products),
    }
    return render(request, "producers/province_detail.html", context)
