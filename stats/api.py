"""``/api/v1/``: a documented, versioned, read-only JSON API over what the public pages show.

Hand-written views and a hand-written OpenAPI document (``stats/openapi.py``) rather than
Django REST framework: four read-only lists whose filters are the product list's own
``CatalogFilter``, and whose records are the open-data downloads' own (``opendata.product_record``).
DRF and drf-spectacular would add two packages, their serializers and settings to say the
same; the document is checked against the OpenAPI 3.1 schema in the tests
(openapi-spec-validator). Version 1 never changes shape; a new shape would be ``/api/v2/``.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from producers.models import Producer, Province
from products.models import Category, Product
from products.sharing import absolute_url
from stats import opendata
from stats.counts import catalog_filter
from stats.openapi import openapi_document

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


def _number(value, default: int, *, most: int | None = None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    number = max(number, 1)
    return min(number, most) if most else number


def _envelope(request, extra: dict) -> JsonResponse:
    body = {"licence": opendata.LICENCE, "as_of": timezone.localtime().isoformat(timespec="seconds"), **extra}
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _page(request, queryset, record) -> JsonResponse:
    """One page of ``queryset`` as records, with the count and links to the pages around it."""
    size = _number(request.GET.get("page_size"), PAGE_SIZE, most=MAX_PAGE_SIZE)
    paginator = Paginator(queryset, size)
    number = _number(request.GET.get("page"), 1)
    try:
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(paginator.num_pages)

    def link(n):
        query = request.GET.copy()
        query["page"] = n
        return absolute_url(f"{request.path}?{query.urlencode()}", request)

    return _envelope(
        request,
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [record(item) for item in page.object_list],
        },
    )


@require_safe
def index(request):
    names = ("products", "producers", "provinces", "categories", "schema")
    return _envelope(
        request,
        {"version": 1, **{name: absolute_url(reverse(f"stats:api_{name}"), request) for name in names}},
    )


@require_safe
def products(request):
    """The products ``/products/`` lists for the same query string, in the same order."""
    filterset = catalog_filter(request.GET)
    today = timezone.localdate()
    return _page(
        request,
        opendata.listed_products(filterset),
        lambda product: opendata.product_record(product, request, today),
    )


@require_safe
def producers(request):
    """Published producers; ``province`` (slugs, several), ``kind`` (several) and ``youth=1`` filter."""
    queryset = Producer.objects.published().select_related("province").order_by("name", "pk")
    slugs = request.GET.getlist("province")
    if slugs:
        queryset = queryset.filter(province__slug__in=slugs)
    kinds = [kind for kind in request.GET.getlist("kind") if kind in Producer.Kind.values]
    if kinds:
        queryset = queryset.filter(kind__in=kinds)
    if request.GET.get("youth") == "1":
        queryset = queryset.filter(youth_led=True)

    def record(producer):
        return {
            "name": producer.name,
            "url": absolute_url(producer.get_absolute_url(), request),
            "kind": producer.kind,
            "province": producer.province.slug,
            "youth_led": producer.youth_led,
            "women_led": producer.women_led,
            "ethnic_minority": producer.ethnic_minority,
        }

    return _page(request, queryset, record)


@require_safe
def provinces(request):
    """The 34 provinces with their published products holding a valid certificate."""
    valid = (
        Product.objects.published().certified_valid_on(timezone.localdate()).count_by("producer__province_id")
    )

    def record(province):
        return {
            "slug": province.slug,
            "name": province.name,
            "url": absolute_url(reverse("producers:province_detail", args=[province.slug]), request),
            "valid_products": valid.get(province.pk, 0),
        }

    return _page(request, Province.objects.order_by("code"), record)


@require_safe
def categories(request):
    """Decision 148's groups, subgroups and product sets, in their order."""

    def record(category):
        return {
            "code": category.code,
            "level": category.level,
            "name_vi": category.name_vi,
            "name_en": category.name_en,
            "parent": category.parent.code if category.parent else None,
        }

    return _page(request, Category.objects.select_related("parent").order_by("position"), record)


@require_safe
def schema(request):
    return JsonResponse(
        openapi_document(absolute_url("/api/v1/", request)), json_dumps_params={"ensure_ascii": False}
    )
