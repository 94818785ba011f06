"""Role × URL × method matrix over every staff URL, aimed at province B's (Nghệ An) data.

Roles: anonymous, editor A and approver A (Hà Tĩnh), editor B (Nghệ An), national admin.
Each cell asserts the status code, and that province B's data is unchanged unless the cell is a
legitimate write by B's own staff or the national admin.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.staff.helpers import province_snapshot

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "approver_a", "editor_b", "admin"]
LOGIN = "login"  # a redirect to the sign-in page

# (url name, args from the world, {method: expected status per role, in ROLES order})
# A "+" after a status marks a legitimate write, after which B's data may differ.
MATRIX = [
    ("dashboard", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("product_list", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 405, 405, 405, 405]}),
    ("producer_list", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 405, 405, 405, 405]}),
    ("product_export", ["csv"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("product_export", ["xlsx"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("producer_export", ["csv"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("producer_export", ["xlsx"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("product_create", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 200, 200, 200, 200]}),
    ("producer_create", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 200, 200, 200, 200]}),
    ("product_detail", "product_b", {"GET": [LOGIN, 404, 404, 200, 200], "POST": [405] * 5}),
    ("product_edit", "product_b", {"GET": [LOGIN, 404, 404, 200, 200], "POST": [LOGIN, 404, 404, 200, 200]}),
    ("product_preview", "product_b", {"GET": [LOGIN, 404, 404, 200, 200], "POST": [405] * 5}),
    ("producer_detail", "producer_b", {"GET": [LOGIN, 404, 404, 200, 200], "POST": [405] * 5}),
    (
        "producer_edit",
        "producer_b",
        {"GET": [LOGIN, 404, 404, 200, 200], "POST": [LOGIN, 404, 404, 200, 200]},
    ),
    # product_b is pending: B's editor may not publish; the admin may.
    ("product_status", ("product_b", "publish"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]}),
    (
        "product_status",
        ("product_b", "unpublish"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]},
    ),
    ("product_status", ("product_b", "archive"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]}),
    # submit does not apply to a pending product: a message, no change, for everyone allowed.
    ("product_status", ("product_b", "submit"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 302, 302]}),
    ("product_status", ("product_b", "delete"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 404, 404]}),
    # producer_b is a draft: B's editor may submit it.
    (
        "producer_status",
        ("producer_b", "submit"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, "302+", "302+"]},
    ),
    (
        "producer_status",
        ("producer_b", "publish"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]},
    ),
    (
        "producer_status",
        ("producer_b", "archive"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]},
    ),
    # National admins import with the management command (they have no province of their own).
    ("import_upload", None, {"GET": [LOGIN, 200, 200, 200, 403], "POST": [LOGIN, 200, 200, 200, 403]}),
    ("import_template", ["xlsx"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("import_template", ["csv"], {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("import_preview", ["0" * 32], {"GET": [LOGIN, 404, 404, 404, 403], "POST": [LOGIN, 404, 404, 404, 403]}),
    ("password_change", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 200, 200, 200, 200]}),
    ("password_change_done", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 405, 405, 405, 405]}),
    # Changes waiting for approval: B's proposal. Only B's approver (here: the admin) decides;
    # B's editor may withdraw it; A's staff get 404 for all of it.
    ("proposal_list", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("producer_choices", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("ward_choices", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    (
        "proposal_action",
        ("proposal_b", "approve"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]},
    ),
    (
        "proposal_action",
        ("proposal_b", "reject"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]},
    ),
    (
        "proposal_action",
        ("proposal_b", "withdraw"),
        {"GET": [405] * 5, "POST": [LOGIN, 404, 404, "302+", "302+"]},
    ),
    ("proposal_action", ("proposal_b", "delete"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 404, 404]}),
    # Buyers' questions (issue 12): B's question is personal data of B's province only.
    ("inquiry_list", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("inquiry_detail", "inquiry_b", {"GET": [LOGIN, 404, 404, 200, 200], "POST": [405] * 5}),
    ("inquiry_status", ("inquiry_b", "spam"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, "302+", "302+"]}),
    # B's producer has no email: nothing is sent, nothing changes, for those allowed.
    ("inquiry_status", ("inquiry_b", "forward"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 302, 302]}),
    # The province's statistics and its expiring certificates (issue 11): each user's own rows.
    ("statistics", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("expiring_export", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    # Official figures: each user's own province; an empty POST is refused with its messages.
    ("official_list", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [405] * 5}),
    ("official_create", None, {"GET": [LOGIN, 200, 200, 200, 200], "POST": [LOGIN, 200, 200, 200, 200]}),
    ("login", None, {"GET": [200, 302, 302, 302, 302], "POST": [200, 302, 302, 302, 302]}),
    ("logout", None, {"GET": [405] * 5, "POST": [302] * 5}),
]

CELLS = [(role, index) for index in range(len(MATRIX)) for role in ROLES]


def _url(entry, world):
    name, args, _expected = entry
    if args is None:
        return reverse(f"staff:{name}")
    if isinstance(args, str):
        return reverse(f"staff:{name}", args=[world[args].pk])
    if isinstance(args, tuple):
        return reverse(f"staff:{name}", args=[world[args[0]].pk, args[1]])
    return reverse(f"staff:{name}", args=args)


@pytest.fixture
def world(world, proposals):
    """The staff tests' world, with a pending proposal and a buyer's question in each province."""
    from inquiries.models import Inquiry

    questions = {
        f"inquiry_{key}": Inquiry.objects.create(
            producer=world[f"producer_{key}"], name="Người mua", contact="0912345678", message="Xin báo giá."
        )
        for key in ("a", "b")
    }
    return {**world, **proposals, **questions}


@pytest.fixture
def users(editor_a, approver_a, editor_b, admin_user_):
    return {
        "anonymous": None,
        "editor_a": editor_a,
        "approver_a": approver_a,
        "editor_b": editor_b,
        "admin": admin_user_,
    }


def test_matrix_covers_every_staff_url():
    from staff.urls import urlpatterns
    from tests.staff.test_promotion_access import NAMES as PROMOTION_NAMES  # their own matrix

    assert {p.name for p in urlpatterns} == {entry[0] for entry in MATRIX} | PROMOTION_NAMES
    # The number of cells reported in the closing notes: 300 for issue 6's URLs, then 50 more
    # for the approval queue and the approve, reject and withdraw actions (issue 9), 40 for the
    # inbox of buyers' questions (issue 12), 20 for the producer and ward autocompletes (issue 8),
    # then 20 for the statistics page and its expiring-certificates CSV (issue 11), and 20 for
    # the official figures' list and form (issue 11).
    assert len(CELLS) * 2 == 450


@pytest.mark.parametrize(("role", "index"), CELLS, ids=[f"{r}-{MATRIX[i][0]}-{i}" for r, i in CELLS])
def test_role_url_method_matrix(role, index, users, world):
    entry = MATRIX[index]
    url = _url(entry, world)
    for method, expectations in entry[2].items():
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        expected = expectations[ROLES.index(role)]
        before = province_snapshot("nghe-an")

        response = client.get(url) if method == "GET" else client.post(url, {})

        if expected == LOGIN:
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith(reverse("staff:login")), (method, url)
        else:
            assert response.status_code == int(str(expected).rstrip("+")), (method, url)
        if not str(expected).endswith("+"):
            assert province_snapshot("nghe-an") == before, (method, url)


def test_province_a_staff_never_see_province_b_rows_in_lists(client, editor_a, world):
    client.force_login(editor_a)
    questions = client.get(reverse("staff:inquiry_list")).content.decode()
    assert f'data-inquiry="{world["inquiry_a"].pk}"' in questions
    assert f'data-inquiry="{world["inquiry_b"].pk}"' not in questions

    products = client.get(reverse("staff:product_list")).content.decode()
    producers = client.get(reverse("staff:producer_list")).content.decode()
    export = client.get(reverse("staff:product_export", args=["csv"])).getvalue().decode("utf-8-sig")

    assert "Kẹo cu đơ" in products and "Cam Vinh" not in products
    assert "HTX Kẹo cu đơ" in producers and "HTX Nghệ An" not in producers
    assert "Kẹo cu đơ" in export and "Cam Vinh" not in export


def test_product_form_offers_only_own_province_producers(client, editor_a, world):
    client.force_login(editor_a)

    # The producer field is an autocomplete: the page lists no producer, the endpoint suggests.
    page = client.get(reverse("staff:product_create")).content.decode()
    offered = client.get(reverse("staff:producer_choices"), {"q": "HTX"}).json()["results"]

    assert "HTX Nghệ An" not in page
    assert [r["value"] for r in offered] == [f"HTX Kẹo cu đơ — Hà Tĩnh (#{world['producer_a'].pk})"]


def test_editor_cannot_create_product_under_other_province_producer(client, editor_a, world):
    client.force_login(editor_a)
    before = province_snapshot("nghe-an")
    data = {
        "name": "Sản phẩm lạ",
        "producer": world["producer_b"].pk,
        "category": world["product_a"].category_id,
        **{f"{p}-TOTAL_FORMS": "0" for p in ("certificates", "photos", "channels", "newphotos")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("certificates", "photos", "channels", "newphotos")},
    }

    response = client.post(reverse("staff:product_create"), data)

    assert response.status_code == 200
    assert "producer" in response.context["form"].errors
    assert province_snapshot("nghe-an") == before


def test_producer_form_ignores_posted_province_and_foreign_ward(client, editor_a, world):
    from producers.models import Producer, Ward

    client.force_login(editor_a)
    foreign_ward = Ward.objects.filter(province__slug="nghe-an").first()

    response = client.post(
        reverse("staff:producer_create"),
        {"name": "Tổ hợp tác Mới", "kind": "cooperative_group", "province": world["producer_b"].province_id},
    )
    bad_ward = client.post(
        reverse("staff:producer_create"),
        {"name": "Tổ hợp tác Khác", "kind": "cooperative_group", "ward": foreign_ward.pk},
    )

    assert response.status_code == 302
    assert Producer.objects.get(name="Tổ hợp tác Mới").province.slug == "ha-tinh"
    assert bad_ward.status_code == 200 and "ward" in bad_ward.context["form"].errors
    assert not Producer.objects.filter(name="Tổ hợp tác Khác").exists()


def test_user_without_province_gets_403(client, db):
    from tests.factories import make_staff

    client.force_login(make_staff(username="nobody", province_slug=None))

    assert client.get(reverse("staff:dashboard")).status_code == 403
    assert client.get(reverse("staff:product_list")).status_code == 403


def test_empty_post_to_forms_shows_errors_and_writes_nothing(client, editor_a, world):
    from producers.models import Producer

    client.force_login(editor_a)
    counts = Producer.objects.count()

    create = client.post(reverse("staff:producer_create"), {})
    edit = client.post(reverse("staff:producer_edit", args=[world["producer_a"].pk]), {})
    upload = client.post(reverse("staff:import_upload"), {})

    assert "name" in create.context["form"].errors
    assert "name" in edit.context["form"].errors
    assert "file" in upload.context["form"].errors
    assert Producer.objects.count() == counts


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year_founded", "1800"),
        ("email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("kind", "alien"),
    ],
)
def test_bad_producer_input_gets_a_field_message(field, value, client, editor_a, db):
    from producers.models import Producer

    client.force_login(editor_a)

    response = client.post(
        reverse("staff:producer_create"), {"name": "HTX Lỗi", "kind": "enterprise", **{field: value}}
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Producer.objects.filter(name="HTX Lỗi").exists()


def test_403_pages_explain_in_vietnamese_in_the_site_style(client, db):
    from django.test import Client

    from tests.factories import make_staff

    client.force_login(make_staff(username="nobody2", province_slug=None))
    csrf_client = Client(enforce_csrf_checks=True)

    denied = client.get(reverse("staff:dashboard")).content.decode()
    expired = csrf_client.post(reverse("staff:login"), {"username": "x", "password": "y"})

    assert "Không được phép" in denied and 'class="site-header"' in denied
    assert expired.status_code == 403
    assert "Biểu mẫu đã hết hạn" in expired.content.decode()
