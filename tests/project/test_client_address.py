"""Finding 2: the client address behind a reverse proxy, and without one.

Behind the proxy every request comes from the proxy's socket (127.0.0.1 here); the client is
the address the proxy appended to X-Forwarded-For. Without a proxy the header is the client's
own words and must change nothing.
"""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client, RequestFactory
from django.urls import reverse

from ocop_catalog.client_address import client_address
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
ATTACKER = "198.51.100.7"
OFFICE = "203.0.113.20"


@pytest.fixture
def editor(db):
    return make_staff(username="hatinh", province_slug="ha-tinh")


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 5
    return settings


@pytest.fixture
def direct(settings):
    settings.BEHIND_PROXY = False
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def sign_in(password: str, *, remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(reverse("staff:login"), {"username": "hatinh", "password": password}, **headers)


def test_behind_proxy_five_failures_lock_only_the_forwarded_address(behind_proxy, editor):
    for _ in range(5):
        sign_in("wrong", remote=PROXY, forwarded=ATTACKER)

    attacker = sign_in("pw-test-12345", remote=PROXY, forwarded=ATTACKER)
    office = sign_in("pw-test-12345", remote=PROXY, forwarded=OFFICE)

    assert attacker.status_code == 429
    assert office.status_code == 302 and office["Location"] == reverse("staff:dashboard")
    assert list(AccessAttempt.objects.values_list("username", "ip_address")) == [("hatinh", ATTACKER)]
    assert list(AccessLog.objects.values_list("username", "ip_address")) == [("hatinh", OFFICE)]


def test_behind_proxy_a_forged_address_left_of_the_proxys_is_ignored(behind_proxy, editor):
    # nginx appends the address it saw; whatever the client sent stays on the left.
    for _ in range(5):
        sign_in("wrong", remote=PROXY, forwarded=f"{OFFICE}, {ATTACKER}")

    office = sign_in("pw-test-12345", remote=PROXY, forwarded=OFFICE)

    assert office.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(behind_proxy):
    behind_proxy.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {OFFICE}, 10.0.0.2"
    )

    assert client_address(request) == OFFICE


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_behind_proxy_a_missing_or_malformed_header_gives_the_socket_address(behind_proxy, forwarded):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == PROXY


def test_direct_deployment_ignores_a_forged_forwarded_header(direct, editor):
    # The attacker claims to be the office, a different address each time.
    for n in range(5):
        sign_in("wrong", remote=ATTACKER, forwarded=f"{OFFICE}, 192.0.2.{n}")

    attacker = sign_in("pw-test-12345", remote=ATTACKER, forwarded="192.0.2.200")
    office = sign_in("pw-test-12345", remote=OFFICE)

    assert attacker.status_code == 429
    assert office.status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == [OFFICE]
