"""What a page that answers 200 shows: never another province's names (issue 9, findings 15-17).

Hà Tĩnh and Nghệ An are seeded with distinctive names ("ZZLEAK-HATINH-…", "ZZLEAK-NGHEAN-…") on
unpublished and published producers and products, certificates about to expire, history and
pending proposals. Every staff URL (enumerated from ``staff/urls.py``: a new URL without a case
fails ``test_every_staff_url_has_a_leak_case``) is requested as Hà Tĩnh's editor and approver,
exports are read cell by cell, and the response body must not hold a Nghệ An name. The admin is
checked the other way round, for a Nghệ An staff user with admin access.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from producers.models import OfficialTotal, Producer, PublicationStatus, Ward
from products.imports import COLUMNS
from staff.activity_imports import ACTIVITY_COLUMNS
from staff.promotion_imports import READING_COLUMNS
from tests.factories import (
    import_row,
    make_activity,
    make_campaign,
    make_certificate,
    make_producer,
    make_product,
    make_reading,
    make_staff,
    make_support,
)
from tests.staff.helpers import propose_fields

pytestmark = pytest.mark.django_db

HATINH, NGHEAN = "ZZLEAK-HATINH", "ZZLEAK-NGHEAN"
DRAFT, PENDING, PUBLISHED = PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.PUBLISHED


def seed_province(slug: str, tag: str, editor) -> dict:
    """Producers and products of one province named ``tag-…``, in every state a staff page lists."""
    key = slug.replace("-", "")
    today = timezone.localdate()
    draft = make_producer(province_slug=slug, name=f"{tag}-HTX nháp", slug=f"lk-{key}-1", status=DRAFT)
    public = make_producer(province_slug=slug, name=f"{tag}-HTX công bố", slug=f"lk-{key}-2")
    pending = make_product(
        producer=draft, name=f"{tag}-Sản phẩm chờ", slug=f"lk-{key}-3", stars=None, status=PENDING
    )
    make_certificate(
        product=pending,
        stars=4,
        decision_date=today - datetime.timedelta(days=1000),
        expires_on=today + datetime.timedelta(days=20),  # on the dashboard's "expiring" list
    )
    expired = make_product(producer=draft, name=f"{tag}-Sản phẩm hết hạn", slug=f"lk-{key}-4", stars=None)
    make_certificate(
        product=expired,
        stars=3,
        decision_date=today - datetime.timedelta(days=1200),
        expires_on=today - datetime.timedelta(days=5),
    )
    published = make_product(producer=public, name=f"{tag}-Sản phẩm công bố", slug=f"lk-{key}-5", stars=5)
    proposal = propose_fields(published, editor, name=f"{tag}-Tên đề xuất")
    OfficialTotal.objects.create(
        province=published.producer.province, as_of=today, total=9, source=f"{tag}-Báo cáo chính thức"
    )
    return {
        **seed_promotion(slug, tag),
        "inquiry": seed_inquiry(published, tag),
        "draft_producer": draft,
        "producer": public,
        "pending": pending,
        "published": published,
        "proposal": proposal,
    }


def seed_promotion(slug: str, tag: str) -> dict:
    """A draft campaign with a draft video, a waiting figure and draft support, named ``tag-…``."""
    key = slug.replace("-", "")
    campaign = make_campaign(province_slug=slug, title=f"{tag}-Chiến dịch", slug=f"lk-{key}-c", status=DRAFT)
    activity = make_activity(
        campaign=campaign, kind="video", title=f"{tag}-Video", slug=f"video-{key}-lk", status=DRAFT
    )
    reading = make_reading(
        activity=activity, measure="views", value=4321, status=PENDING, source_text=f"{tag}-Nguồn"
    )
    support = make_support(campaign=campaign, recipient=f"{tag}-Người nhận", status=DRAFT)
    return {"campaign": campaign, "activity": activity, "reading": reading, "support": support}


def seed_inquiry(product, tag: str):
    """A buyer's question about the province's product, the buyer named ``tag-…``."""
    from inquiries.models import Inquiry

    return Inquiry.objects.create(
        producer=product.producer,
        product=product,
        name=f"{tag}-Người mua",
        contact="0912345678",
        message="Giá?",
    )


def figures_file(activity_slug: str) -> SimpleUploadedFile:
    """A figures file naming Nghệ An's video by its code (echoed back as typed): nothing else of it shows."""
    header = [column.header for column in READING_COLUMNS]
    values = {"activity": activity_slug, "measure": "Lượt xem", "value": 10, "as_of": "16/09/2023"}
    row = [values.get(column.key, column.example) for column in READING_COLUMNS]
    text = "\n".join(",".join(str(cell) for cell in line) for line in (header, row))
    return SimpleUploadedFile("figures.csv", text.encode())


def activities_file(campaign_slug: str) -> SimpleUploadedFile:
    """An activities file naming Nghệ An's campaign by its code: the preview shows nothing of it."""
    header = [column.header for column in ACTIVITY_COLUMNS]
    values = {"campaign": campaign_slug, "kind": "forum", "title": "Diễn đàn", "date": "16/09/2023"}
    row = [values.get(column.key, "") for column in ACTIVITY_COLUMNS]
    text = "\n".join(",".join(str(cell) for cell in line) for line in (header, row))
    return SimpleUploadedFile("activities.csv", text.encode())


@pytest.fixture
def people(db):
    return {
        "editor_a": make_staff(username="lk-editor-a", province_slug="ha-tinh", role="editor"),
        "approver_a": make_staff(username="lk-approver-a", province_slug="ha-tinh", role="approver"),
        "editor_b": make_staff(username="lk-editor-b", province_slug="nghe-an", role="editor"),
    }


@pytest.fixture
def seeded(people):
    """Hà Tĩnh first, Nghệ An last: Nghệ An's rows are the newest, first in any unscoped history."""
    return {
        "a": seed_province("ha-tinh", HATINH, people["editor_a"]),
        "b": seed_province("nghe-an", NGHEAN, people["editor_b"]),
    }


def body_text(response) -> str:
    """The text a person would read in the response: HTML, JSON, CSV, or every cell of an XLSX."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    return content.decode("utf-8-sig")


def import_file(producer_slug: str) -> SimpleUploadedFile:
    """A file naming Nghệ An's producer by its code: the preview must not say anything of it."""
    workbook = Workbook()
    workbook.active.append([column.header for column in COLUMNS])
    cells = import_row(producer_code=producer_slug)
    workbook.active.append([cells.get(column.key, "") for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("leak.xlsx", buffer.getvalue())


def url(name: str, *args) -> str:
    return reverse(f"staff:{name}", args=args)


# For each staff URL name: the requests made of it, as (method, url, data), from the seeded world.
# "a" is Hà Tĩnh's, the signed-in user's own province. Lists and exports are asked with no filter
# and with a search for "ZZLEAK", which every seeded name matches.
CASES = {
    "dashboard": lambda w: [("GET", url("dashboard"), None)],
    "login": lambda w: [("GET", url("login"), None)],
    "logout": lambda w: [("POST", url("logout"), {})],
    "password_change": lambda w: [("GET", url("password_change"), None)],
    "password_change_done": lambda w: [("GET", url("password_change_done"), None)],
    "producer_list": lambda w: [
        ("GET", url("producer_list"), None),
        ("GET", url("producer_list"), {"q": "ZZLEAK"}),
        ("GET", url("producer_list"), {"status": "draft"}),
    ],
    "producer_export": lambda w: [
        ("GET", url("producer_export", fmt), query)
        for fmt in ("csv", "xlsx")
        for query in (None, {"q": "ZZLEAK"})
    ],
    "producer_create": lambda w: [("GET", url("producer_create"), None)],
    "producer_detail": lambda w: [("GET", url("producer_detail", w["a"]["producer"].pk), None)],
    "producer_edit": lambda w: [("GET", url("producer_edit", w["a"]["draft_producer"].pk), None)],
    "producer_status": lambda w: [
        ("POST", url("producer_status", w["a"]["draft_producer"].pk, "submit"), {})
    ],
    "product_list": lambda w: [
        ("GET", url("product_list"), None),
        ("GET", url("product_list"), {"q": "ZZLEAK"}),
        ("GET", url("product_list"), {"certificate": "expiring"}),
        ("GET", url("product_list"), {"certificate": "expired"}),
    ],
    "product_export": lambda w: [
        ("GET", url("product_export", fmt), query)
        for fmt in ("csv", "xlsx")
        for query in (None, {"q": "ZZLEAK"}, {"certificate": "expired"})
    ],
    "product_create": lambda w: [("GET", url("product_create"), None)],
    "product_detail": lambda w: [("GET", url("product_detail", w["a"]["published"].pk), None)],
    "product_edit": lambda w: [("GET", url("product_edit", w["a"]["pending"].pk), None)],
    "product_preview": lambda w: [("GET", url("product_preview", w["a"]["pending"].pk), None)],
    "product_status": lambda w: [("POST", url("product_status", w["a"]["pending"].pk, "submit"), {})],
    "proposal_list": lambda w: [("GET", url("proposal_list"), None)],
    "proposal_action": lambda w: [("POST", url("proposal_action", w["a"]["proposal"].pk, "withdraw"), {})],
    "import_upload": lambda w: [
        ("GET", url("import_upload"), None),
        ("POST", url("import_upload"), {"file": import_file(w["b"]["draft_producer"].slug)}),
    ],
    "import_template": lambda w: [("GET", url("import_template", fmt), None) for fmt in ("csv", "xlsx")],
    # The preview of an upload: made by posting a file (see leak_check), then read here.
    "import_preview": lambda w: [
        ("UPLOAD", url("import_upload"), {"file": import_file(w["b"]["draft_producer"].slug)})
    ],
    # Promotion (issue 10): campaigns, activities, figures, support.
    "campaign_list": lambda w: [
        ("GET", url("campaign_list"), None),
        ("GET", url("campaign_list"), {"q": "ZZLEAK"}),
    ],
    "campaign_create": lambda w: [("GET", url("campaign_create"), None)],
    "campaign_detail": lambda w: [("GET", url("campaign_detail", w["a"]["campaign"].pk), None)],
    "campaign_edit": lambda w: [("GET", url("campaign_edit", w["a"]["campaign"].pk), None)],
    "campaign_status": lambda w: [("POST", url("campaign_status", w["a"]["campaign"].pk, "submit"), {})],
    "support_create": lambda w: [("GET", url("support_create", w["a"]["campaign"].pk), None)],
    "support_status": lambda w: [("POST", url("support_status", w["a"]["support"].pk, "submit"), {})],
    "activity_list": lambda w: [
        ("GET", url("activity_list"), None),
        ("GET", url("activity_list"), {"q": "ZZLEAK"}),
    ],
    "activity_export": lambda w: [("GET", url("activity_export", fmt), None) for fmt in ("csv", "xlsx")],
    "activity_create": lambda w: [("GET", url("activity_create"), None)],
    "activity_detail": lambda w: [("GET", url("activity_detail", w["a"]["activity"].pk), None)],
    "activity_edit": lambda w: [("GET", url("activity_edit", w["a"]["activity"].pk), None)],
    "activity_status": lambda w: [("POST", url("activity_status", w["a"]["activity"].pk, "submit"), {})],
    "reading_create": lambda w: [("GET", url("reading_create", w["a"]["activity"].pk), None)],
    "reading_publish": lambda w: [("POST", url("reading_publish", w["a"]["activity"].pk), {})],
    "reading_status": lambda w: [("POST", url("reading_status", w["a"]["reading"].pk, "archive"), {})],
    "reading_export": lambda w: [("GET", url("reading_export", fmt), None) for fmt in ("csv", "xlsx")],
    "activities_upload": lambda w: [
        ("GET", url("activities_upload"), None),
        ("POST", url("activities_upload"), {"file": activities_file(w["b"]["campaign"].slug)}),
    ],
    "activities_template": lambda w: [
        ("GET", url("activities_template", fmt), None) for fmt in ("csv", "xlsx")
    ],
    "activities_preview": lambda w: [
        ("UPLOAD", url("activities_upload"), {"file": activities_file(w["b"]["campaign"].slug)})
    ],
    "figures_upload": lambda w: [
        ("GET", url("figures_upload"), None),
        ("POST", url("figures_upload"), {"file": figures_file(w["b"]["activity"].slug)}),
    ],
    "figures_template": lambda w: [("GET", url("figures_template", fmt), None) for fmt in ("csv", "xlsx")],
    "figures_preview": lambda w: [
        ("UPLOAD", url("figures_upload"), {"file": figures_file(w["b"]["activity"].slug)})
    ],
    # The producer and ward autocompletes of the staff forms (issue 8).
    "producer_choices": lambda w: [
        ("GET", url("producer_choices"), {"q": "ZZLEAK"}),
        ("GET", url("producer_choices"), {"q": "HTX"}),
    ],
    "ward_choices": lambda w: [
        ("GET", url("ward_choices"), {"q": "Phường"}),
        ("GET", url("ward_choices"), {"q": "Xã"}),
    ],
    # The province's statistics and its certificates ending within 90 days (issue 11).
    "statistics": lambda w: [("GET", url("statistics"), None)],
    "expiring_export": lambda w: [("GET", url("expiring_export"), None)],
    # Official figures: the list, the form, and the form posted for Nghệ An by tampering.
    "official_list": lambda w: [("GET", url("official_list"), None)],
    "official_create": lambda w: [
        ("GET", url("official_create"), None),
        ("POST", url("official_create"), {"province": w["b"]["producer"].province_id, "total": "1"}),
    ],
    # Buyers' questions (issue 12).
    "inquiry_list": lambda w: [
        ("GET", url("inquiry_list"), None),
        ("GET", url("inquiry_list"), {"status": "new"}),
    ],
    "inquiry_detail": lambda w: [("GET", url("inquiry_detail", w["a"]["inquiry"].pk), None)],
    "inquiry_status": lambda w: [("POST", url("inquiry_status", w["a"]["inquiry"].pk, "answered"), {})],
}
# Only an approver publishes or archives figures: the editor gets 403, which leaks nothing either.
APPROVERS_ONLY = {"reading_publish", "reading_status"}

# Pages that list the signed-in province's own seeded names: they must show them (not vacuous).
SHOWS_OWN = {
    "official_list",
    "producer_choices",
    "expiring_export",
    "inquiry_list",
    "campaign_list",
    "activity_list",
    "activity_export",
    "dashboard",
    "producer_list",
    "product_list",
    "producer_export",
    "product_export",
    "proposal_list",
}


def test_every_staff_url_has_a_leak_case():
    from staff.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == set(CASES)


def responses_of(client, requests):
    for method, path, data in requests:
        if method == "GET":
            yield path, client.get(path, data or {}, follow=True)
        elif method == "POST":
            yield path, client.post(path, data, follow=True)
        else:  # UPLOAD: post the file, then read the preview it redirects to
            upload = client.post(path, data)
            assert upload.status_code == 302, path
            yield upload["Location"], client.get(upload["Location"])


@pytest.mark.parametrize("role", ["editor_a", "approver_a"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_hatinh_staff_never_see_a_nghean_name(name, role, client, people, seeded):
    client.force_login(people[role])

    for path, response in responses_of(client, CASES[name](seeded)):
        refused = role == "editor_a" and name in APPROVERS_ONLY
        assert response.status_code == (403 if refused else 200), path
        text = body_text(response)
        assert NGHEAN.casefold() not in text.casefold(), path
        assert "lk-nghean" not in text, path  # nor their slugs in links
        if name in SHOWS_OWN and "certificate" not in path:
            assert HATINH in text, path


def test_nghean_staff_never_see_a_hatinh_name_on_the_lists(client, people, seeded):
    """The same walls the other way round, on the pages that list most."""
    client.force_login(people["editor_b"])

    for name in (
        "dashboard",
        "producer_list",
        "product_list",
        "producer_export",
        "product_export",
        "proposal_list",
    ):
        for path, response in responses_of(client, CASES[name](seeded)):
            text = body_text(response)
            assert HATINH.casefold() not in text.casefold(), path
            assert NGHEAN in text, path


# Finding 15: the producer form's ward choices ---------------------------------------------------


def test_producer_form_offers_only_the_editors_province_wards(client, people, seeded):
    client.force_login(people["editor_a"])

    response = client.get(url("producer_create"))

    wards = response.context["form"].fields["ward"].queryset
    assert set(wards.values_list("province__slug", flat=True)) == {"ha-tinh"}
    assert wards.count() == Ward.objects.filter(province__slug="ha-tinh").count()
    foreign = Ward.objects.filter(province__slug="nghe-an").first()
    assert f'value="{foreign.pk}"' not in response.content.decode()


def test_producer_form_offers_a_national_admin_every_ward(client, db):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("lk-national", password="pw-test-12345"))

    response = client.get(url("producer_create"))

    assert response.context["form"].fields["ward"].queryset.count() == Ward.objects.count() == 3321


# Finding 16: the dashboard's recent history --------------------------------------------------------


def test_dashboard_recent_history_shows_only_the_editors_province(client, people, seeded):
    client.force_login(people["editor_a"])

    response = client.get(url("dashboard"))

    recent = response.context["recent"]
    assert recent
    assert {record.instance.name.split("-")[1] for record in recent} == {"HATINH"}
    history = response.content.decode().split('id="recent"')[1]
    assert HATINH in history
    assert NGHEAN not in history


# Finding 17: the admin for province staff with admin access ----------------------------------------

ADMIN_CODENAMES = [
    f"{action}_{model}"
    for action in ("view", "add", "change")
    for model in ("producer", "product", "certificate", "productphoto", "saleschannel")
] + ["view_ward", "view_changeproposal"]


@pytest.fixture
def nghean_admin(client, seeded):
    user = make_staff(username="lk-nghean-admin", province_slug="nghe-an", role="approver", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=ADMIN_CODENAMES))
    client.force_login(user)
    return client


def admin_pages(w) -> list[str]:
    b = w["b"]
    return [
        reverse("admin:producers_producer_changelist"),
        reverse("admin:producers_producer_add"),
        reverse("admin:producers_producer_change", args=[b["draft_producer"].pk]),
        reverse("admin:products_product_changelist"),
        reverse("admin:products_product_changelist") + "?q=ZZLEAK",
        reverse("admin:products_product_add"),
        reverse("admin:products_product_change", args=[b["pending"].pk]),
        reverse("admin:products_certificate_changelist"),
        reverse("admin:products_certificate_add"),
        reverse("admin:products_certificate_change", args=[b["pending"].certificates.get().pk]),
        reverse("admin:producers_changeproposal_changelist"),
        reverse("admin:producers_producer_history", args=[b["draft_producer"].pk]),
        reverse("admin:products_product_history", args=[b["published"].pk]),
    ]


def test_admin_pages_of_nghean_staff_list_no_hatinh_producer_or_product(nghean_admin, seeded):
    for path in admin_pages(seeded):
        response = nghean_admin.get(path)

        assert response.status_code == 200, path
        assert HATINH not in response.content.decode(), path


@pytest.mark.parametrize(
    ("app_label", "model_name", "field_name"),
    [
        ("products", "product", "producer"),
        ("products", "certificate", "product"),
        ("producers", "producer", "ward"),
    ],
)
def test_admin_autocompletes_of_nghean_staff_offer_no_hatinh_choice(
    nghean_admin, app_label, model_name, field_name
):
    for term in ("ZZLEAK", ""):
        response = nghean_admin.get(
            reverse("admin:autocomplete"),
            {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
        )

        assert response.status_code == 200
        assert HATINH not in response.content.decode()


def test_admin_form_choices_of_nghean_staff_hold_no_hatinh_producer(nghean_admin, seeded):
    """The choices a form would accept, not only those it renders: an autocomplete renders none."""
    product_form = nghean_admin.get(reverse("admin:products_product_add")).context["adminform"].form
    certificate_form = nghean_admin.get(reverse("admin:products_certificate_add")).context["adminform"].form
    producer_form = nghean_admin.get(reverse("admin:producers_producer_add")).context["adminform"].form

    producers = product_form.fields["producer"].queryset
    assert set(producers.values_list("province__slug", flat=True)) == {"nghe-an"}
    assert not producers.filter(name__startswith=HATINH).exists()
    products = certificate_form.fields["product"].queryset
    assert set(products.values_list("producer__province__slug", flat=True)) <= {"nghe-an"}
    assert set(producer_form.fields["ward"].queryset.values_list("province__slug", flat=True)) == {"nghe-an"}


def test_admin_refuses_a_hatinh_producer_posted_by_nghean_staff(nghean_admin, seeded):
    before = Producer.objects.get(pk=seeded["a"]["draft_producer"].pk).products.count()

    response = nghean_admin.post(
        reverse("admin:products_product_add"),
        {
            "name": "Sản phẩm lạc tỉnh",
            "slug": "san-pham-lac-tinh",
            "producer": seeded["a"]["draft_producer"].pk,
            "category": seeded["b"]["pending"].category_id,
            "status": DRAFT,
        },
    )

    assert response.status_code == 200
    assert "producer" in response.context["adminform"].form.errors
    assert Producer.objects.get(pk=seeded["a"]["draft_producer"].pk).products.count() == before


def test_body_text_reads_every_cell_of_an_xlsx_and_csv():
    """The reader the leak tests rely on finds a name in a CSV and in an XLSX cell."""
    workbook = Workbook()
    workbook.active.append(["x", f"{NGHEAN}-ô"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = io.StringIO()
    csv.writer(rows).writerow(["x", f"{NGHEAN}-ô"])

    class Response:
        streaming = False

    xlsx, text = Response(), Response()
    xlsx.content, text.content = buffer.getvalue(), ("\ufeff" + rows.getvalue()).encode()
    assert NGHEAN in body_text(xlsx)
    assert NGHEAN in body_text(text)
