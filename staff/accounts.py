"""Sign in, sign out and change password: Django's auth views with staff templates.

AuthenticationForm passes the request to ``authenticate()``, which django-axes needs to
count failures per username and address; a locked pair gets ``staff/lockout.html``.
"""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

from staff.access import StaffRequiredMixin


class SignInView(auth_views.LoginView):
    template_name = "staff/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


class PasswordChangeView(StaffRequiredMixin, auth_views.PasswordChangeView):
    template_name = "staff/password_change.html"
    success_url = reverse_lazy("staff:password_change_done")


class PasswordChangeDoneView(StaffRequiredMixin, auth_views.PasswordChangeDoneView):
    template_name = "staff/password_change_done.html"


def lockout_response(request, original_response=None, credentials=None):
    """The page django-axes shows a locked username and address: what happened and how long."""
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None
    return render(
        request,
        "staff/lockout.html",
        {"failure_limit": get_failure_limit(request, credentials), "cooloff_minutes": minutes},
        status=429,
    )
