"""Pages that help a buyer trust a label: what the stars mean (``/ocop/``), check one (``/verify/``)."""

from django.shortcuts import render
from django.utils import timezone

from products.certificates import CERTIFICATE_VALIDITY_MONTHS, EXPIRING_WITHIN_DAYS
from products.verification import MAX_RESULTS, find, verdict

MAX_QUERY_LENGTH = 80


def ocop_page(request):
    """``/ocop/``: the programme, star levels and score bands of Decision 148/2023, how to check."""
    return render(
        request,
        "products/ocop.html",
        {"validity_months": CERTIFICATE_VALIDITY_MONTHS, "expiring_days": EXPIRING_WITHIN_DAYS},
    )


def verify(request):
    """``/verify/?q=``: the certificates matching a decision number or a label's short code."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    today = timezone.localdate()
    found, total = find(query) if query else ([], 0)
    return render(
        request,
        "products/verify.html",
        {
            "query": query,
            "today": today,
            "verdicts": [verdict(certificate, today) for certificate in found],
            "total": total,
            "max_results": MAX_RESULTS,
        },
    )
