"""Publication workflow, exports, CSRF on every form, and bounded query counts."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from producers.models import Producer, PublicationStatus
from products.models import Product
from tests.factories import make_product
from tests.staff.helpers import product_form_data

pytestmark = pytest.mark.django_db


def _status(client, obj, action):
    name = "staff:product_status" if isinstance(obj, Product) else "staff:producer_status"
    return client.post(reverse(name, args=[obj.pk, action]))


def test_editor_submits_and_approver_publishes(client, editor_a, approver_a, world):
    producer = world["producer_a"]
    product = make_product(producer=producer, status=PublicationStatus.DRAFT)
    client.force_login(editor_a)

    assert _status(client, product, "submit").status_code == 302
    assert _status(client, product, "publish").status_code == 403
    product.refresh_from_db()
    assert product.status == PublicationStatus.PENDING

    approver = Client()
    approver.force_login(approver_a)
    assert _status(approver, product, "publish").status_code == 302
    assert _status(approver, producer, "publish").status_code == 302
    product.refresh_from_db()
    producer.refresh_from_db()
    assert product.status == producer.status == PublicationStatus.PUBLISHED
    assert Product.objects.published().filter(pk=product.pk).exists()
    assert product.history.first().history_user == approver_a

    assert _status(approver, product, "unpublish").status_code == 302
    product.refresh_from_db()
    assert product.status == PublicationStatus.DRAFT
    assert _status(approver, product, "archive").status_code == 302
    product.refresh_from_db()
    assert product.status == PublicationStatus.ARCHIVED


def test_action_that_does_not_apply_changes_nothing_and_says_so(client, approver_a, world):
    product = world["product_a"]
    client.force_login(approver_a)

    response = _status(client, product, "submit")  # already pending
    page = client.get(response["Location"]).content.decode()

    product.refresh_from_db()
    assert product.status == PublicationStatus.PENDING
    assert "không áp dụng cho trạng thái hiện tại" in page


def test_detail_page_offers_only_allowed_actions(client, editor_a, approver_a, world):
    url = reverse("staff:product_detail", args=[world["product_a"].pk])
    client.force_login(editor_a)
    editor_page = client.get(url).content.decode()
    client.force_login(approver_a)
    approver_page = client.get(url).content.decode()

    assert 'data-action="publish"' not in editor_page
    assert 'data-action="publish"' in approver_page and 'data-action="archive"' in approver_page


def test_publishing_a_product_of_an_unpublished_producer_warns(client, approver_a, world):
    client.force_login(approver_a)

    response = client.post(
        reverse("staff:product_status", args=[world["product_a"].pk, "publish"]), follow=True
    )

    assert "Chủ thể chưa được xuất bản" in response.content.decode()


@pytest.fixture
def formula_product(world):
    product = world["product_a"]
    Product.objects.filter(pk=product.pk).update(name='=HYPERLINK("http://evil","x")')
    Producer.objects.filter(pk=product.producer_id).update(name="+cmd|' /C calc'!A0", phone="-2+3", email="")
    return product


def test_csv_export_neutralises_formulas_and_respects_filters(client, editor_a, formula_product):
    client.force_login(editor_a)

    response = client.get(reverse("staff:product_export", args=["csv"]) + "?stars=4")
    empty = client.get(reverse("staff:product_export", args=["csv"]) + "?stars=5")
    producers = client.get(reverse("staff:producer_export", args=["csv"]))

    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert response["Content-Disposition"].startswith('attachment; filename="products-')
    assert rows[1][0] == '\'=HYPERLINK("http://evil","x")'
    assert rows[1][2] == "'+cmd|' /C calc'!A0"
    assert rows[1][4] == "4"
    assert len(list(csv.reader(io.StringIO(empty.getvalue().decode("utf-8-sig"))))) == 1
    producer_rows = list(csv.reader(io.StringIO(producers.getvalue().decode("utf-8-sig"))))
    assert producer_rows[1][0].startswith("'+") and producer_rows[1][5] == "'-2+3"
    for row in rows + producer_rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_xlsx_export_has_no_formula_cells(client, editor_a, formula_product):
    client.force_login(editor_a)

    response = client.get(reverse("staff:product_export", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil","x")' in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_invalid_filter_value_shows_message_not_500(client, editor_a, world):
    client.force_login(editor_a)

    response = client.get(reverse("staff:product_list") + "?stars=9&producer=abc&ordering=password")
    export = client.get(reverse("staff:product_export", args=["csv"]) + "?stars=9")

    assert response.status_code == 200
    assert "Kẹo cu đơ" not in response.content.decode().split("</form>")[-1]
    assert export.status_code == 200 and len(export.getvalue().decode("utf-8-sig").splitlines()) == 1


def test_search_ignores_diacritics(client, editor_a, world):
    client.force_login(editor_a)

    page = client.get(reverse("staff:product_list") + "?q=keo+cu+do").content.decode()

    assert "Kẹo cu đơ" in page


# CSRF: every form of the workspace refuses a POST without the token, and writes nothing.
CSRF_FORMS = [
    ("staff:product_create", None),
    ("staff:producer_create", None),
    ("staff:product_edit", "product_a"),
    ("staff:producer_edit", "producer_a"),
    ("staff:product_status", ("product_a", "publish")),
    ("staff:producer_status", ("producer_a", "submit")),
    ("staff:import_upload", None),
    ("staff:import_preview", ["0" * 32]),
    ("staff:password_change", None),
    ("staff:logout", None),
    ("staff:login", None),
]


@pytest.mark.parametrize(("name", "args"), CSRF_FORMS)
def test_csrf_is_enforced_on_every_form(name, args, approver_a, world):
    from tests.staff.helpers import province_snapshot

    client = Client(enforce_csrf_checks=True)
    if name != "staff:login":
        client.force_login(approver_a)
    if isinstance(args, str):
        args = [world[args].pk]
    elif isinstance(args, tuple):
        args = [world[args[0]].pk, args[1]]
    before = province_snapshot("ha-tinh")

    response = client.post(
        reverse(name, args=args),
        {"name": "X", "kind": "enterprise", "old_password": "pw-test-12345", "username": "approver-a"},
    )

    assert response.status_code == 403
    assert province_snapshot("ha-tinh") == before


def test_csrf_token_lets_the_real_form_through(approver_a, world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(approver_a)
    page = client.get(reverse("staff:producer_create"))
    token = page.context["csrf_token"]

    response = client.post(
        reverse("staff:producer_create"),
        {"name": "HTX Có token", "kind": "enterprise", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    assert Producer.objects.filter(name="HTX Có token").exists()


def _fill(producer, n):
    for _ in range(n):
        product = make_product(producer=producer, stars=4)
        product.photos.create(image="products/photos/x.jpg", alt_text="x", width=10, height=10)


@pytest.mark.parametrize(
    "url_name",
    [
        "staff:product_list",
        "staff:producer_list",
        "staff:dashboard",
        "staff:product_detail",
        "staff:producer_detail",
    ],
)
def test_staff_page_query_count_does_not_grow(
    url_name, client, editor_a, world, django_assert_max_num_queries
):
    client.force_login(editor_a)
    producer = world["producer_a"]

    def url():
        if url_name == "staff:product_detail":
            return reverse(url_name, args=[world["product_a"].pk])
        if url_name == "staff:producer_detail":
            return reverse(url_name, args=[producer.pk])
        return reverse(url_name)

    client.get(url())  # warm up: session, content types
    _fill(producer, 2)
    with django_assert_max_num_queries(30) as small:
        client.get(url())
    _fill(producer, 10)
    client.post(
        reverse("staff:product_edit", args=[world["product_a"].pk]),
        product_form_data(world["product_a"], story="đổi"),
    )
    with django_assert_max_num_queries(30) as large:
        response = client.get(url())

    assert response.status_code == 200
    assert len(large.captured_queries) <= len(small.captured_queries) + 1


def test_product_detail_query_count_is_fixed(client, editor_a, world, django_assert_max_num_queries):
    client.force_login(editor_a)
    product = world["product_a"]
    for i in range(5):
        product.photos.create(image=f"products/photos/{i}.jpg", alt_text=f"ảnh {i}", width=10, height=10)
    client.get(reverse("staff:product_detail", args=[product.pk]))

    with django_assert_max_num_queries(16):
        response = client.get(reverse("staff:product_detail", args=[product.pk]))

    assert response.content.decode().count("<figure>") == 5


@pytest.mark.parametrize("kind", ["product", "producer"])
def test_approver_cannot_publish_changes_saved_after_opening_the_page(kind, client, approver_a, world):
    obj = world[f"{kind}_a"]
    client.force_login(approver_a)
    page = client.get(reverse(f"staff:{kind}_detail", args=[obj.pk])).content.decode()
    assert f'name="version" value="{obj.version}"' in page
    type(obj).objects.filter(pk=obj.pk).update(name="Đổi sau khi mở", version=obj.version + 1)

    response = client.post(
        reverse(f"staff:{kind}_status", args=[obj.pk, "publish"]), {"version": obj.version}, follow=True
    )

    obj.refresh_from_db()
    assert obj.status != PublicationStatus.PUBLISHED
    assert "đã được thay đổi sau khi bạn mở trang" in response.content.decode()

    response = client.post(
        reverse(f"staff:{kind}_status", args=[obj.pk, "publish"]), {"version": obj.version}
    )

    obj.refresh_from_db()
    assert obj.status == PublicationStatus.PUBLISHED


def test_producer_slug_taken_by_a_simultaneous_save_gives_a_message_not_a_500(
    client, editor_a, world, monkeypatch
):
    taken = Producer.objects.filter(province__slug="ha-tinh").first().slug
    monkeypatch.setattr("producers.services.unique_slugs", lambda model, texts: [taken])
    client.force_login(editor_a)
    before = Producer.objects.count()

    response = client.post(reverse("staff:producer_create"), {"name": "HTX Trùng lúc", "kind": "enterprise"})

    assert response.status_code == 200
    assert "Không lưu được chủ thể" in response.content.decode()
    assert Producer.objects.count() == before
