"""Sign in, sign out, change password, lockout after repeated failures, and the cool-off."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db

LOGIN = "staff:login"


def _sign_in(client, username, password, ip="10.0.0.1"):
    return client.post(reverse(LOGIN), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_sign_in_leads_to_dashboard_and_sign_out_ends_session(client, editor_a):
    response = _sign_in(client, "editor-a", "pw-test-12345")

    assert response.status_code == 302 and response["Location"] == reverse("staff:dashboard")
    assert "Hà Tĩnh" in client.get(reverse("staff:dashboard")).content.decode()
    assert client.post(reverse("staff:logout")).status_code == 302
    assert client.get(reverse("staff:dashboard")).status_code == 302


def test_wrong_password_shows_vietnamese_message(client, editor_a):
    response = _sign_in(client, "editor-a", "wrong")

    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_sign_in_page_honours_next(client, editor_a):
    target = reverse("staff:product_list")

    assert client.get(target)["Location"] == f"{reverse(LOGIN)}?next={target}"
    response = client.post(
        reverse(LOGIN),
        {"username": "editor-a", "password": "pw-test-12345", "next": target},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response["Location"] == target


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_after_repeated_failures_then_cool_off(editor_a):
    client = Client()
    for _ in range(3):
        _sign_in(client, "editor-a", "wrong")

    locked = _sign_in(client, "editor-a", "pw-test-12345")
    other_address = _sign_in(Client(), "editor-a", "pw-test-12345", ip="10.0.0.2")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Đăng nhập tạm thời bị khoá" in page
    assert "bị khoá trong 15 phút" in page  # the cool-off, in minutes
    # The same user from another address (another office behind its own proxy) is not locked.
    assert other_address.status_code == 302

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    after_cool_off = _sign_in(Client(), "editor-a", "pw-test-12345")

    assert after_cool_off.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_one_user_failing_does_not_lock_others_at_the_same_address(editor_a, approver_a):
    for _ in range(4):
        _sign_in(Client(), "editor-a", "wrong")

    response = _sign_in(Client(), "approver-a", "pw-test-12345")

    assert response.status_code == 302


def test_password_change_requires_current_password(client, editor_a):
    client.force_login(editor_a)
    url = reverse("staff:password_change")

    refused = client.post(
        url, {"old_password": "nope", "new_password1": "Cam-Vinh-2026!", "new_password2": "Cam-Vinh-2026!"}
    )
    accepted = client.post(
        url,
        {
            "old_password": "pw-test-12345",
            "new_password1": "Cam-Vinh-2026!",
            "new_password2": "Cam-Vinh-2026!",
        },
    )

    assert refused.status_code == 200 and "old_password" in refused.context["form"].errors
    assert accepted.status_code == 302
    editor_a.refresh_from_db()
    assert editor_a.check_password("Cam-Vinh-2026!")


def test_workspace_speaks_english_under_en_prefix(client, editor_a):
    client.force_login(editor_a)

    vietnamese = client.get("/staff/").content.decode()
    try:
        english = client.get("/en/staff/").content.decode()
    finally:
        translation.activate("vi")  # the request left English active on this thread

    assert "Tổng quan" in vietnamese and "Sản phẩm theo trạng thái" in vietnamese
    assert "Dashboard" in english and "Products by status" in english
