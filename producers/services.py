"""Writes with side effects on producers, and the rules shared with products: versions and status.

Services raise exceptions (PermissionDenied, StaleEditError, TransitionError); what to tell the
user is the caller's business (staff.messages).
"""

from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from producers.models import Producer, PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.slugs import unique_slugs

# The history's change reason of a published record saved directly by an approver (their saves
# do not wait for approval: they are the approvers; see producers.proposals).
DIRECT_REASON = "saved directly by an approver"


class StaleEditError(Exception):
    """Somebody else saved the object after the form was opened."""


class TransitionError(Exception):
    """The status change does not apply to the object's current status."""


# action -> (statuses it starts from, status it leads to, needs an approver)
TRANSITIONS: dict[str, tuple[frozenset[str], str, bool]] = {
    "submit": (frozenset({PublicationStatus.DRAFT}), PublicationStatus.PENDING, False),
    "publish": (
        frozenset({PublicationStatus.DRAFT, PublicationStatus.PENDING}),
        PublicationStatus.PUBLISHED,
        True,
    ),
    "unpublish": (
        frozenset({PublicationStatus.PUBLISHED, PublicationStatus.PENDING, PublicationStatus.ARCHIVED}),
        PublicationStatus.DRAFT,
        True,
    ),
    "archive": (
        frozenset({PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.PUBLISHED}),
        PublicationStatus.ARCHIVED,
        True,
    ),
}


def claim_version(*, model: type[models.Model], pk: int, expected_version: int) -> int:
    """Move the row from ``expected_version`` to the next one, or raise StaleEditError.

    Must run inside the saving transaction: the UPDATE locks the row, so of two concurrent
    saves from the same version exactly one succeeds.
    """
    updated = model.objects.filter(pk=pk, version=expected_version).update(version=models.F("version") + 1)
    if not updated:
        raise StaleEditError
    return expected_version + 1


def allowed_actions(*, obj, province_id: int, user) -> list[str]:
    """The status changes ``user`` may apply to ``obj`` now, in display order."""
    if not can_edit_province(user, province_id):
        return []
    approver = can_approve(user, province_id)
    return [
        action
        for action, (sources, _target, needs_approver) in TRANSITIONS.items()
        if obj.status in sources and (approver or not needs_approver)
    ]


def posted_version(value: str | None) -> int | None:
    """The version a page was showing, from a POST value; None when absent or not a number."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdecimal() and len(value) < 10 else None


@transaction.atomic
def change_status(*, obj, province_id: int, action: str, user, expected_version: int | None = None) -> None:
    """Apply a publication action to a producer or product, recording who did it.

    Raises PermissionDenied when ``user`` may not take the action in this province,
    StaleEditError when ``expected_version`` is given and the object was saved since (so an
    approver never publishes changes they have not seen), and TransitionError when the
    action does not apply to the current status.
    """
    sources, target, needs_approver = TRANSITIONS[action]
    if not can_edit_province(user, province_id) or (needs_approver and not can_approve(user, province_id)):
        raise PermissionDenied
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEditError
    if locked.status not in sources:
        raise TransitionError
    locked.status = target
    locked.version += 1
    locked._history_user = user
    locked.full_clean()
    locked.save()
    obj.status, obj.version = locked.status, locked.version


def save_versioned_form(*, form, user, expected_version: int | None, province_id: int | None = None):
    """Save a validated ModelForm's object: a fresh slug when new, else claim its version.

    Raises StaleEditError if the object was saved by someone else since ``expected_version``,
    and PermissionDenied if it is published and ``user`` does not approve in ``province_id``
    (an editor's change of a published record is a proposal: producers.proposals).
    Call inside a transaction.
    """
    obj = form.save(commit=False)
    model = type(obj)
    if obj.pk is None:
        obj.slug = unique_slugs(model, [form.cleaned_data["name"]])[0]
    else:
        obj.version = claim_version(model=model, pk=obj.pk, expected_version=expected_version)
        # The status is the one the form was opened with: the claimed version proves it unchanged.
        if obj.status == PublicationStatus.PUBLISHED:
            if not can_approve(user, province_id):
                raise PermissionDenied
            obj._change_reason = DIRECT_REASON
    obj._history_user = user
    # The slug's uniqueness is left to the database: a simultaneous save that took the same
    # slug then raises IntegrityError, which the view turns into a message, not a 500.
    obj.full_clean(validate_unique=False)
    obj.save()
    form.save_m2m()
    return obj


@transaction.atomic
def save_producer(*, form, user, expected_version: int | None) -> Producer:
    """Save a validated producer form; refuse with StaleEditError if it changed meanwhile."""
    province_id = form.instance.province_id if form.instance.pk else None
    return save_versioned_form(
        form=form, user=user, expected_version=expected_version, province_id=province_id
    )
