"""``/producers/``: the producer directory, filtered by province, kind, attributes, category, standard.

Counts per option as on the product list: how many producers choosing that option would show,
the other chosen filters applied. A fixed number of queries whatever the number of producers.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from producers.models import Producer, Province
from producers.text import fold
from products.filters import Option
from products.models import Category, Product, Standard

PAGE_SIZE = 24
FLAGS = {
    "youth": ("youth_led", _("Youth-led")),
    "women": ("women_led", _("Women-led")),
    "ethnic": ("ethnic_minority", _("Ethnic-minority producer")),
}


class ProducerDirectory:
    """The cleaned choices of a query string and the producers they select."""

    def __init__(self, data):
        self.provinces = sorted(Province.objects.all(), key=lambda province: fold(province.name))
        self.groups = list(Category.objects.filter(level=Category.Level.GROUP).order_by("position"))
        self.standards = list(Standard.objects.all())
        slugs = {p.slug for p in self.provinces}
        self.ignored: list[str] = []
        self.chosen = {
            "province": self._kept(data.getlist("province"), slugs),
            "kind": self._kept(data.getlist("kind"), set(Producer.Kind.values)),
            "category": self._kept(data.getlist("category"), {g.code for g in self.groups})[:1],
            "standard": self._kept(data.getlist("standard"), {s.code for s in self.standards}),
            **{flag: ["1"] if data.get(flag) == "1" else [] for flag in FLAGS},
        }

    def _kept(self, values: list[str], allowed: set[str]) -> list[str]:
        """The known values, once each; the others are noted in ``ignored``."""
        kept = []
        for value in values:
            if value in allowed:
                if value not in kept:
                    kept.append(value)
            elif value.strip():
                self.ignored.append(value[:40])
        return kept

    def conditions(self, without: str = "") -> Q:
        """The chosen filters as one ``Q`` on producers, leaving out ``without``."""
        chosen = {name: values for name, values in self.chosen.items() if values and name != without}
        condition = Q()
        if "province" in chosen:
            condition &= Q(province__slug__in=chosen["province"])
        if "kind" in chosen:
            condition &= Q(kind__in=chosen["kind"])
        for flag, (field, _label) in FLAGS.items():
            if flag in chosen:
                condition &= Q(**{field: True})
        if "category" in chosen:
            condition &= Q(Exists(_products().filter(_in_group(chosen["category"][0]))))
        for code in chosen.get("standard", []):
            condition &= Q(Exists(_products().filter(standards__code=code)))
        return condition

    def producers(self):
        base = Producer.objects.published()
        return base.filter(self.conditions())

    def facets(self) -> dict[str, list[Option]]:
        base = Producer.objects.published()
        by_province = base.filter(self.conditions("province")).count_by("province_id")
        by_kind = base.filter(self.conditions("kind")).count_by("kind")
        flags = {
            flag: base.filter(self.conditions(flag)).filter(**{field: True}).count()
            for flag, (field, _label) in FLAGS.items()
        }
        by_group = base.filter(self.conditions("category")).aggregate(
            **{
                f"g{n}": Count("pk", filter=Q(Exists(_products().filter(_in_group(group.code)))))
                for n, group in enumerate(self.groups)
            }
        )
        by_standard = base.filter(self.conditions("standard")).aggregate(
            **{
                f"s{n}": Count("pk", filter=Q(Exists(_products().filter(standards__code=standard.code))))
                for n, standard in enumerate(self.standards)
            }
        )
        chosen = self.chosen
        return {
            "province": sorted(
                (
                    Option(p.slug, p.name, by_province.get(p.pk, 0), p.slug in chosen["province"])
                    for p in self.provinces
                ),
                key=lambda option: not option.selected,
            ),
            "kind": [
                Option(value, label, by_kind.get(value, 0), value in chosen["kind"])
                for value, label in Producer.Kind.choices
            ],
            "flags": [
                Option(flag, str(label), flags[flag], bool(chosen[flag]))
                for flag, (_f, label) in FLAGS.items()
            ],
            "category": [
                Option(g.code, g.name, by_group[f"g{n}"], g.code in chosen["category"])
                for n, g in enumerate(self.groups)
            ],
            "standard": [
                Option(s.code, s.name, by_standard[f"s{n}"], s.code in chosen["standard"])
                for n, s in enumerate(self.standards)
            ],
        }


def _products():
    """Published products of the producer of the outer query."""
    return Product.objects.published().filter(producer=OuterRef("pk"))


def _in_group(code: str) -> Q:
    return Q(category__code=code) | Q(category__code__startswith=code + ".")


def published_product_count():
    """The number of published products of the outer query's producer, as an annotation."""
    counts = _products().order_by().values("producer").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def producer_directory(request):
    """``/producers/``: published producers, filtered, with counts per option, 24 a page."""
    directory = ProducerDirectory(request.GET)
    producers = (
        directory.producers()
        .for_listing()
        .annotate(product_count=published_product_count())
        .order_by("search_text", "pk")  # the folded name: "Cơ sở" before "Công ty"
    )
    page = Paginator(producers, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "facets": directory.facets(),
        "total": page.paginator.count,
        "ignored": directory.ignored,
    }
    return render(request, "products/producer_directory.html", context)
