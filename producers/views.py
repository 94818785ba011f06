"""Public producer and province pages."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView

from producers import catalog_version
from producers.models import Producer, Province
from products.models import Category, Product

PROVINCE_PRODUCTS = 12
PROVINCE_PRODUCERS = 60


class ProducerDetailView(DetailView):
    """``/producers/<slug>/``: a published producer and all its published products."""

    template_name = "producers/producer_detail.html"
    context_object_name = "producer"

    def get_queryset(self):
        return Producer.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = (
            Product.objects.published().filter(producer=self.object).for_listing().by_stars()
        )
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
    context = {
        "province": province,
        "former_provinces": list(province.former_provinces.order_by("name")),
        "star_counts": [(stars, star_counts.get(stars, 0)) for stars in (5, 4, 3)],
        "total": sum(star_counts.values()),
        "group_counts": group_counts,
        "producers": producers,
        "producer_total": producer_total,
        "products": list(products),
    }
    return render(request, "producers/province_detail.html", context)
