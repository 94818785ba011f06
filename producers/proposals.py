"""Changes to published records wait for an approver: propose, approve, reject, withdraw.

An editor's save of a PUBLISHED record does not write the live row: it stores a
``ChangeProposal`` holding the whole proposed state (the record and its children) as JSON. The
live rows stay the approved version, so public pages need no change. An approver's approval
applies the state through the model rules (``full_clean`` before ``save``), after claiming the
version the proposal was based on: if the record changed meanwhile, the approval is refused as
stale and nothing is written. Approvers and national admins save published records directly.

The mechanism is generic. Each domain app registers a ``ProposalHandler`` for its model (how to
snapshot the live state, apply a state, list the differences, and which staged files a state
holds): the producer's is below, the product's in ``products.proposals``.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from producers.models import ChangeProposal, Producer, ProposalStatus, PublicationStatus
from producers.permissions import can_approve, can_edit_province
from producers.services import DIRECT_REASON, StaleEditError, claim_version

__all__ = [
    "DIRECT_REASON",
    "ProposalClosedError",
    "StaleEditError",
    "approve",
    "propose",
    "reject",
    "withdraw",
]

# The history's change reason of an approved proposal starts with this, then the proposal's id.
APPROVAL_REASON_PREFIX = "proposal "
REASON_LENGTH = 100  # django-simple-history's history_change_reason column


class ProposalClosedError(Exception):
    """The proposal was approved, rejected, withdrawn or replaced already."""


# Differences, for people -----------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ChildChange:
    """A child record (a certificate, a photo, a link) the proposal adds, changes or removes."""

    kind: str  # "added", "changed" or "removed"
    group: str
    title: str
    changes: list[FieldChange] = field(default_factory=list)
    image: dict | None = None  # {"url", "width", "height"} of a photo


@dataclass
class Diff:
    fields: list[FieldChange] = field(default_factory=list)
    children: list[ChildChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.children)


# Values as JSON ---------------------------------------------------------------------------------


def to_json(model_field: models.Field, value):
    """A form's or a model's value of ``model_field`` as JSON (relations by primary key)."""
    if model_field.many_to_many:
        return sorted(getattr(item, "pk", item) for item in (value or []))
    if model_field.is_relation:
        return getattr(value, "pk", value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        if isinstance(model_field, models.DecimalField):  # 78.5 from a form is 78.50 stored
            value = value.quantize(decimal.Decimal(1).scaleb(-model_field.decimal_places))
        return str(value)
    return value


def from_json(model_field: models.Field, value):
    """The Python value of ``model_field`` stored as ``value`` by ``to_json``."""
    if value is None:
        return None
    if model_field.is_relation:
        return model_field.target_field.to_python(value) if not model_field.many_to_many else value
    return model_field.to_python(value)


def read_fields(obj: models.Model, names: list[str]) -> dict:
    """The JSON state of ``obj``'s fields ``names`` (many-to-many ones use any prefetched rows)."""
    state = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            state[name] = to_json(model_field, getattr(obj, name).all())
        else:
            state[name] = to_json(model_field, getattr(obj, model_field.attname))
    return state


def write_fields(obj: models.Model, state: dict, names: list[str]) -> None:
    """Set ``obj``'s concrete fields ``names`` from a JSON state (many-to-many are the caller's)."""
    for name in names:
        model_field = obj._meta.get_field(name)
        if not model_field.many_to_many and name in state:
            setattr(obj, model_field.attname, from_json(model_field, state[name]))


def display(model_field: models.Field, value, labels: dict | None = None) -> str:
    """A JSON value of ``model_field`` in words: choices' labels, dates d/m/Y, relations by name."""
    if value is None or value == "" or value == []:
        return "—"
    if model_field.is_relation:
        labels = labels or {}
        values = value if model_field.many_to_many else [value]
        return ", ".join(str(labels.get((model_field.related_model, v), v)) for v in values)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(from_json(model_field, value), value))
    python = from_json(model_field, value)
    if isinstance(python, bool):
        return _("Yes") if python else _("No")
    if isinstance(python, datetime.date):
        return formats.date_format(python, "d/m/Y")
    return str(python)


def relation_labels(model, names: list[str], states: list[dict]) -> dict:
    """{(related model, pk): name} for the relations ``names`` take in ``states``: a query each."""
    wanted: dict = {}
    for name in names:
        model_field = model._meta.get_field(name)
        for state in states:
            value = state.get(name)
            values = value if model_field.many_to_many else [value]
            wanted.setdefault(model_field.related_model, set()).update(v for v in values or [] if v)
    labels = {}
    for related, pks in wanted.items():
        if pks:
            labels.update(
                {(related, obj.pk): str(obj) for obj in related._default_manager.filter(pk__in=pks)}
            )
    return labels


def field_changes(model, names: list[str], old: dict, new: dict) -> list[FieldChange]:
    """The fields among ``names`` whose value differs between the states ``old`` and ``new``."""
    changed = [name for name in names if old.get(name) != new.get(name)]
    relations = [name for name in changed if model._meta.get_field(name).is_relation]
    labels = relation_labels(model, relations, [old, new]) if relations else {}
    result = []
    for name in changed:
        model_field = model._meta.get_field(name)
        result.append(
            FieldChange(
                str(model_field.verbose_name).capitalize(),
                display(model_field, old.get(name), labels),
                display(model_field, new.get(name), labels),
            )
        )
    return result


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


# Producers --------------------------------------------------------------------------------------

# What the staff producer form edits, and a proposal carries.
PRODUCER_FIELDS = [
    "name",
    "kind",
    "province",
    "ward",
    "street_address",
    "former_address",
    "phone",
    "zalo",
    "email",
    "website",
    "description",
    "year_founded",
    "youth_led",
    "youth_union_supported",
    "women_led",
    "ethnic_minority",
]


class ProducerProposals(ProposalHandler):
    model = Producer

    def snapshot(self, obj) -> dict:
        return {"fields": read_fields(obj, PRODUCER_FIELDS)}

    def apply(self, obj, payload: dict, *, user, reason: str) -> None:
        write_fields(obj, payload["fields"], PRODUCER_FIELDS)
        obj._history_user = user
        obj._change_reason = reason
        obj.full_clean(validate_unique=False)
        obj.save()

    def diff(self, old: dict, new: dict) -> Diff:
        return Diff(fields=field_changes(Producer, PRODUCER_FIELDS, old["fields"], new["fields"]))


def form_state(form, names: list[str]) -> dict:
    """A validated ModelForm's values of ``names`` as a JSON state."""
    model = form._meta.model
    return {name: to_json(model._meta.get_field(name), form.cleaned_data.get(name)) for name in names}


def propose_producer(*, form, user, expected_version: int | None, proposal_version: int | None):
    """Store a validated producer form of a published producer as its proposal (see ``propose``)."""
    return propose(
        obj=form.instance,
        user=user,
        change=lambda state: {"fields": form_state(form, PRODUCER_FIELDS)},
        expected_version=expected_version,
        proposal_version=proposal_version,
    )
