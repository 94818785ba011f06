"""Publication actions (submit, publish, return to draft, archive), run alike on producers and products."""

from django.contrib import messages

from producers.services import StaleEditError, TransitionError, allowed_actions, change_status
from staff.messages import ACTION_LABELS, STALE_STATUS, STATUS_CHANGED, TRANSITION_DOES_NOT_APPLY


def posted_version(value: str | None) -> int | None:
    """The version a page was showing, from a POST value; None when absent or not a number."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdecimal() and len(value) < 10 else None


def action_buttons(obj, *, province_id: int, user) -> list[tuple[str, str]]:
    """The publication actions ``user`` may take on ``obj`` now, with their labels, in display order."""
    return [
        (action, ACTION_LABELS[action])
        for action in allowed_actions(obj=obj, province_id=province_id, user=user)
    ]


def apply_status_action(request, *, obj, province_id: int, action: str) -> bool:
    """Run a publication action posted by ``request`` on ``obj`` and tell the user how it went.

    Returns True when the status changed.
    """
    try:
        change_status(
            obj=obj,
            province_id=province_id,
            action=action,
            user=request.user,
            expected_version=posted_version(request.POST.get("version")),
        )
    except StaleEditError:
        messages.error(request, STALE_STATUS)
    except TransitionError:
        messages.error(request, TRANSITION_DOES_NOT_APPLY)
    else:
        messages.success(request, STATUS_CHANGED % {"status": obj.get_status_display()})
        return True
    return False
