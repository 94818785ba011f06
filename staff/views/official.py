"""A province's official OCOP figures as published: the list, and a form to record a new one.

Province staff record and read their own province's figures only; a national admin chooses the
province. The public province and statistics pages set the latest figure against the catalog.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from producers.models import OfficialTotal
from producers.permissions import editable_provinces
from staff.access import staff_required
from staff.forms import OfficialTotalForm

# Rows the list shows at most, newest first: a handful a year per province.
LIMIT = 100


@require_safe
@staff_required
def official_list(request):
    figures = (
        OfficialTotal.objects.filter(province__in=editable_provinces(request.user))
        .select_related("province", "recorded_by")
        .order_by("-as_of", "province__name", "-pk")[:LIMIT]
    )
    return render(request, "staff/official_list.html", {"figures": figures, "limit": LIMIT})


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def official_create(request):
    form = OfficialTotalForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            figure = form.save(commit=False)
            figure.recorded_by = request.user
            try:
                with transaction.atomic():
                    figure.save()
            except IntegrityError:  # the same province and day, saved meanwhile
                messages.error(
                    request, _("A figure of this province and day already exists. Nothing was saved.")
                )
            else:
                messages.success(
                    request,
                    _("The official figure of %(province)s was recorded.") % {"province": figure.province},
                )
                return redirect("staff:official_list")
        else:
            messages.error(request, _("Please correct the errors below. Nothing was saved."))
    return render(request, "staff/official_form.html", {"form": form})
