"""Readable change history from django-simple-history records, without a query per entry."""

from dataclasses import dataclass, field
from itertools import groupby

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from producers.models import ChangeProposal
from producers.proposals import DIRECT_REASON, proposal_id_of

# A photo's renditions and sizes follow its image: the image's change says it all.
HIDDEN_FIELDS = {
    "id",
    "search_text",
    "version",
    "created_at",
    "updated_at",
    "slug",
    "width",
    "height",
    "card_image",
    "card_width",
    "card_height",
}
# Entries a page shows at most, so that a long history never slows it down.
LIMIT = 30


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str  # "+", "~" or "-"
    subject: str
    changes: list[Change] = field(default_factory=list)
    # How the change came about, in words: an approved proposal, an approver's direct save…
    note: str = ""


def _display(record, model_field) -> str:
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        # Only changed relations get here (a producer moved, a new category): rare, and the
        # history shown is capped, so these lookups stay bounded.
        try:
            return str(getattr(record, model_field.name))
        except model_field.related_model.DoesNotExist:
            return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    return str(value)


def entries(records, *, subject=lambda record: "") -> list[Entry]:
    """Turn history records (any order, several objects mixed) into entries, newest first.

    Each record is compared with the previous record of the same object, both already loaded.
    """
    records = sorted(records, key=lambda r: (r.instance_type._meta.label, r.id, r.history_date))
    result: list[Entry] = []
    for _key, group in groupby(records, key=lambda r: (r.instance_type._meta.label, r.id)):
        previous = None
        for record in group:
            model = record.instance_type
            changes = []
            if previous is not None and record.history_type == "~":
                for model_field in model._meta.concrete_fields:
                    if model_field.name in HIDDEN_FIELDS:
                        continue
                    if getattr(record, model_field.attname, None) != getattr(
                        previous, model_field.attname, None
                    ):
                        changes.append(
                            Change(
                                str(model_field.verbose_name).capitalize(),
                                _display(previous, model_field),
                                _display(record, model_field),
                            )
                        )
            result.append(
                Entry(
                    record.history_date,
                    record.history_user,
                    record.history_type,
                    subject(record),
                    changes,
                    record.history_change_reason or "",
                )
            )
            previous = record
    result.sort(key=lambda e: e.when, reverse=True)
    _describe_reasons(result)
    return result


def _describe_reasons(result: list[Entry]) -> None:
    """Say how each change came about; the approved proposals they name are read in one query."""
    ids = {proposal_id_of(entry.note) for entry in result} - {None}
    approved = {}
    if ids:
        approved = {
            p.pk: p
            for p in ChangeProposal.objects.filter(pk__in=ids).select_related("proposed_by", "decided_by")
        }
    for entry in result:
        proposal = approved.get(proposal_id_of(entry.note))
        if proposal is not None:
            entry.note = _("proposed by %(proposer)s on %(date)s, approved by %(approver)s") % {
                "proposer": proposal.proposed_by,
                "date": formats.date_format(timezone.localtime(proposal.proposed_at), "d/m/Y H:i"),
                "approver": proposal.decided_by,
            }
        elif entry.note == DIRECT_REASON:
            entry.note = _("saved directly by an approver, public at once")
        elif entry.note == "import":
            entry.note = _("spreadsheet import")
