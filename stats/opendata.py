"""Open data: ``/products.csv`` and ``/products.json``, the product list's query as a download.

The same query-string contract as ``/products/`` (``CatalogFilter``, so the same products in
the same order, unpublished ones never), every row with its certificate and the public page's
address, a licence line and the time the data was read. Streamed row by row from one query
read in chunks, so memory and query count stay flat whatever the number of products.
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from products import spreadsheets
from products.sharing import absolute_url
from stats.counts import catalog_filter

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
CHUNK = 500
FIELDS = (
    "name",
    "url",
    "producer",
    "producer_url",
    "province",
    "category_code",
    "category",
    "stars",
    "certificate_number",
    "decision_date",
    "expires_on",
    "certificate_status",
    "level",
    "issuer",
)


def product_record(product, request, today) -> dict:
    """One product as the downloads and the API give it (``FIELDS``, in that order)."""
    certificate = product.current_certificate
    expires_on = product.certificate_expires_on
    return {
        "name": product.name,
        "url": absolute_url(product.get_absolute_url(), request),
        "producer": product.producer.name,
        "producer_url": absolute_url(product.producer.get_absolute_url(), request),
        "province": product.producer.province.name,
        "category_code": product.category.code,
        "category": product.category.name,
        "stars": product.stars,
        "certificate_number": certificate.decision_number if certificate else None,
        "decision_date": certificate.decision_date.isoformat() if certificate else None,
        "expires_on": expires_on.isoformat() if expires_on else None,
        "certificate_status": product.validity_on(today) or "none",
        "level": certificate.level if certificate else None,
        "issuer": certificate.issuer if certificate else None,
    }


def listed_products(filterset):
    """The filter's products in the list's order, with what a record needs and nothing more."""
    return (
        filterset.qs.select_related(None)
        .prefetch_related(None)
        .select_related("producer__province", "category", "current_certificate")
    )


def product_records(request):
    """(query as cleaned, as-of time, an iterator of one dict per product in the list's order)."""
    filterset = catalog_filter(request.GET)
    today = timezone.localdate()
    queryset = listed_products(filterset)

    def records():
        for product in queryset.iterator(chunk_size=CHUNK):
            yield product_record(product, request, today)

    query = {name: value for name, value in filterset.form.cleaned_data.items() if value}
    return query, timezone.localtime(), records()


class _Echo:
    def write(self, value):
        return value


def _download(content, content_type: str, filename: str, as_of) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Data-Licence"] = LICENCE
    return response


@require_safe
def products_csv(request):
    _query, as_of, records = product_records(request)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # a BOM, so that Excel reads UTF-8 (as products.spreadsheets writes)
        yield writer.writerow([f"# {_('Licence')}: {LICENCE}"])
        yield writer.writerow([f"# {_('As of')}: {as_of.isoformat(timespec='seconds')}"])
        yield writer.writerow(FIELDS)
        for record in records:
            yield writer.writerow([spreadsheets.neutralise(record[name]) for name in FIELDS])

    return _download(lines(), spreadsheets.CONTENT_TYPES["csv"], "ocop-products.csv", as_of)


@require_safe
def products_json(request):
    query, as_of, records = product_records(request)

    def chunks():
        head = {
            "licence": LICENCE,
            "as_of": as_of.isoformat(timespec="seconds"),
            "source": absolute_url("/", request),
            "query": query,
            "fields": FIELDS,
        }
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "products": ['
        for n, record in enumerate(records):
            yield ("," if n else "") + json.dumps(record, ensure_ascii=False)
        yield "]}"

    return _download(chunks(), "application/json; charset=utf-8", "ocop-products.json", as_of)
