"""The staff forms' saves of promotion records, through promotion.services (rules, locks, history).

Promotion records do not go through change proposals: an editor creates and edits drafts and
submits them; only an approver of the province (or a national admin) publishes, and only an
approver changes a record once it is published (their save is public at once, like a product
saved directly by an approver). Figures an editor adds wait for an approver; an approver's are
published at once.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from producers.models import PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.services import DIRECT_REASON
from promotion import services
from promotion.models import Activity, Campaign, Reading, Support


def may_change(obj, *, user, province_id) -> bool:
    """Whether ``user`` may save changes to ``obj`` (a published one: approvers only)."""
    if not can_edit_province(user, province_id):
        return False
    return obj.status != PublicationStatus.PUBLISHED or can_approve(user, province_id)


def save_record(*, form, user, expected_version: int | None, details=None):
    """Save a validated campaign, activity or support form (and an activity's details form).

    Raises StaleEditError when the record was saved by someone else since ``expected_version``
    and PermissionDenied when ``user`` may not change it (a published record: approvers only).
    """
    obj = form.save(commit=False)
    if obj.pk is not None and obj.status == PublicationStatus.PUBLISHED:
        obj._change_reason = DIRECT_REASON
    if isinstance(obj, Campaign):
        return services.save_campaign(campaign=obj, user=user, expected_version=expected_version)
    if isinstance(obj, Support):
        return services.save_support(support=obj, user=user, expected_version=expected_version)
    detail = details.save(commit=False) if details is not None else None
    return services.save_activity(
        activity=obj,
        user=user,
        livestream=detail if obj.kind == Activity.Kind.LIVESTREAM else None,
        video=detail if obj.kind == Activity.Kind.VIDEO else None,
        featured_products=form.cleaned_data["featured_products"],
        featured_producers=form.cleaned_data["featured_producers"],
        expected_version=expected_version,
    )


@transaction.atomic
def save_readings(readings: list[Reading], *, user, province_id) -> list[Reading]:
    """Save the quick form's figures together: published when ``user`` approves, else waiting."""
    return [add_checked_reading(r, user=user, province_id=province_id) for r in readings]


def add_checked_reading(reading: Reading, *, user, province_id) -> Reading:
    """Save one checked, unsaved figure: published when ``user`` approves in the province, else waiting."""
    approver = can_approve(user, province_id)  # for a national activity (None): national admins
    return services.add_reading(
        activity=reading.activity,
        measure=reading.measure,
        value=reading.value,
        as_of=reading.as_of,
        source_kind=reading.source_kind,
        source_url=reading.source_url,
        source_text=reading.source_text,
        user=user,
        status=PublicationStatus.PUBLISHED if approver else PublicationStatus.PENDING,
    )


@transaction.atomic
def publish_readings(activity, ids: list[int], *, user) -> int:
    """Publish the waiting figures ``ids`` of ``activity`` (those the approver was shown)."""
    if not can_approve(user, activity.province_id):
        raise PermissionDenied
    waiting = activity.readings.filter(
        pk__in=ids, status__in=[PublicationStatus.DRAFT, PublicationStatus.PENDING]
    )
    count = 0
    for reading in waiting:
        services.change_publication(obj=reading, action="publish", user=user)
        count += 1
    return count
