"""Staff pages for promotion activities: create, edit, detail with readings and history, quick readings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView

from producers.models import PublicationStatus
from producers.permissions import can_approve
from producers.services import TRANSITIONS
from promotion.models import Activity, Livestream, Reading, Video
from staff import history
from staff.access import StaffRequiredMixin, staff_required
from staff.promotion_forms import DETAIL_FORMS, ActivityForm, QuickReadingForm
from staff.promotion_saves import may_change, publish_readings, save_readings
from staff.views.promotion import PUBLISHED_NEEDS_APPROVER, save_form_page
from staff.views.publication import action_buttons, apply_status_action


def _activities(user):
    return Activity.objects.editable_by(user).for_listing()


class ActivityListView(StaffRequiredMixin, ListView):
    template_name = "staff/promotion/activity_list.html"
    paginate_by = 25

    def get_queryset(self):
        return _activities(self.request.user).order_by("-date", "-pk")


def _details_form(request, activity: Activity | None, kind: str | None):
    """The livestream or video details form of the activity's kind (None for other kinds)."""
    form_class = DETAIL_FORMS.get(kind)
    if form_class is None:
        return None
    instance = getattr(activity, form_class._meta.model.__name__.lower(), None) if activity else None
    data = request.POST if request.method == "POST" else None
    return form_class(data, instance=instance, prefix="details")


def _activity_form_page(request, activity: Activity | None):
    locked = activity is not None and not may_change(
        activity, user=request.user, province_id=activity.province_id
    )
    initial = {}
    if activity is None and request.GET.get("campaign", "").isdigit():
        initial["campaign"] = int(request.GET["campaign"])  # only offered if in the user's choices
    if activity is None and request.GET.get("kind") in Activity.Kind.values:
        initial["kind"] = request.GET["kind"]
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity, user=request.user, initial=initial)
    kind = activity.kind if activity else (request.POST.get("kind") or initial.get("kind"))
    details = _details_form(request, activity, kind)
    stale = False
    if request.method == "POST" and not locked:
        saved, stale = save_form_page(request, form=form, obj=activity, details=details)
        if saved is not None:
            return redirect("staff:activity_detail", pk=saved.pk)
    return render(
        request,
        "staff/promotion/activity_form.html",
        {
            "form": form,
            "details": details,
            "activity": activity,
            "stale": stale,
            "locked": locked and PUBLISHED_NEEDS_APPROVER,
            "detail_kinds": [Activity.Kind.LIVESTREAM, Activity.Kind.VIDEO],
        },
    )


@staff_required
def activity_create(request):
    return _activity_form_page(request, None)


@staff_required
def activity_edit(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    return _activity_form_page(request, activity)


def _history(activity: Activity) -> list[history.Entry]:
    records = list(activity.history.select_related("history_user")[: history.LIMIT])
    for model in (Livestream, Video, Reading):
        records += list(
            model.history.filter(activity_id=activity.pk)
            .select_related("history_user")
            .order_by("-history_date")[: history.LIMIT]
        )
    return history.entries(records, subject=_subject)[: history.LIMIT]


def _subject(record) -> str:
    if record.instance_type is Reading:
        return _("Figure: %(measure)s as of %(date)s") % {
            "measure": Reading(measure=record.measure).get_measure_display(),
            "date": record.as_of.strftime("%d/%m/%Y"),
        }
    if record.instance_type in (Livestream, Video):
        return str(record.instance_type._meta.verbose_name).capitalize()
    return ""


@require_safe
@staff_required
def activity_detail(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    readings = list(activity.readings.select_related("recorded_by").in_display_order())
    approver = can_approve(request.user, activity.province_id)
    waiting = [r for r in readings if r.status != PublicationStatus.PUBLISHED] if approver else []
    for reading in readings:
        reading.archivable = approver and reading.status != PublicationStatus.ARCHIVED
    return render(
        request,
        "staff/promotion/activity_detail.html",
        {
            "activity": activity,
            "readings": readings,
            "waiting": waiting,
            "featured_products": activity.featured_products.all(),
            "featured_producers": activity.featured_producers.all(),
            "history": _history(activity),
            "actions": action_buttons(activity, province_id=activity.province_id, user=request.user),
            "may_change": may_change(activity, user=request.user, province_id=activity.province_id),
        },
    )


@require_POST
@staff_required
def activity_status(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    activity = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    apply_status_action(request, obj=activity, province_id=activity.province_id, action=action)
    return redirect("staff:activity_detail", pk=activity.pk)


@staff_required
def reading_create(request, pk):
    """The quick phone form: today's figures of a video or livestream, one field per measure."""
    activity = get_object_or_404(_activities(request.user), pk=pk)
    form = QuickReadingForm(request.POST if request.method == "POST" else None, activity=activity)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save_readings(form.readings, user=request.user, province_id=activity.province_id)
            except (IntegrityError, ValidationError):  # another figure of that day, saved meanwhile
                messages.error(request, _("A figure of this day was just saved. Nothing was saved."))
            else:
                waiting = saved[0].status != PublicationStatus.PUBLISHED
                messages.success(
                    request,
                    _("%(n)s figures were saved and wait for an approver.") % {"n": len(saved)}
                    if waiting
                    else _("%(n)s figures were saved and published.") % {"n": len(saved)},
                )
                return redirect("staff:activity_detail", pk=activity.pk)
        else:
            messages.error(request, _("Please correct the errors below. Nothing was saved."))
    return render(request, "staff/promotion/reading_form.html", {"form": form, "activity": activity})


@require_POST
@staff_required
def reading_publish(request, pk):
    """An approver publishes the waiting figures the activity page showed them."""
    activity = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    ids = [int(v) for v in request.POST.getlist("reading") if v.isascii() and v.isdecimal() and len(v) < 12]
    count = publish_readings(activity, ids, user=request.user)  # PermissionDenied: 403
    messages.success(request, _("%(n)s figures were published.") % {"n": count})
    return redirect("staff:activity_detail", pk=activity.pk)


@require_POST
@staff_required
def reading_status(request, pk, action):
    """An approver archives a wrong figure (or returns it to draft); the history keeps it."""
    if action not in TRANSITIONS:
        raise Http404
    reading = get_object_or_404(Reading.objects.editable_by(request.user).select_related("activity"), pk=pk)
    apply_status_action(request, obj=reading, province_id=reading.activity.province_id, action=action)
    return redirect("staff:activity_detail", pk=reading.activity_id)
