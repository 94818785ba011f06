"""Finding 12: /healthz answers 200 with the database and the cache reachable, 503 otherwise,
with a body that says nothing more, kept out of robots and of every cache."""

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_and_cache_answer(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n" and response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_without_detail_when_the_database_is_down(client, monkeypatch, caplog):
    def refuse():
        raise OperationalError('connection to server at "db.internal" (10.0.0.5), port 5432 failed')

    monkeypatch.setattr(connection, "ensure_connection", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "no-store" in response["Cache-Control"]
    assert any("db.internal" in r.exc_text for r in caplog.records if r.name == "ocop_catalog.views")


def test_healthz_answers_503_without_detail_when_the_cache_is_down(client, settings, caplog):
    settings.CACHES = {"default": {"BACKEND": "tests.project.unreachable_cache.UnreachableCache"}}

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert any("Connection refused" in r.exc_text for r in caplog.records if r.name == "ocop_catalog.views")


def test_healthz_is_outside_the_language_prefix_and_answers_get_and_head_only(client):
    assert client.get("/en/healthz").status_code == 404
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_a_plain_http_probe_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_robots_txt_keeps_crawlers_off_healthz(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert "Disallow: /healthz" in lines
