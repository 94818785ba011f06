"""Writes on promotion data, for the staff screens, the admin and the demo: rules checked, all or nothing.

Every function is keyword-only, checks the user's right through ``producers.permissions``
(national campaigns and activities: national admins only), runs in one transaction and calls
``full_clean()`` before saving, so a form or an importer only has to show the errors raised.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from producers import permissions
from producers.models import PublicationStatus
from producers.services import StaleEditError, change_status, claim_version
from producers.slugs import unique_slugs
from promotion.models import Activity, Campaign, Livestream, Reading, Support, Video

__all__ = [
    "StaleEditError",
    "add_reading",
    "change_publication",
    "save_activity",
    "save_campaign",
    "save_support",
]


def _require_edit(user, province_id: int | None) -> None:
    """National rows (no province) are for national admins; province rows for that province's staff."""
    if province_id is None:
        if not permissions.is_national_admin(user):
            raise PermissionDenied
    elif not permissions.can_edit_province(user, province_id):
        raise PermissionDenied


def _require_status(user, province_id: int | None, status: str) -> None:
    """Only an approver (or a national admin) may save something straight as published."""
    if status == PublicationStatus.PUBLISHED and not (
        permissions.is_national_admin(user)
        or (province_id is not None and permissions.can_approve(user, province_id))
    ):
        raise PermissionDenied


def _save_versioned(obj, *, user, expected_version: int | None, slug_from: str | None = None):
    """Save ``obj`` (new: fresh slug; existing: claim ``expected_version``) after full_clean()."""
    if obj.pk is None:
        if slug_from is not None and not obj.slug:
            obj.slug = unique_slugs(type(obj), [slug_from])[0]
    elif expected_version is not None:
        obj.version = claim_version(model=type(obj), pk=obj.pk, expected_version=expected_version)
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def save_campaign(*, campaign: Campaign, user, expected_version: int | None = None) -> Campaign:
    """Create or update a campaign; refuses another province's (or a national one unless admin)."""
    if campaign.pk is not None:
        stored = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _require_edit(user, stored.province_id)
    _require_edit(user, campaign.province_id)
    _require_status(user, campaign.province_id, campaign.status)
    return _save_versioned(campaign, user=user, expected_version=expected_version, slug_from=campaign.title)


@transaction.atomic
def save_activity(
    *,
    activity: Activity,
    user,
    livestream: Livestream | None = None,
    video: Video | None = None,
    featured_products=None,
    featured_producers=None,
    expected_version: int | None = None,
) -> Activity:
    """Create or update an activity with its livestream or video details and featured links, together.

    The activity takes its campaign's province (``clean()``); the details must match its kind.
    """
    if activity.pk is not None:
        stored = Activity.objects.select_for_update().get(pk=activity.pk)
        _require_edit(user, stored.province_id)
    if activity.campaign_id is not None and activity.province_id is None:
        activity.province_id = activity.campaign.province_id
    _require_edit(user, activity.province_id)
    _require_status(user, activity.province_id, activity.status)
    _save_versioned(activity, user=user, expected_version=expected_version, slug_from=activity.title)
    for details in (livestream, video):
        if details is not None:
            details.activity = activity
            details._history_user = user
            details.full_clean()
            details.save()
    if featured_products is not None:
        activity.featured_products.set(featured_products)
    if featured_producers is not None:
        activity.featured_producers.set(featured_producers)
    return activity


@transaction.atomic
def add_reading(
    *,
    activity: Activity,
    measure: str,
    value: int,
    as_of: datetime.date,
    source_kind: str,
    source_url: str = "",
    source_text: str = "",
    user,
    status: str = PublicationStatus.PENDING,
) -> Reading:
    """Record one figure of ``activity`` ("views as of today"); raises ValidationError on bad input.

    The activity row is locked first, so two people recording reach and live viewers of the
    same day at once are checked against each other (live viewers never above the reach).
    """
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    _require_edit(user, locked.province_id)
    _require_status(user, locked.province_id, status)
    reading = Reading(
        activity=locked,
        measure=measure,
        value=value,
        as_of=as_of,
        source_kind=source_kind,
        source_url=source_url,
        source_text=source_text,
        status=status,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    reading._history_user = user
    reading.full_clean()
    reading.save()
    return reading


@transaction.atomic
def save_support(*, support: Support, user, expected_version: int | None = None) -> Support:
    """Create or update a record of support given."""
    if support.pk is not None:
        stored = Support.objects.select_for_update().get(pk=support.pk)
        _require_edit(user, stored.province_id)
    if support.campaign_id is not None and support.province_id is None:
        support.province_id = support.campaign.province_id
    _require_edit(user, support.province_id)
    _require_status(user, support.province_id, support.status)
    return _save_versioned(support, user=user, expected_version=expected_version)


def change_publication(*, obj, action: str, user, expected_version: int | None = None) -> None:
    """Submit, publish, return to draft or archive a campaign, activity, reading or support.

    The same table-driven transitions as producers and products (``producers.services``);
    national rows (no province) only by national admins.
    """
    province_id = obj.activity.province_id if isinstance(obj, Reading) else obj.province_id
    if province_id is None and not permissions.is_national_admin(user):
        raise PermissionDenied
    change_status(
        obj=obj, province_id=province_id, action=action, user=user, expected_version=expected_version
    )
