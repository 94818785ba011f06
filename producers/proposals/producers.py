"""The producer's proposals: its fields, as the staff producer form edits them."""

from producers.models import Producer
from producers.proposals.states import Diff, field_changes, form_state, read_fields, write_fields
from producers.proposals.workflow import ProposalHandler, propose

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


def propose_producer(*, form, user, expected_version: int | None, proposal_version: int | None):
    """Store a validated producer form of a published producer as its proposal (see ``propose``)."""
    return propose(
        obj=form.instance,
        user=user,
        change=lambda state: {"fields": form_state(form, PRODUCER_FIELDS)},
        expected_version=expected_version,
        proposal_version=proposal_version,
    )
