"""Saving promotion records from the staff forms: versions, slugs, history, who may change what.

Promotion records do not go through change proposals: an editor creates and edits drafts and
submits them; only an approver of the province (or a national admin) publishes, and only an
approver changes a record once it is published (their save is public at once, like a product
saved directly by an approver). Readings an editor adds wait for an approver; an approver's are
published at once.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from producers.models import PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.services import DIRECT_REASON, claim_version
from producers.slugs import unique_slugs
from promotion.models import Reading


def may_change(obj, *, user, province_id) -> bool:
    """Whether ``user`` may save changes to ``obj`` (a published one: approvers only)."""
    if not can_edit_province(user, province_id):
        return False
    return obj.status != PublicationStatus.PUBLISHED or can_approve(user, province_id)


@transaction.atomic
def save_record(*, form, user, expected_version: int | None, details=None):
    """Save a validated campaign, activity or support form (and an activity's details form).

    Raises StaleEditError when the record was saved by someone else since ``expected_version``
    and PermissionDenied when ``user`` may not change it.
    """
    obj = form.save(commit=False)
    model = type(obj)
    if not can_edit_province(user, obj.province_id):
        raise PermissionDenied
    if obj.pk is None:
        if hasattr(obj, "slug"):
            obj.slug = unique_slugs(model, [form.cleaned_data["title"]])[0]
        obj.status = PublicationStatus.DRAFT
    else:
        obj.version = claim_version(model=model, pk=obj.pk, expected_version=expected_version)
        if obj.status == PublicationStatus.PUBLISHED:
            if not can_approve(user, obj.province_id):
                raise PermissionDenied
            obj._change_reason = DIRECT_REASON
    obj._history_user = user
    obj.full_clean(validate_unique=False)
    obj.save()
    form.save_m2m()
    if details is not None:
        detail = details.save(commit=False)
        detail.activity = obj
        detail._history_user = user
        detail.full_clean()
        detail.save()
    return obj


@transaction.atomic
def save_readings(readings: list[Reading], *, user, province_id) -> list[Reading]:
    """Save the quick form's readings together: published when ``user`` approves, else waiting."""
    if not can_edit_province(user, province_id):
        raise PermissionDenied
    status = PublicationStatus.PUBLISHED if can_approve(user, province_id) else PublicationStatus.PENDING
    for reading in readings:
        reading.status = status
        reading.recorded_by = user
        reading._history_user = user
        reading.save()
    return readings


@transaction.atomic
def publish_readings(activity, ids: list[int], *, user) -> int:
    """Publish the waiting readings ``ids`` of ``activity`` (those the approver was shown)."""
    if not can_approve(user, activity.province_id):
        raise PermissionDenied
    waiting = activity.readings.select_for_update().filter(
        pk__in=ids, status__in=[PublicationStatus.DRAFT, PublicationStatus.PENDING]
    )
    count = 0
    for reading in waiting:
        reading.status = PublicationStatus.PUBLISHED
        reading.version += 1
        reading._history_user = user
        reading.save()
        count += 1
    return count
