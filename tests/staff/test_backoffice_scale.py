"""The back office at any size (issue 8, item 7): query counts that do not grow with the data,
producer and ward autocompletes scoped to the user's province, exports that stream."""

import csv
import io
import logging

import pytest
from django.urls import reverse

from producers.models import PublicationStatus, Ward
from producers.proposals import PRODUCER_FIELDS
from tests.factories import make_certificate, make_producer, make_product, make_staff


def _grow(n: int) -> None:
    """``n`` more producers, each with two products, in both provinces."""
    for i in range(n):
        producer = make_producer(province_slug=("ha-tinh", "nghe-an")[i % 2], name=f"HTX Mở rộng {i}")
        for _ in range(2):
            make_certificate(product=make_product(producer=producer, stars=4), stars=5)


def _pages(world) -> list[str]:
    product, producer = world["product_a"], world["producer_a"]
    certificate = product.certificates.first()
    return [
        "/admin/products/product/",
        "/admin/products/product/?q=keo+cu",
        "/admin/products/product/?status__exact=pending&stars__exact=4&validity=valid",
        f"/admin/products/product/?producer__province__id__exact={producer.province_id}",
        f"/admin/products/product/{product.pk}/change/",
        "/admin/products/product/add/",
        "/admin/producers/producer/",
        "/admin/producers/producer/?q=htx",
        f"/admin/producers/producer/{producer.pk}/change/",
        "/admin/products/certificate/",
        "/admin/products/certificate/?q=Q",
        f"/admin/products/certificate/{certificate.pk}/change/",
        "/admin/producers/changeproposal/",
        "/admin/autocomplete/?app_label=products&model_name=product&field_name=producer&term=htx",
        reverse("staff:dashboard"),
        reverse("staff:product_list"),
        reverse("staff:product_list") + "?q=keo&status=pending&stars=4&ordering=expiry",
        reverse("staff:product_list") + f"?producer={producer.pk}",
        reverse("staff:producer_list") + "?q=htx",
        reverse("staff:product_create"),
        reverse("staff:product_edit", args=[product.pk]),
        reverse("staff:producer_create"),
        reverse("staff:producer_edit", args=[producer.pk]),
        reverse("staff:proposal_list"),
        reverse("staff:producer_choices") + "?q=htx",
        reverse("staff:ward_choices") + "?q=xa",
        reverse("staff:product_export", args=["csv"]),
        reverse("staff:product_export", args=["xlsx"]),
        reverse("staff:producer_export", args=["csv"]),
    ]


def _queries(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(30) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # an export's rows are read while it streams
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_back_office_query_counts_do_not_grow_with_the_data(
    client, admin_user_, world, django_assert_max_num_queries
):
    admin_user_.is_staff = True
    admin_user_.save()
    client.force_login(admin_user_)
    pages = _pages(world)
    for url in pages:
        client.get(url)  # warm up: session, content types, permissions
    _grow(2)
    small = {url: _queries(client, url, django_assert_max_num_queries) for url in pages}
    _grow(12)
    large = {url: _queries(client, url, django_assert_max_num_queries) for url in pages}

    assert large == small


def test_a_national_admin_gets_no_list_of_every_producer(client, admin_user_, world):
    _grow(3)
    client.force_login(admin_user_)

    form = client.get(reverse("staff:product_create")).content.decode()
    listing = client.get(reverse("staff:product_list")).content.decode()

    assert "HTX Mở rộng" not in form
    for page in (form, listing):
        field = page.split('name="producer"')[1][:300]
        assert "<option" not in field and 'data-autocomplete="/staff/producers/choices/"' in field


def test_producer_suggestions_stay_in_the_users_province(client, editor_b, world):
    make_producer(province_slug="ha-tinh", name="HTX Cam Hà Tĩnh")
    own = make_producer(province_slug="nghe-an", name="HTX Cam Nghệ An")
    client.force_login(editor_b)

    results = client.get(reverse("staff:producer_choices"), {"q": "cam"}).json()["results"]

    assert [r["value"] for r in results] == [f"HTX Cam Nghệ An — Nghệ An (#{own.pk})"]


def test_ward_suggestions_stay_in_the_users_province(client, editor_b, world):
    client.force_login(editor_b)
    ha_tinh_ward = Ward.objects.filter(province__slug="ha-tinh").first()

    named = client.get(reverse("staff:ward_choices"), {"q": ha_tinh_ward.name[:6]}).json()["results"]
    other = client.get(
        reverse("staff:ward_choices"), {"q": ha_tinh_ward.name[:6], "province": ha_tinh_ward.province_id}
    ).json()["results"]

    assert named and all(r["value"].endswith(")") and "— Nghệ An (#" in r["value"] for r in named)
    assert other == []


@pytest.mark.parametrize("query", ["", "a", "%", "'; --", "x" * 500])
def test_suggestions_of_odd_text_are_empty_or_scoped_never_an_error(client, editor_b, world, query):
    client.force_login(editor_b)

    for name in ("staff:producer_choices", "staff:ward_choices"):
        response = client.get(reverse(name), {"q": query, "province": "9" * 30})
        assert response.status_code == 200
        assert all("Hà Tĩnh" not in r["value"] for r in response.json()["results"])


def test_a_typed_producer_of_another_province_is_refused(client, editor_b, world):
    client.force_login(editor_b)
    other = world["producer_a"]

    for typed in (str(other.pk), f"{other.name} (#{other.pk})", other.name):
        response = client.get(reverse("staff:product_list"), {"producer": typed})
        form = response.context["filter"].form
        assert "producer" in form.errors, typed
        assert "Kẹo cu đơ" not in response.content.decode().split("</form>")[-1]


def producer_form_data(producer, **overrides) -> dict:
    """The producer edit page's POST data, unchanged, then ``overrides``."""
    data = {"version": producer.version}
    for name in PRODUCER_FIELDS:
        value = getattr(producer, f"{name}_id" if name in ("province", "ward") else name)
        data[name] = "" if value is None or value is False else value
    return {**data, **overrides}


def test_the_producer_form_accepts_a_suggested_ward_and_refuses_another_provinces(client, editor_b, world):
    client.force_login(editor_b)
    producer = world["producer_b"]
    own = Ward.objects.filter(province__slug="nghe-an").first()
    other = Ward.objects.filter(province__slug="ha-tinh").first()
    url = reverse("staff:producer_edit", args=[producer.pk])

    refused = client.post(url, producer_form_data(producer, ward=f"{other.name} (#{other.pk})"))
    producer.refresh_from_db()
    assert refused.status_code == 200 and "ward" in refused.context["form"].errors
    assert producer.ward_id != other.pk

    client.post(url, producer_form_data(producer, ward=f"{own.name} — Nghệ An (#{own.pk})"))
    producer.refresh_from_db()
    assert producer.ward_id == own.pk


def test_the_product_form_shows_the_chosen_producer_and_takes_a_suggestion(client, editor_a, world):
    client.force_login(editor_a)
    producer = world["producer_a"]

    page = client.get(reverse("staff:product_create"), {"producer": producer.pk}).content.decode()

    assert f'value="HTX Kẹo cu đơ (#{producer.pk})"' in page


def test_a_csv_export_streams_every_row_with_the_audit_record(client, editor_a, world, caplog):
    caplog.set_level(logging.INFO, logger="ocop.audit")
    for _ in range(3):
        make_product(producer=world["producer_a"], status=PublicationStatus.DRAFT)
    client.force_login(editor_a)

    response = client.get(reverse("staff:product_export", args=["csv"]))

    assert response.streaming
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 1 + 4 and "Cam Vinh" not in str(rows)
    audits = [r.audit for r in caplog.records if r.name == "ocop.audit" and r.audit["event"] == "export"]
    assert [(a["what"], a["format"], a["rows"]) for a in audits] == [("products", "csv", 4)]


def test_a_new_staff_user_sees_the_ward_field_as_an_autocomplete(client, world):
    editor = make_staff(username="editor-c", province_slug="ha-tinh")
    client.force_login(editor)

    page = client.get(reverse("staff:producer_create")).content.decode()

    assert 'data-autocomplete="/staff/wards/choices/"' in page and 'list="id_ward_options"' in page
    assert '<datalist id="id_ward_options"></datalist>' in page
