"""Role × URL × method matrix over every promotion staff URL, aimed at Nghệ An's (B) hidden records.

Roles: anonymous, editor A and approver A (Hà Tĩnh), editor B (Nghệ An), national admin. Each cell
asserts the status code, and that B's promotion records are unchanged unless the cell is a
legitimate write by B's own staff or the national admin.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.staff.promotion_world import B_NAMES, promotion_snapshot

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "approver_a", "editor_b", "admin"]
LOGIN = "login"
OWN = [LOGIN, 404, 404, 200, 200]  # B's record: A's staff get 404, B's staff and the admin see it
EVERYONE = [LOGIN, 200, 200, 200, 200]
APPROVER_ONLY = {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302+"]}
B_EDITS = {"GET": [405] * 5, "POST": [LOGIN, 404, 404, "302+", "302+"]}

MATRIX = [
    ("campaign_list", None, {"GET": EVERYONE, "POST": [LOGIN, 405, 405, 405, 405]}),
    ("campaign_create", None, {"GET": EVERYONE, "POST": EVERYONE}),
    ("campaign_detail", "campaign_b", {"GET": OWN, "POST": [405] * 5}),
    ("campaign_edit", "campaign_b", {"GET": OWN, "POST": OWN}),
    ("campaign_status", ("campaign_b", "publish"), APPROVER_ONLY),
    ("campaign_status", ("campaign_b", "archive"), APPROVER_ONLY),
    ("campaign_status", ("campaign_b", "submit"), B_EDITS),
    ("campaign_status", ("campaign_b", "delete"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 404, 404]}),
    ("support_create", "campaign_b", {"GET": OWN, "POST": OWN}),
    ("support_status", ("support_b", "publish"), APPROVER_ONLY),
    ("activity_list", None, {"GET": EVERYONE, "POST": [LOGIN, 405, 405, 405, 405]}),
    ("activity_export", ["csv"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("activity_export", ["xlsx"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("reading_status", ("reading_b", "archive"), APPROVER_ONLY),
    ("reading_status", ("reading_b", "delete"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 404, 404]}),
    ("activities_upload", None, {"GET": EVERYONE, "POST": EVERYONE}),
    ("activities_template", ["csv"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("activities_template", ["xlsx"], {"GET": EVERYONE, "POST": [405] * 5}),
    (
        "activities_preview",
        ["0" * 32],
        {"GET": [LOGIN, 404, 404, 404, 404], "POST": [LOGIN, 404, 404, 404, 404]},
    ),
    ("figures_upload", None, {"GET": EVERYONE, "POST": EVERYONE}),
    ("figures_template", ["csv"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("figures_template", ["xlsx"], {"GET": EVERYONE, "POST": [405] * 5}),
    (
        "figures_preview",
        ["0" * 32],
        {"GET": [LOGIN, 404, 404, 404, 404], "POST": [LOGIN, 404, 404, 404, 404]},
    ),
    ("reading_export", ["csv"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("reading_export", ["xlsx"], {"GET": EVERYONE, "POST": [405] * 5}),
    ("activity_create", None, {"GET": EVERYONE, "POST": EVERYONE}),
    ("activity_detail", "activity_b", {"GET": OWN, "POST": [405] * 5}),
    ("activity_edit", "activity_b", {"GET": OWN, "POST": OWN}),
    ("activity_status", ("activity_b", "publish"), APPROVER_ONLY),
    ("activity_status", ("activity_b", "unpublish"), {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, 302]}),
    ("reading_create", "activity_b", {"GET": OWN, "POST": OWN}),
    ("reading_publish", "activity_b", {"GET": [405] * 5, "POST": [LOGIN, 404, 404, 403, "302"]}),
]
NAMES = {entry[0] for entry in MATRIX}
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
def users(editor_a, approver_a, editor_b, admin_user_):
    return {
        "anonymous": None,
        "editor_a": editor_a,
        "approver_a": approver_a,
        "editor_b": editor_b,
        "admin": admin_user_,
    }


def test_matrix_covers_every_promotion_url():
    from staff.urls import urlpatterns

    promotion = {
        p.name
        for p in urlpatterns
        if any(part in str(p.pattern) for part in ("campaigns/", "activities/", "figures/", "support/"))
    }
    assert promotion == NAMES
    # 280 for issue 10's first URLs, then 40 for the activity import's upload, templates, preview.
    assert len(CELLS) * 2 == 320


@pytest.mark.parametrize(("role", "index"), CELLS, ids=[f"{r}-{MATRIX[i][0]}-{i}" for r, i in CELLS])
def test_role_url_method_matrix(role, index, users, promo_world):
    entry = MATRIX[index]
    url = _url(entry, promo_world)
    for method, expectations in entry[2].items():
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        expected = expectations[ROLES.index(role)]
        before = promotion_snapshot("nghe-an")

        response = client.get(url) if method == "GET" else client.post(url, {})

        if expected == LOGIN:
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith(reverse("staff:login")), (method, url)
        else:
            assert response.status_code == int(str(expected).rstrip("+")), (method, url)
        if not str(expected).endswith("+"):
            assert promotion_snapshot("nghe-an") == before, (method, url)
        if role in ("editor_a", "approver_a"):
            body = response.getvalue().decode(errors="replace")
            assert not any(name in body for name in B_NAMES), (method, url)


@pytest.mark.parametrize("name", ["campaign_list", "activity_list", "campaign_create", "activity_create"])
def test_province_a_pages_list_a_and_never_b(client, editor_a, promo_world, name):
    client.force_login(editor_a)

    body = client.get(reverse(f"staff:{name}")).content.decode()

    if name.endswith("list"):
        assert promo_world["campaign_a"].title in body
    assert not any(n in body for n in B_NAMES)
    assert "Cuộc thi video OCOP toàn quốc" not in body  # national: admins only


@pytest.mark.parametrize("subject", ["activity_export", "reading_export"])
def test_exports_hold_only_the_users_province(client, editor_a, promo_world, subject):
    client.force_login(editor_a)

    body = client.get(reverse(f"staff:{subject}", args=["csv"])).getvalue().decode("utf-8-sig")

    assert "Phiên livestream OCOP Hà Tĩnh" in body
    assert not any(n in body for n in B_NAMES)
    assert "4321" not in body and "Video dự thi" not in body
