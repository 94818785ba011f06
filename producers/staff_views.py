"""Staff pages for producers: list, export, create, edit, detail with history, publication."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_filters.views import FilterView

from producers.forms import ProducerForm
from producers.models import Producer
from producers.services import (
    ACTION_LABELS,
    STALE_STATUS_MESSAGE,
    TRANSITIONS,
    StaleEditError,
    TransitionError,
    allowed_actions,
    change_status,
    posted_version,
    save_producer,
)
from products.models import Product
from products.staff import exports, history
from products.staff.access import StaffRequiredMixin, staff_required
from products.staff.filters import ProducerFilter

HISTORY_LIMIT = 30


class ProducerListView(StaffRequiredMixin, FilterView):
    filterset_class = ProducerFilter
    template_name = "staff/producer_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Producer.objects.editable_by(self.request.user).for_listing()


@require_safe
@staff_required
def producer_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filterset = ProducerFilter(
        request.GET, queryset=Producer.objects.editable_by(request.user).for_listing(), request=request
    )
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    headers, rows = exports.producer_rows(queryset)
    return exports.respond(fmt=fmt, basename="producers", headers=headers, rows=rows)


def _stale_message(request):
    messages.error(
        request,
        _(
            "Somebody else saved this record after you opened it, so your changes were not saved. "
            "Reload the page to see the current version, then make your changes again."
        ),
    )


@staff_required
def producer_create(request):
    form = ProducerForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            producer = save_producer(form=form, user=request.user, expected_version=None)
        except IntegrityError:  # a simultaneous save took the same slug: nothing was written
            messages.error(request, _("The producer could not be saved. Please try again."))
        else:
            messages.success(request, _("The producer was saved as a draft."))
            return redirect("staff:producer_detail", pk=producer.pk)
    return render(request, "staff/producer_form.html", {"form": form})


@staff_required
def producer_edit(request, pk):
    producer = get_object_or_404(Producer.objects.editable_by(request.user), pk=pk)
    form = ProducerForm(
        request.POST if request.method == "POST" else None, instance=producer, user=request.user
    )
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            save_producer(form=form, user=request.user, expected_version=form.expected_version())
        except StaleEditError:
            stale = True
            _stale_message(request)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("staff:producer_detail", pk=producer.pk)
    return render(request, "staff/producer_form.html", {"form": form, "producer": producer, "stale": stale})


@require_safe
@staff_required
def producer_detail(request, pk):
    producer = get_object_or_404(Producer.objects.editable_by(request.user).for_listing(), pk=pk)
    products = Product.objects.editable_by(request.user).filter(producer=producer).select_related("category")
    records = producer.history.select_related("history_user")[:HISTORY_LIMIT]
    return render(
        request,
        "staff/producer_detail.html",
        {
            "producer": producer,
            "products": products,
            "history": history.entries(records),
            "actions": [
                (a, ACTION_LABELS[a])
                for a in allowed_actions(obj=producer, province_id=producer.province_id, user=request.user)
            ],
        },
    )


@require_POST
@staff_required
def producer_status(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    producer = get_object_or_404(Producer.objects.editable_by(request.user), pk=pk)
    apply_status_action(request, obj=producer, province_id=producer.province_id, action=action)
    return redirect("staff:producer_detail", pk=producer.pk)


def apply_status_action(request, *, obj, province_id: int, action: str) -> bool:
    """Run a publication action posted by ``request`` on ``obj`` and tell the user how it went.

    Returns True when the status changed.
    """
    try:
        change_status(
            obj=obj,
            province_id=province_id,
            action=action,
            user=request.user,
            expected_version=posted_version(request.POST.get("version")),
        )
    except StaleEditError:
        messages.error(request, STALE_STATUS_MESSAGE)
    except TransitionError:
        messages.error(request, _("This action does not apply to the current status."))
    else:
        messages.success(request, _("Status changed to: %(status)s.") % {"status": obj.get_status_display()})
        return True
    return False
