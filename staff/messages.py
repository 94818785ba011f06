"""What the staff pages say in more than one place, written once."""

from django.utils.translation import gettext_lazy as _

# The publication actions of producers.services.TRANSITIONS, as buttons.
ACTION_LABELS = {
    "submit": _("Submit for approval"),
    "publish": _("Publish"),
    "unpublish": _("Return to draft"),
    "archive": _("Archive"),
}
STALE_EDIT = _(
    "Somebody else saved this record after you opened it, so your changes were not saved. "
    "Reload the page to see the current version, then make your changes again."
)
STALE_STATUS = _(
    "This record was changed after you opened the page, so the status was not changed. "
    "Check the current version below, then try again."
)
TRANSITION_DOES_NOT_APPLY = _("This action does not apply to the current status.")
STATUS_CHANGED = _("Status changed to: %(status)s.")

# Changes to published records (producers.proposals).
PROPOSED = _(
    "Your changes were saved and wait for an approver. The public keeps seeing the published "
    "version until they are approved."
)
NOTHING_PROPOSED = _("Nothing differs from the published version, so nothing waits for approval.")
PROPOSAL_APPROVED = _("The changes were approved and are now public.")
PROPOSAL_REJECTED = _("The changes were rejected. The published version stays as it was.")
PROPOSAL_WITHDRAWN = _("The proposed changes were withdrawn.")
PROPOSAL_CLOSED = _("These changes were already approved, rejected or withdrawn. Nothing was changed.")
PROPOSAL_STALE = _(
    "The record or its proposed changes changed after you opened the page, so nothing was changed. "
    "Check the current version below, then decide again."
)
PROPOSAL_INVALID = _(
    "The proposed changes no longer fit the current record (for example a decision or a link is "
    "now used twice), so nothing was changed. Reject them, or ask the editor to correct them."
)
