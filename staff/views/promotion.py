"""Staff pages for promotion campaigns: list, create, edit, detail with history, publication, support."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView

from producers.services import TRANSITIONS, StaleEditError
from promotion.models import Campaign, Support
from staff import history
from staff.access import StaffRequiredMixin, staff_required
from staff.messages import STALE_EDIT
from staff.promotion_forms import CampaignForm, SupportForm
from staff.promotion_saves import may_change, save_record
from staff.views.publication import action_buttons, apply_status_action

PUBLISHED_NEEDS_APPROVER = gettext_lazy(
    "This record is published: only an approver of its province can change it. Ask an approver, "
    "who can also return it to draft."
)


class CampaignListView(StaffRequiredMixin, ListView):
    template_name = "staff/promotion/campaign_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Campaign.objects.editable_by(self.request.user).select_related("province").newest_first()


def save_form_page(request, *, form, obj, details=None) -> tuple[object | None, bool]:
    """Validate and save a promotion form posted by ``request``: (the saved record or None, stale)."""
    forms_valid = form.is_valid() and (details is None or details.is_valid())
    if not forms_valid:
        messages.error(request, _("Please correct the errors below. Nothing was saved."))
        return None, False
    try:
        saved = save_record(
            form=form,
            user=request.user,
            expected_version=form.expected_version() if obj is not None else None,
            details=details,
        )
    except StaleEditError:
        messages.error(request, STALE_EDIT)
        return None, True
    except PermissionDenied:
        messages.error(request, PUBLISHED_NEEDS_APPROVER)
        return None, False
    except (IntegrityError, ValidationError):  # a simultaneous save took the same slug or day
        messages.error(request, _("The record conflicts with another one. Nothing was saved."))
        return None, False
    messages.success(request, _("Saved.") if obj else _("Saved as a draft."))
    return saved, False


def _campaign_form_page(request, campaign: Campaign | None):
    locked = campaign is not None and not may_change(
        campaign, user=request.user, province_id=campaign.province_id
    )
    data = request.POST if request.method == "POST" else None
    form = CampaignForm(data, instance=campaign, user=request.user)
    stale = False
    if request.method == "POST" and not locked:
        saved, stale = save_form_page(request, form=form, obj=campaign)
        if saved is not None:
            return redirect("staff:campaign_detail", pk=saved.pk)
    return render(
        request,
        "staff/promotion/campaign_form.html",
        {"form": form, "campaign": campaign, "stale": stale, "locked": locked and PUBLISHED_NEEDS_APPROVER},
    )


@staff_required
def campaign_create(request):
    return _campaign_form_page(request, None)


@staff_required
def campaign_edit(request, pk):
    return _campaign_form_page(request, get_object_or_404(Campaign.objects.editable_by(request.user), pk=pk))


@require_safe
@staff_required
def campaign_detail(request, pk):
    campaign = get_object_or_404(Campaign.objects.editable_by(request.user).select_related("province"), pk=pk)
    supports = list(campaign.supports.all())
    for support in supports:
        support.actions = action_buttons(support, province_id=support.province_id, user=request.user)
    records = list(campaign.history.select_related("history_user")[: history.LIMIT])
    records += list(
        Support.history.filter(campaign_id=campaign.pk)
        .select_related("history_user")
        .order_by("-history_date")[: history.LIMIT]
    )
    return render(
        request,
        "staff/promotion/campaign_detail.html",
        {
            "campaign": campaign,
            "activities": campaign.activities.select_related("livestream", "video").order_by("date", "pk"),
            "supports": supports,
            "history": history.entries(records, subject=_subject)[: history.LIMIT],
            "actions": action_buttons(campaign, province_id=campaign.province_id, user=request.user),
            "may_change": may_change(campaign, user=request.user, province_id=campaign.province_id),
        },
    )


def _subject(record) -> str:
    if record.instance_type is Support:
        return _("Support to %(recipient)s") % {"recipient": record.recipient}
    return ""


@require_POST
@staff_required
def campaign_status(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    campaign = get_object_or_404(Campaign.objects.editable_by(request.user), pk=pk)
    apply_status_action(request, obj=campaign, province_id=campaign.province_id, action=action)
    return redirect("staff:campaign_detail", pk=campaign.pk)


@staff_required
def support_create(request, pk):
    """Support given within the campaign: a draft, published by an approver with the campaign's tools."""
    campaign = get_object_or_404(Campaign.objects.editable_by(request.user), pk=pk)
    support = Support(campaign=campaign, province=campaign.province)
    form = SupportForm(request.POST if request.method == "POST" else None, instance=support)
    if request.method == "POST":
        saved, _stale = save_form_page(request, form=form, obj=None)
        if saved is not None:
            return redirect("staff:campaign_detail", pk=campaign.pk)
    return render(request, "staff/promotion/support_form.html", {"form": form, "campaign": campaign})


@require_POST
@staff_required
def support_status(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    support = get_object_or_404(Support.objects.editable_by(request.user), pk=pk)
    apply_status_action(request, obj=support, province_id=support.province_id, action=action)
    return (
        redirect("staff:campaign_detail", pk=support.campaign_id)
        if support.campaign_id
        else redirect("staff:campaign_list")
    )
