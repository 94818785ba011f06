"""Changes to published records wait for an approver: propose, approve, reject, withdraw.

An editor's save of a PUBLISHED record does not write the live row: it stores a
``ChangeProposal`` holding the whole proposed state (the record and its children) as JSON. The
live rows stay the approved version, so public pages need no change. An approver's approval
applies the state through the model rules (``full_clean`` before ``save``), after claiming the
version the proposal was based on: if the record changed meanwhile, the approval is refused as
stale and nothing is written. Approvers and national admins save published records directly.

The mechanism is generic. Each domain app registers a ``ProposalHandler`` for its model (how to
snapshot the live state, apply a state, list the differences, and which staged files a state
holds): the producer's in ``producers.proposals.producers``, the product's in
``products.proposals``. Modules: ``states`` (JSON values, differences in words), ``workflow``
(propose, approve, reject, withdraw, the handler registry), ``producers``.
"""

from producers.proposals.producers import PRODUCER_FIELDS, ProducerProposals, propose_producer
from producers.proposals.states import (
    ChildChange,
    Diff,
    FieldChange,
    display,
    field_changes,
    form_state,
    from_json,
    read_fields,
    relation_labels,
    to_json,
    write_fields,
)
from producers.proposals.workflow import (
    APPROVAL_REASON_PREFIX,
    ProposalClosedError,
    ProposalHandler,
    approval_reason,
    approve,
    handler_for,
    needs_approval,
    pending_for,
    proposal_id_of,
    propose,
    propose_many,
    register,
    reject,
    withdraw,
    withdraw_for_deleted,
)
from producers.services import DIRECT_REASON, StaleEditError

__all__ = [
    "APPROVAL_REASON_PREFIX",
    "DIRECT_REASON",
    "PRODUCER_FIELDS",
    "ChildChange",
    "Diff",
    "FieldChange",
    "ProducerProposals",
    "ProposalClosedError",
    "ProposalHandler",
    "StaleEditError",
    "approval_reason",
    "approve",
    "display",
    "field_changes",
    "form_state",
    "from_json",
    "handler_for",
    "needs_approval",
    "pending_for",
    "proposal_id_of",
    "propose",
    "propose_many",
    "propose_producer",
    "read_fields",
    "register",
    "reject",
    "relation_labels",
    "to_json",
    "withdraw",
    "withdraw_for_deleted",
    "write_fields",
]
