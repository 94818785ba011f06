import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from producers.models import FormerProvince, Producer, Province, ProvinceMembership, Ward
from products.models import Category, Certificate, Product, Standard
from tests.factories import make_certificate, make_producer, make_product, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("national", "national@example.org", "pw-test-12345")
    client.force_login(user)
    return client


def make_rows(count: int) -> None:
    for i in range(count):
        producer = make_producer(province_slug="ha-tinh" if i % 2 else "nghe-an")
        product = make_product(producer=producer, stars=3 + i % 3)
        make_certificate(product=product, stars=4, decision_date=datetime.date(2025, 1, 1))
        product.photos.create(image="demo/x.jpg", width=800, height=600, alt_text="Ảnh", position=0)
        product.channels.create(kind="shopee", url=f"https://shopee.vn/p{i}")


def query_count(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


CHANGELISTS = [
    "admin:producers_province_changelist",
    "admin:producers_formerprovince_changelist",
    "admin:producers_ward_changelist",
    "admin:producers_producer_changelist",
    "admin:producers_provincemembership_changelist",
    "admin:products_category_changelist",
    "admin:products_standard_changelist",
    "admin:products_product_changelist",
    "admin:products_certificate_changelist",
    "admin:producers_changeproposal_changelist",
    "admin:auth_user_changelist",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_admin_changelist_query_count_does_not_grow_with_rows(admin_client, name):
    make_rows(2)
    admin_client.get(reverse(name))  # the first request after sign-in also touches the session
    small, _ = query_count(admin_client, reverse(name))

    make_rows(12)
    for i in range(8):
        make_staff(username=f"staff{i}", province_slug="ha-tinh")
    large, _ = query_count(admin_client, reverse(name))

    assert large == small


def test_admin_product_changelist_lists_products_with_province_and_validity(admin_client):
    product = make_product(name="Nước mắm Cửa Nhượng", stars=4)

    _, html = query_count(admin_client, reverse("admin:products_product_changelist") + "?q=Cửa+Nhượng")

    assert "Nước mắm Cửa Nhượng" in html
    assert product.producer.province.name in html


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (Province, "producers_province"),
        (FormerProvince, "producers_formerprovince"),
        (Ward, "producers_ward"),
        (Producer, "producers_producer"),
        (Category, "products_category"),
        (Standard, "products_standard"),
        (Product, "products_product"),
        (Certificate, "products_certificate"),
    ],
)
def test_admin_change_and_add_pages_answer_with_bounded_queries(admin_client, model, name):
    make_rows(2)
    obj = model.objects.order_by("pk").first()
    url = reverse(f"admin:{name}_change", args=[obj.pk])
    admin_client.get(url)  # the first request after sign-in also touches the session
    small, html = query_count(admin_client, url)
    assert escape(str(obj)) in html

    make_rows(10)
    large, _ = query_count(admin_client, reverse(f"admin:{name}_change", args=[obj.pk]))
    add_count, add_html = query_count(admin_client, reverse(f"admin:{name}_add"))

    assert large == small
    assert add_count < 30
    assert "<form" in add_html


def test_admin_product_change_page_shows_certificate_photo_and_channel_inlines(admin_client):
    make_rows(1)
    product = Product.objects.get()

    _, html = query_count(admin_client, reverse("admin:products_product_change", args=[product.pk]))

    assert "certificates-TOTAL_FORMS" in html
    assert "photos-TOTAL_FORMS" in html
    assert "channels-TOTAL_FORMS" in html


def test_admin_adding_a_certificate_inline_updates_the_product_stars(admin_client):
    product = make_product(stars=3, decision_date=datetime.date(2023, 1, 5))
    url = reverse("admin:products_product_change", args=[product.pk])
    response = admin_client.get(url)
    form = response.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "producer": product.producer_id,
            "category": product.category_id,
            "standards": [],
            "certificates-TOTAL_FORMS": "2",
            "certificates-INITIAL_FORMS": "1",
            "certificates-0-id": product.current_certificate_id,
            "certificates-0-product": product.pk,
            "certificates-0-stars": "3",
            "certificates-0-decision_number": product.current_certificate.decision_number,
            "certificates-0-decision_date": "2023-01-05",
            "certificates-0-issuer": "UBND huyện Hương Sơn",
            "certificates-0-level": "district",
            "certificates-0-expires_on": "2026-01-05",
            "certificates-1-product": product.pk,
            "certificates-1-stars": "4",
            "certificates-1-decision_number": "2394/QĐ-UBND",
            "certificates-1-decision_date": "2025-10-15",
            "certificates-1-issuer": "UBND tỉnh Hà Tĩnh",
            "certificates-1-level": "province",
            "certificates-1-expires_on": "",
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "channels-TOTAL_FORMS": "0",
            "channels-INITIAL_FORMS": "0",
        }
    )
    data = {key: ("" if value is None else value) for key, value in data.items()}

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    product.refresh_from_db()
    assert product.stars == 4
    assert product.certificate_expires_on == datetime.date(2028, 10, 15)


def test_admin_province_staff_with_admin_access_sees_only_their_province(client):
    user = make_staff(username="hatinh-admin", province_slug="ha-tinh", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_product", "change_product"]))
    own = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ")
    other = make_product(producer=make_producer(province_slug="nghe-an"), name="Cam Vinh")
    client.force_login(user)

    listing = client.get(reverse("admin:products_product_changelist")).content.decode()
    other_page = client.get(reverse("admin:products_product_change", args=[other.pk]))

    assert own.name in listing and other.name not in listing
    assert other_page.status_code == 302  # admin redirects a missing object to its index
    assert not ProvinceMembership.objects.filter(province__slug="nghe-an").exists()


def test_admin_province_staff_cannot_read_or_revert_another_province_through_history(client):
    user = make_staff(username="hatinh-admin", province_slug="ha-tinh", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_product", "change_product"]))
    own = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ")
    other = make_product(
        producer=make_producer(province_slug="nghe-an"), name="Cam Vinh nháp", status="draft"
    )
    other.name = "Cam Vinh bản mới"
    other.save()
    first_version = other.history.earliest("history_date")
    client.force_login(user)

    history = client.get(reverse("admin:products_product_history", args=[other.pk]))
    version = client.get(
        reverse("admin:products_product_simple_history", args=[other.pk, first_version.history_id])
    )
    revert = client.post(
        reverse("admin:products_product_simple_history", args=[other.pk, first_version.history_id]),
        {"name": "Cam Vinh nháp"},
    )

    assert history.status_code == version.status_code == revert.status_code == 403
    assert "Cam Vinh" not in history.content.decode() + version.content.decode()
    other.refresh_from_db()
    assert other.name == "Cam Vinh bản mới"
    assert client.get(reverse("admin:products_product_history", args=[own.pk])).status_code == 200


def test_admin_bulk_delete_of_certificates_clears_the_product_badge(admin_client):
    product = make_product(stars=4)

    response = admin_client.post(
        reverse("admin:products_certificate_changelist"),
        {"action": "delete_selected", "_selected_action": [product.current_certificate_id], "post": "yes"},
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert not product.certificates.exists()
    assert product.stars is None and product.validity_on() is None


# Publication integrity: province staff with admin access -----------------------------------------


def _admin_staff(username: str, role: str):
    user = make_staff(username=username, province_slug="ha-tinh", role=role, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_product",
                "change_product",
                "add_product",
                "view_certificate",
                "add_certificate",
            ]
        )
    )
    return user


def _admin_post_data(product, **changes) -> dict:
    data = {
        "name": product.name,
        "slug": product.slug,
        "producer": product.producer_id,
        "category": product.category_id,
        "status": product.status,
        **{f"{p}-TOTAL_FORMS": "0" for p in ("certificates", "photos", "channels")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("certificates", "photos", "channels")},
    }
    data.update(changes)
    return data


def test_admin_editor_cannot_change_a_published_product_or_publish_one(client):
    editor = _admin_staff("hatinh-bientap", "editor")
    published = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ", stars=None)
    draft = make_product(
        producer=make_producer(province_slug="ha-tinh"), name="Kẹo nháp", status="draft", stars=None
    )
    client.force_login(editor)
    url = reverse("admin:products_product_change", args=[published.pk])

    page = client.get(url)
    post = client.post(url, _admin_post_data(published, name="Kẹo cu đơ đổi tên"))
    publish = client.post(
        reverse("admin:products_product_change", args=[draft.pk]), _admin_post_data(draft, status="published")
    )
    history = published.history.earliest("history_date")
    revert = client.post(
        reverse("admin:products_product_simple_history", args=[published.pk, history.history_id]),
        _admin_post_data(published, name="Kẹo cu đơ đổi tên"),
    )

    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert post.status_code == 403 and revert.status_code == 403
    assert publish.status_code == 302
    assert Product.objects.get(pk=published.pk).name == "Kẹo cu đơ"
    assert Product.objects.get(pk=draft.pk).status == "draft"
    certificate = {
        "stars": 4,
        "decision_number": "77/QĐ-UBND",
        "decision_date": "2024-10-15",
        "issuer": "UBND tỉnh Hà Tĩnh",
        "level": "province",
    }
    to_published = client.post(
        reverse("admin:products_certificate_add"), {**certificate, "product": published.pk}
    )
    to_draft = client.post(reverse("admin:products_certificate_add"), {**certificate, "product": draft.pk})
    assert to_published.status_code == 200 and "product" in to_published.context["adminform"].form.errors
    assert to_draft.status_code == 302, to_draft.context["adminform"].form.errors
    assert list(Certificate.objects.values_list("product_id", flat=True)) == [draft.pk]


def test_admin_approver_and_national_admin_change_published_products_directly_a_version_further(
    client, admin_client
):
    approver = _admin_staff("hatinh-duyet-admin", "approver")
    product = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ", stars=None)
    url = reverse("admin:products_product_change", args=[product.pk])
    client.force_login(approver)

    by_approver = client.post(url, _admin_post_data(product, name="Kẹo cu đơ loại một"))
    by_admin = admin_client.post(url, _admin_post_data(product, name="Kẹo cu đơ loại đặc biệt"))

    assert by_approver.status_code == by_admin.status_code == 302
    product.refresh_from_db()
    assert product.name == "Kẹo cu đơ loại đặc biệt" and product.version == 3


def test_admin_lists_change_proposals_of_the_users_province_only(client):
    from producers.models import ChangeProposal
    from tests.staff.helpers import propose_fields

    user = make_staff(username="hatinh-xem", province_slug="ha-tinh", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_changeproposal"))
    own = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ")
    other = make_product(producer=make_producer(province_slug="nghe-an"), name="Cam Vinh")
    propose_fields(own, make_staff(username="bt-ht", province_slug="ha-tinh"), name="Kẹo cu đơ mới")
    foreign = propose_fields(
        other, make_staff(username="bt-na", province_slug="nghe-an"), name="Cam Vinh mới"
    )
    client.force_login(user)

    listing = client.get(reverse("admin:producers_changeproposal_changelist"))
    foreign_page = client.get(reverse("admin:producers_changeproposal_change", args=[foreign.pk]))

    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 1 == ChangeProposal.objects.count() - 1
    assert foreign_page.status_code == 302  # missing to this user: redirected to the index


def test_admin_deleting_a_record_withdraws_its_pending_proposal(admin_client):
    from producers.models import ChangeProposal
    from tests.staff.helpers import propose_fields

    product = make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ")
    proposal = propose_fields(product, make_staff(username="bt", province_slug="ha-tinh"), name="Kẹo mới")

    response = admin_client.post(reverse("admin:products_product_delete", args=[product.pk]), {"post": "yes"})

    assert response.status_code == 302 and not Product.objects.filter(pk=product.pk).exists()
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn" and proposal.decided_by.username == "national"
    assert not ChangeProposal.objects.pending().exists()
