"""Staff pages for producers: list, create, edit, detail with history, publication."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_filters.views import FilterView

from producers.models import ChangeProposal, Producer
from producers.proposals import propose_producer
from producers.services import TRANSITIONS, StaleEditError, posted_version, save_producer
from products.models import Product
from staff import history
from staff.access import StaffRequiredMixin, staff_required
from staff.filters import StaffProducerFilter
from staff.forms import ProducerForm
from staff.messages import NOTHING_PROPOSED, PROPOSED, STALE_EDIT
from staff.views import proposals
from staff.views.publication import action_buttons, apply_status_action


class ProducerListView(StaffRequiredMixin, FilterView):
    filterset_class = StaffProducerFilter
    template_name = "staff/producer_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Producer.objects.editable_by(self.request.user)
            .for_listing()
            .annotate(has_pending_changes=ChangeProposal.objects.pending_exists(Producer))
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
    mode = proposals.edit_mode(producer, province_id=producer.province_id, user=request.user)
    # Continuing a pending proposal: the form starts from the proposed values.
    initial = mode["proposal"].payload["fields"] if mode["continuing"] else None
    form = ProducerForm(
        request.POST if request.method == "POST" else None,
        instance=producer,
        user=request.user,
        initial=initial,
    )
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            if mode["waits_for_approval"]:
                proposal = propose_producer(
                    form=form,
                    user=request.user,
                    expected_version=form.expected_version(),
                    proposal_version=posted_version(request.POST.get("proposal_version")),
                )
            else:
                save_producer(form=form, user=request.user, expected_version=form.expected_version())
        except (StaleEditError, IntegrityError):  # IntegrityError: a second pending proposal at once
            stale = True
            messages.error(request, STALE_EDIT)
        else:
            if not mode["waits_for_approval"]:
                messages.success(request, _("Your changes were saved."))
            else:
                messages.success(request, PROPOSED if proposal is not None else NOTHING_PROPOSED)
            return redirect("staff:producer_detail", pk=producer.pk)
    return render(
        request, "staff/producer_form.html", {"form": form, "producer": producer, "stale": stale, **mode}
    )


@require_safe
@staff_required
def producer_detail(request, pk):
    producer = get_object_or_404(Producer.objects.editable_by(request.user).for_listing(), pk=pk)
    products = Product.objects.editable_by(request.user).filter(producer=producer).select_related("category")
    records = producer.history.select_related("history_user")[: history.LIMIT]
    return render(
        request,
        "staff/producer_detail.html",
        {
            "producer": producer,
            "products": products,
            "history": history.entries(records),
            "actions": action_buttons(producer, province_id=producer.province_id, user=request.user),
            **proposals.panel(producer, province_id=producer.province_id, user=request.user),
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
