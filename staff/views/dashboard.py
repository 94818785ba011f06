"""The staff dashboard: counts, what waits for approval, expiring certificates, recent changes."""

from collections import Counter
from itertools import chain

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from producers.models import ChangeProposal, Producer, PublicationStatus
from producers.permissions import editable_provinces, in_editable_provinces, is_national_admin
from products.models import Product
from staff.access import staff_required
from staff.views.proposals import with_records

DASHBOARD_LIMIT = 10


def recent_changes(user) -> list:
    """The latest changes to the producers and products ``user`` may edit, newest first."""
    records = []
    for model, province in ((Product, "producer__province"), (Producer, "province")):
        history = model.history.select_related("history_user").order_by("-history_date")
        records.append(in_editable_provinces(history, user, province=province)[:DASHBOARD_LIMIT])
    return sorted(chain(*records), key=lambda r: r.history_date, reverse=True)[:DASHBOARD_LIMIT]


def status_and_star_counts(products) -> tuple[Counter, Counter]:
    """How many products have each status, and each number of stars: one GROUP BY, one scan."""
    by_status, by_stars = Counter(), Counter()
    for status, stars, n in products.order_by().values_list("status", "stars").annotate(n=Count("pk")):
        by_status[status] += n
        if stars is not None:
            by_stars[stars] += n
    return by_status, by_stars


@require_safe
@staff_required
def dashboard(request):
    user = request.user
    today = timezone.localdate()
    products = Product.objects.editable_by(user)
    producers = Producer.objects.editable_by(user)
    by_status, by_stars = status_and_star_counts(products)
    cards = products.select_related("producer", "category")
    pending = PublicationStatus.PENDING
    proposals = ChangeProposal.objects.editable_by(user).pending()
    return render(
        request,
        "staff/dashboard.html",
        {
            "provinces": editable_provinces(user)[:3] if not is_national_admin(user) else None,
            "status_counts": [
                (label, by_status.get(value, 0), value) for value, label in PublicationStatus.choices
            ],
            "star_counts": [(stars, by_stars.get(stars, 0)) for stars in (3, 4, 5)],
            "producer_count": producers.count(),
            "pending_products": cards.filter(status=pending).order_by("updated_at")[:DASHBOARD_LIMIT],
            "pending_producers": producers.filter(status=pending).order_by("updated_at")[:DASHBOARD_LIMIT],
            "expiring": cards.expiring_on(today).order_by("certificate_expires_on")[:DASHBOARD_LIMIT],
            "expiring_count": products.expiring_on(today).count(),
            "expired": cards.expired_on(today).order_by("certificate_expires_on")[:DASHBOARD_LIMIT],
            "expired_count": products.expired_on(today).count(),
            "recent": recent_changes(user),
            # Changes to published records waiting for an approver, oldest first: the queue.
            "proposals": with_records(
                list(proposals.for_listing().order_by("proposed_at")[:DASHBOARD_LIMIT])
            ),
            "proposal_count": proposals.count(),
        },
    )
