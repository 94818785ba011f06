"""Proposing, approving, rejecting and withdrawing changes; the registry of per-model handlers."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from producers.models import ChangeProposal, ProposalStatus, PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.proposals.states import Diff
from producers.services import StaleEditError, claim_version

# The history's change reason of an approved proposal starts with this, then the proposal's id.
APPROVAL_REASON_PREFIX = "proposal "
REASON_LENGTH = 100  # django-simple-history's history_change_reason column


class ProposalClosedError(Exception):
    """The proposal was approved, rejected, withdrawn or replaced already."""


# Handlers ---------------------------------------------------------------------------------------


class ProposalHandler:
    """What the proposal mechanism needs to know about one model. Subclass and ``register()``."""

    model: type[models.Model]

    def province_id(self, obj) -> int | None:
        return obj.province_id

    def lock(self, pk: int):
        """The live row, locked for the rest of the transaction."""
        return self.model.objects.select_for_update().get(pk=pk)

    def lock_many(self, pks: list[int]) -> dict:
        """The live rows ``pks`` by primary key, locked, with what ``snapshot`` reads loaded."""
        return {obj.pk: obj for obj in self.model.objects.select_for_update().filter(pk__in=pks)}

    def snapshot(self, obj) -> dict:
        """The live state of ``obj`` (its children included) in the payload's format."""
        raise NotImplementedError

    def apply(self, obj, payload: dict, *, user, reason: str) -> None:
        """Write ``payload`` into the live ``obj`` and its children, through the model rules."""
        raise NotImplementedError

    def diff(self, old: dict, new: dict) -> Diff:
        """What differs from state ``old`` to state ``new``, in words."""
        raise NotImplementedError

    def differs(self, old: dict, new: dict) -> bool:
        """Does state ``new`` change anything of state ``old``? (No query needed to say so.)"""
        return old != new

    def staged_files(self, payload: dict) -> set[str]:
        """Files stored for the proposal alone (new photos), deleted if it is not approved."""
        return set()


_HANDLERS: dict[str, ProposalHandler] = {}


def register(handler: ProposalHandler) -> None:
    _HANDLERS[handler.model._meta.label_lower] = handler


def handler_for(model_or_content_type) -> ProposalHandler:
    if isinstance(model_or_content_type, ContentType):
        label = f"{model_or_content_type.app_label}.{model_or_content_type.model}"
    else:
        label = model_or_content_type._meta.label_lower
    return _HANDLERS[label]


# Reading ----------------------------------------------------------------------------------------


def needs_approval(*, obj, province_id: int | None, user) -> bool:
    """Does ``user``'s save of ``obj`` wait for an approver? Published, and not theirs to approve."""
    return (
        obj.pk is not None
        and obj.status == PublicationStatus.PUBLISHED
        and not can_approve(user, province_id)
    )


def pending_for(obj) -> ChangeProposal | None:
    """The pending proposal of ``obj`` (there is at most one), or None."""
    return ChangeProposal.objects.pending().for_object(obj).select_related("proposed_by").first()


def approval_reason(proposal: ChangeProposal, approver) -> str:
    """The history's change reason of an approved change: who proposed it, when, and who approved."""
    when = timezone.localtime(proposal.proposed_at).strftime("%Y-%m-%d %H:%M")
    text = (
        f"{APPROVAL_REASON_PREFIX}{proposal.pk}: proposed by {proposal.proposed_by.get_username()} "
        f"on {when}, approved by {approver.get_username()}"
    )
    return text[:REASON_LENGTH]


def proposal_id_of(reason: str | None) -> int | None:
    """The proposal id an approval's change reason names, or None."""
    if not reason or not reason.startswith(APPROVAL_REASON_PREFIX):
        return None
    number = reason[len(APPROVAL_REASON_PREFIX) :].split(":", 1)[0]
    return int(number) if number.isdecimal() else None


def _delete_files_on_commit(names) -> None:
    for name in sorted(names):
        transaction.on_commit(partial(default_storage.delete, name))


# Writing ----------------------------------------------------------------------------------------


def _close(proposal: ChangeProposal, *, status: str, user, note: str = "", keep_files: bool = False) -> None:
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.note = note[:1000]
    proposal.full_clean()
    proposal.save()
    if not keep_files:
        _delete_files_on_commit(handler_for(proposal.content_type).staged_files(proposal.payload))


def _lock_pending(live) -> ChangeProposal | None:
    return (
        ChangeProposal.objects.select_for_update()
        .pending()
        .for_object(live)
        .select_related("proposed_by", "content_type")
        .first()
    )


@transaction.atomic
def propose(
    *,
    obj,
    user,
    change: Callable[[dict], dict],
    expected_version: int | None = None,
    proposal_version: int | None = None,
    continue_any: bool = False,
) -> ChangeProposal | None:
    """Store ``change(state)`` as the pending proposal of ``obj``; the live rows are not written.

    ``state`` is the pending proposal's payload when it is continued, else the live snapshot.
    A form continues the proposal it showed (``proposal_version``) or starts one from the live
    version it showed (``expected_version``); anything else in between is a StaleEditError. An
    import (``continue_any``) extends whatever proposal is pending. A proposal made from an
    older version than the live one is replaced. Returns the proposal, or None when nothing
    differs from the live record (a continued proposal is then withdrawn).
    """
    handler = handler_for(type(obj))
    live = handler.lock(obj.pk)
    province_id = handler.province_id(live)
    if not can_edit_province(user, province_id):
        raise PermissionDenied
    if expected_version is not None and live.version != expected_version:
        raise StaleEditError
    current = _lock_pending(live)
    continuing = current is not None and not current.is_outdated(live.version)
    if continuing and not continue_any and proposal_version != current.version:
        raise StaleEditError
    if not continuing and proposal_version is not None:
        raise StaleEditError  # the proposal the form showed was decided or outdated meanwhile
    snapshot = handler.snapshot(live)
    payload = change(current.payload if continuing else snapshot)
    if not handler.differs(snapshot, payload):
        if continuing:
            _close(current, status=ProposalStatus.WITHDRAWN, user=user, note=_("Every change was undone."))
        _delete_files_on_commit(handler.staged_files(payload))
        return None
    if continuing:
        if payload == current.payload:
            return current
        _delete_files_on_commit(handler.staged_files(current.payload) - handler.staged_files(payload))
        current.payload = payload
        current.version += 1
        current.proposed_by = user
        current.proposed_at = timezone.now()
        current.full_clean()
        current.save()
        return current
    if current is not None:
        _close(current, status=ProposalStatus.SUPERSEDED, user=user)
    proposal = _new_proposal(live, province_id=province_id, payload=payload, user=user)
    proposal.full_clean(validate_constraints=False)  # the one-pending rule is the database's
    proposal.save()
    return proposal


def _new_proposal(live, *, province_id: int | None, payload: dict, user) -> ChangeProposal:
    return ChangeProposal(
        content_type=ContentType.objects.get_for_model(type(live)),
        object_id=live.pk,
        province_id=province_id,
        payload=payload,
        base_version=live.version,
        proposed_by=user,
    )


@transaction.atomic
def propose_many(*, model, changes: dict[int, Callable[[dict], dict]], user) -> list[ChangeProposal]:
    """``propose`` for many records of ``model`` at once, extending what is pending (an import).

    ``changes`` maps a record's primary key to its ``change``. A fixed number of queries for
    the whole batch, plus one or two for each outdated proposal it replaces.
    """
    handler = handler_for(model)
    lives = handler.lock_many(list(changes))
    if set(lives) != set(changes):
        raise StaleEditError  # a record was deleted meanwhile
    for live in lives.values():
        if not can_edit_province(user, handler.province_id(live)):
            raise PermissionDenied
    pending = {
        p.object_id: p
        for p in ChangeProposal.objects.select_for_update()
        .pending()
        .for_model(model)
        .filter(object_id__in=list(changes))
        .select_related("content_type")
    }
    created, updated, now = [], [], timezone.now()
    for pk, change in changes.items():
        live, current = lives[pk], pending.get(pk)
        continuing = current is not None and not current.is_outdated(live.version)
        snapshot = handler.snapshot(live)
        payload = change(current.payload if continuing else snapshot)
        if not handler.differs(snapshot, payload) or (continuing and payload == current.payload):
            continue
        if continuing:
            _delete_files_on_commit(handler.staged_files(current.payload) - handler.staged_files(payload))
            current.payload, current.version = payload, current.version + 1
            current.proposed_by, current.proposed_at = user, now
            updated.append(current)
            continue
        if current is not None:
            _close(current, status=ProposalStatus.SUPERSEDED, user=user)
        created.append(_new_proposal(live, province_id=handler.province_id(live), payload=payload, user=user))
    for proposal in created + updated:
        # The relations were set from rows just read; the one-pending rule is the database's.
        proposal.full_clean(exclude=["content_type", "province", "proposed_by"], validate_constraints=False)
    ChangeProposal.objects.bulk_create(created, batch_size=500)
    ChangeProposal.objects.bulk_update(
        updated, ["payload", "version", "proposed_by", "proposed_at"], batch_size=500
    )
    return created + updated


def _lock_proposal(proposal: ChangeProposal, *, expected_version: int | None) -> ChangeProposal:
    locked = (
        ChangeProposal.objects.select_for_update()
        .select_related("content_type", "proposed_by")
        .get(pk=proposal.pk)
    )
    if not locked.is_pending:
        raise ProposalClosedError
    if expected_version is not None and locked.version != expected_version:
        raise StaleEditError
    return locked


@transaction.atomic
def approve(*, proposal: ChangeProposal, user, expected_version: int | None = None, note: str = ""):
    """Apply the proposal to the live record; returns the record.

    PermissionDenied unless ``user`` approves in the proposal's province; ProposalClosedError if
    it was decided already; StaleEditError if the proposal changed since ``expected_version`` or
    the record changed since the proposal was made (then nothing is written). Model rules raise
    ValidationError or IntegrityError, and nothing is written either.
    """
    if not can_approve(user, proposal.province_id):
        raise PermissionDenied
    locked = _lock_proposal(proposal, expected_version=expected_version)
    handler = handler_for(locked.content_type)
    live = handler.lock(locked.object_id)
    live.version = claim_version(model=handler.model, pk=live.pk, expected_version=locked.base_version)
    handler.apply(live, locked.payload, user=user, reason=approval_reason(locked, user))
    _close(locked, status=ProposalStatus.APPROVED, user=user, note=note, keep_files=True)
    proposal.status = locked.status
    return live


@transaction.atomic
def reject(*, proposal: ChangeProposal, user, expected_version: int | None = None, note: str = "") -> None:
    """Close the proposal unapplied (approvers only); its staged files go once this commits."""
    if not can_approve(user, proposal.province_id):
        raise PermissionDenied
    locked = _lock_proposal(proposal, expected_version=expected_version)
    _close(locked, status=ProposalStatus.REJECTED, user=user, note=note)
    proposal.status = locked.status


@transaction.atomic
def withdraw(*, proposal: ChangeProposal, user, expected_version: int | None = None) -> None:
    """Close the proposal unapplied, by any staff member of its province (the editors' undo)."""
    if not can_edit_province(user, proposal.province_id):
        raise PermissionDenied
    locked = _lock_proposal(proposal, expected_version=expected_version)
    _close(locked, status=ProposalStatus.WITHDRAWN, user=user)
    proposal.status = locked.status


def withdraw_for_deleted(model, pks: list[int], *, user) -> None:
    """Close the pending proposals of deleted records (their staged files go on commit)."""
    for proposal in ChangeProposal.objects.pending().for_model(model).filter(object_id__in=pks):
        _close(proposal, status=ProposalStatus.WITHDRAWN, user=user, note=_("The record was deleted."))
