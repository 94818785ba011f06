"""``/products/print/``: any product-list filter as a catalogue to print or save as PDF.

A cover with the filter and the date, then one block per product: photo, stars, validity on the
print date, producer contact and the QR code of its public page (always ``SITE_URL``).
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from products.certificates import VALID_STATUSES
from products.filters import STATUS_CHOICES, CatalogFilter
from products.models import Product
from products.sharing import absolute_url, qr_svg

MAX_PRINTED = 200


def catalogue(request):
    filterset = CatalogFilter(
        request.GET, queryset=Product.objects.published().for_listing(), request=request
    )
    today = timezone.localdate()
    products = list(filterset.qs[: MAX_PRINTED + 1])
    truncated = len(products) > MAX_PRINTED
    products = products[:MAX_PRINTED]
    blocks = []
    for product in products:
        url = absolute_url(product.get_absolute_url())
        status = product.listed_status_on(today)
        blocks.append(
            {
                "product": product,
                "url": url,
                "qr": qr_svg(url, title=_("QR code of %(name)s") % {"name": product.name}),
                "valid": status in VALID_STATUSES,
                "status": status,
            }
        )
    chosen = [item["label"] for item in filterset.active_filters()]
    status = filterset.form.cleaned_data.get("status")
    if status == "valid":
        chosen.append(str(dict(STATUS_CHOICES)["valid"]))
    return render(
        request,
        "products/catalogue_print.html",
        {
            "blocks": blocks,
            "today": today,
            "chosen": chosen,
            "query": filterset.form.cleaned_data.get("q") or "",
            "truncated": truncated,
            "max_printed": MAX_PRINTED,
            "list_url": request.get_full_path().replace("/print/", "/", 1),
        },
    )
