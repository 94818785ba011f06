"""Finding 11 (site-wide part): an audit record for every sign-in, failure, sign-out, export and
import, and server errors logged with their traceback to a file or mailed to ADMINS."""

import logging

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.log import configure_logging

from ocop_catalog.logconfig import build_logging
from tests.factories import make_producer, make_product, make_staff

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.20"


@pytest.fixture
def editor(db):
    return make_staff(username="hatinh", province_slug="ha-tinh")


@pytest.fixture
def audit_log(caplog):
    """The audit fields of every ocop.audit record logged during the test."""
    caplog.set_level(logging.INFO, logger="ocop.audit")

    def records(event=None):
        found = [r.audit for r in caplog.records if r.name == "ocop.audit"]
        return [fields for fields in found if event is None or fields["event"] == event]

    return records


def sign_in(client, password, username="hatinh", **headers):
    return client.post(
        reverse("staff:login"), {"username": username, "password": password}, REMOTE_ADDR=OFFICE, **headers
    )


def test_sign_in_and_sign_out_are_audited_with_user_and_address(client, editor, audit_log):
    sign_in(client, "pw-test-12345")
    client.post(reverse("staff:logout"), REMOTE_ADDR=OFFICE)

    assert audit_log() == [
        {"event": "sign_in", "user": "hatinh", "address": OFFICE},
        {"event": "sign_out", "user": "hatinh", "address": OFFICE},
    ]


def test_failed_and_locked_sign_ins_are_audited_with_the_typed_username(client, editor, audit_log, settings):
    settings.AXES_FAILURE_LIMIT = 2

    for _ in range(3):
        sign_in(Client(), "wrong")

    assert audit_log() == [
        {"event": "sign_in_failed", "user": "hatinh", "address": OFFICE, "locked": False},
        {"event": "sign_in_failed", "user": "hatinh", "address": OFFICE, "locked": True},  # the limit
        {"event": "sign_in_failed", "user": "hatinh", "address": OFFICE, "locked": True},  # refused
    ]


def test_behind_a_proxy_the_audit_records_the_forwarded_address(client, editor, audit_log, settings):
    settings.BEHIND_PROXY = True

    sign_in(client, "pw-test-12345", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert audit_log()[0]["address"] == "198.51.100.7"


def test_a_typed_username_cannot_forge_an_audit_line(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="ocop.audit")
    typed = "x\n2026-01-01 INFO ocop.audit event='sign_in' user='admin'"

    sign_in(client, "wrong", username=typed)

    [message] = [r.getMessage() for r in caplog.records if r.name == "ocop.audit"]
    assert "\n" not in message and message.startswith("event='sign_in_failed' user=")
    assert f"user={typed!r}" in message


def test_a_staff_export_is_audited_with_what_and_how_many_rows(client, editor, audit_log):
    for _ in range(4):
        make_product(status="draft")
    make_product(producer=make_producer(province_slug="nghe-an"))
    client.force_login(editor)

    response = client.get(reverse("staff:product_export", args=["csv"]), REMOTE_ADDR=OFFICE)

    assert response.status_code == 200
    assert response.getvalue().decode("utf-8-sig").count("\n") == 1 + 4  # header and the province's rows
    assert audit_log("export") == [
        {
            "event": "export",
            "user": "hatinh",
            "address": OFFICE,
            "what": "products",
            "format": "csv",
            "rows": 4,
        }
    ]


def test_a_producer_export_is_audited(client, editor, audit_log):
    client.force_login(editor)

    client.get(reverse("staff:producer_export", args=["xlsx"]), REMOTE_ADDR=OFFICE)

    assert audit_log("export") == [
        {
            "event": "export",
            "user": "hatinh",
            "address": OFFICE,
            "what": "producers",
            "format": "xlsx",
            "rows": 0,
        }
    ]


def test_a_confirmed_import_is_audited_with_its_counts(client, editor, audit_log):
    client.force_login(editor)
    template = client.get(reverse("staff:import_template", args=["xlsx"])).content
    upload = client.post(
        reverse("staff:import_upload"), {"file": SimpleUploadedFile("mau.xlsx", template)}, REMOTE_ADDR=OFFICE
    )
    client.get(upload["Location"], REMOTE_ADDR=OFFICE)

    client.post(upload["Location"], REMOTE_ADDR=OFFICE)

    [record] = audit_log("import")
    assert record["event"] == "import" and record["user"] == "hatinh" and record["address"] == OFFICE
    assert record["file"] == "mau.xlsx"
    assert record["rows"] == 1 and record["create"] == 1 and record["update"] == 0


# Errors ------------------------------------------------------------------------------------


@pytest.fixture
def broken_product_list(monkeypatch):
    from products.views import ProductListView

    def broken(self, **kwargs):
        raise RuntimeError("the-database-fell-over-7731")

    monkeypatch.setattr(ProductListView, "get_context_data", broken)


@pytest.fixture
def production_logging():
    """Install the production logging configuration for one test, then the test one again."""

    def install(**options):
        configure_logging(django_settings.LOGGING_CONFIG, build_logging(**options))

    yield install
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


def test_a_server_error_is_written_with_its_traceback_to_the_log_file(
    client, broken_product_list, production_logging, tmp_path
):
    log_file = tmp_path / "ocop-errors.log"
    production_logging(level="WARNING", log_file=str(log_file))
    client.raise_request_exception = False

    response = client.get("/products/")

    assert response.status_code == 500
    assert (
        "It has been recorded" in response.content.decode() or "đã được ghi lại" in response.content.decode()
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR django.request Internal Server Error: /products/" in logged
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the-database-fell-over-7731" in logged


def test_a_server_error_is_mailed_to_the_admins(client, broken_product_list, production_logging, settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    production_logging(mail_admins=True, level="WARNING")
    client.raise_request_exception = False

    client.get("/products/")

    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "Internal Server Error: /products/" in message.subject
    assert "Traceback" in message.body and 'in broken\n    raise RuntimeError("the-database' in message.body
    assert "Exception Value: the-database-fell-over-7731" in message.body


def test_the_audit_trail_reaches_the_log_file_whatever_the_log_level(
    client, editor, production_logging, tmp_path
):
    log_file = tmp_path / "ocop.log"
    production_logging(level="ERROR", log_file=str(log_file))

    sign_in(client, "pw-test-12345")

    assert "INFO ocop.audit event='sign_in' user='hatinh' address='203.0.113.20'" in log_file.read_text()


def test_admins_come_from_the_environment():
    from tests.project.test_settings_env import run_manage

    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.ADMINS, settings.LOGGING['root']['handlers'])",
        DJANGO_DEBUG="1",
        DJANGO_ADMINS='"Nguyễn, An" <an@example.org>,Ops <ops@example.org>',
        DJANGO_LOG_FILE="/dev/null",
    )

    assert result.stdout.strip() == (
        "[('Nguyễn, An', 'an@example.org'), ('Ops', 'ops@example.org')] ['console', 'file', 'mail_admins']"
    )
