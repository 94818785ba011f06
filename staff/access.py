"""Guards for staff views; the rules themselves live in producers.permissions."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from producers.permissions import is_staff_member


def staff_required(view):
    """Anonymous users go to the sign-in page; signed-in users without a province get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class StaffRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        return staff_required(super().dispatch)(request, *args, **kwargs)
