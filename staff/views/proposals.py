"""Changes waiting for approval: the queue, the panel on a record's page, approve, reject, withdraw.

The rules are the domain's (``producers.proposals``); these pages show a proposal's differences
and pass on the decisions. A proposal of another province is a 404, like its record.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from producers import proposals
from producers.models import ChangeProposal, Producer, ProposalStatus, PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.services import StaleEditError, posted_version
from products.models import Product
from staff import history
from staff.access import staff_required
from staff.forms import ProposalDecisionForm
from staff.messages import (
    PROPOSAL_APPROVED,
    PROPOSAL_CLOSED,
    PROPOSAL_INVALID,
    PROPOSAL_REJECTED,
    PROPOSAL_STALE,
    PROPOSAL_WITHDRAWN,
)

# The staff page of each kind of record a proposal can be about.
DETAIL_PAGES = {Product: "staff:product_detail", Producer: "staff:producer_detail"}
QUEUE_PAGE_SIZE = 25
ACTIONS = ("approve", "reject", "withdraw")


def detail_url_name(proposal: ChangeProposal) -> str | None:
    return DETAIL_PAGES.get(proposal.content_type.model_class())


def panel(obj, *, province_id: int, user) -> dict:
    """What a record's staff page shows about its proposals: the pending one and its diff, the list."""
    trail = list(
        ChangeProposal.objects.for_object(obj).select_related("proposed_by", "decided_by")[: history.LIMIT]
    )
    pending = next((p for p in trail if p.status == ProposalStatus.PENDING), None)
    context = {"proposals": trail, "proposal": pending}
    if pending is not None:
        handler = proposals.handler_for(type(obj))
        approver = can_approve(user, province_id)
        context.update(
            {
                "proposal_diff": handler.diff(handler.snapshot(obj), pending.payload),
                "proposal_outdated": pending.is_outdated(obj.version),
                "may_decide": approver,
                "may_withdraw": not approver and can_edit_province(user, province_id),
                "decision_form": ProposalDecisionForm(initial={"version": pending.version}),
            }
        )
    return context


def edit_mode(obj, *, province_id: int, user) -> dict:
    """How the edit page of ``obj`` saves: directly, as a new proposal, or continuing the pending one."""
    waits = proposals.needs_approval(obj=obj, province_id=province_id, user=user)
    pending = proposals.pending_for(obj) if obj.status == PublicationStatus.PUBLISHED else None
    outdated = pending is not None and pending.is_outdated(obj.version)
    return {
        "waits_for_approval": waits,
        # An approver's (or a national admin's) save of a published record is public at once.
        "public_at_once": obj.status == PublicationStatus.PUBLISHED and not waits,
        "proposal": pending,
        "proposal_outdated": outdated,
        "continuing": waits and pending is not None and not outdated,
    }


@require_POST
@staff_required
def proposal_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    proposal = get_object_or_404(
        ChangeProposal.objects.editable_by(request.user).select_related("content_type"), pk=pk
    )
    url_name = detail_url_name(proposal)
    if url_name is None:  # a kind of record these pages do not show (yet): decided elsewhere
        raise Http404
    form = ProposalDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    version = posted_version(request.POST.get("version"))
    try:
        if action == "approve":
            proposals.approve(proposal=proposal, user=request.user, expected_version=version, note=note)
        elif action == "reject":
            proposals.reject(proposal=proposal, user=request.user, expected_version=version, note=note)
        else:
            proposals.withdraw(proposal=proposal, user=request.user, expected_version=version)
    except proposals.ProposalClosedError:
        messages.error(request, PROPOSAL_CLOSED)
    except StaleEditError:
        messages.error(request, PROPOSAL_STALE)
    except (ValidationError, IntegrityError):
        messages.error(request, PROPOSAL_INVALID)
    else:
        done = {"approve": PROPOSAL_APPROVED, "reject": PROPOSAL_REJECTED, "withdraw": PROPOSAL_WITHDRAWN}
        messages.success(request, done[action])
    return redirect(url_name, pk=proposal.object_id)


@require_safe
@staff_required
def proposal_list(request):
    """The queue: pending proposals of the user's provinces, oldest first, with links to decide."""
    status = request.GET.get("status", ProposalStatus.PENDING)
    if status not in ProposalStatus.values:
        status = ProposalStatus.PENDING
    queryset = (
        ChangeProposal.objects.editable_by(request.user)
        .filter(status=status)
        .for_listing()
        .order_by("proposed_at" if status == ProposalStatus.PENDING else "-decided_at", "pk")
    )
    page = Paginator(queryset, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = with_records(list(page.object_list))
    return render(
        request,
        "staff/proposal_list.html",
        {
            "rows": rows,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "status": status,
            "statuses": ProposalStatus.choices,
        },
    )


def with_records(proposals_: list[ChangeProposal]) -> list[dict]:
    """Each proposal with its record's name and staff page: one query per kind of record."""
    by_model: dict = {}
    for proposal in proposals_:
        by_model.setdefault(proposal.content_type.model_class(), set()).add(proposal.object_id)
    names = {}
    for model, pks in by_model.items():
        names.update({(model, obj.pk): str(obj) for obj in model.objects.filter(pk__in=pks)})
    return [
        {
            "proposal": proposal,
            "name": names.get((proposal.content_type.model_class(), proposal.object_id), "—"),
            "url_name": detail_url_name(proposal),
            "kind": proposal.content_type.model_class()._meta.verbose_name,
        }
        for proposal in proposals_
    ]
