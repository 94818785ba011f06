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
