"""Import of promotion figures: a dry run that shows every row checked, then all rows or none."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from promotion.models import Reading

pytestmark = pytest.mark.django_db

HEADER = "Mã hoạt động,Chỉ số,Giá trị,Tính đến ngày,Loại nguồn,Liên kết nguồn,Nguồn\n"


def upload(client, text: str):
    file = SimpleUploadedFile("so-lieu.csv", ("\ufeff" + HEADER + text).encode(), content_type="text/csv")
    response = client.post(reverse("staff:figures_upload"), {"file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


GOOD = (
    "video-keo,Lượt xem,1.500.000,05/10/2023,Bảng số liệu của nền tảng,,TikTok Studio\n"
    "phien-livestream-ha-tinh,orders,2100,16/09/2023,press,https://baohatinh.vn/a,\n"
)


def test_a_good_file_is_previewed_then_imported_waiting_for_an_approver(client, editor_a, promo_world):
    client.force_login(editor_a)
    before = Reading.objects.count()
    preview = upload(client, GOOD)

    page = client.get(preview)

    assert page.status_code == 200 and 'data-errors="0"' in page.content.decode()
    assert Reading.objects.count() == before  # a dry run writes nothing
    assert client.post(preview).status_code == 302
    views = Reading.objects.get(activity__slug="video-keo", as_of=datetime.date(2023, 10, 5))
    assert (views.measure, views.value, views.status, views.recorded_by) == (
        "views",
        1_500_000,
        "pending",
        editor_a,
    )
    assert Reading.objects.get(measure="orders", value=2100).source_kind == "press"
    assert client.get(preview).status_code == 404  # the upload is gone once imported


BAD_ROWS = [
    "hoat-dong-nghe-an-kin,views,10,16/09/2023,press,,Báo\n",  # another province's activity
    "video-keo,views,-5,05/10/2023,press,,Báo\n",
    "phien-livestream-ha-tinh,revenue,1000000000001,16/09/2023,press,,Báo\n",
    f"video-keo,views,10,{(timezone.localdate() + datetime.timedelta(days=2)):%d/%m/%Y},press,,Báo\n",
    "video-keo,likes,10,05/10/2023,press,,Báo\n",
    "video-keo,views,10,05/10/2023,rumour,,Báo\n",
    "video-keo,views,10,05/10/2023,press,javascript:alert(1),\n",
    "video-keo,views,10,05/10/2023,press,,\n",
    "phien-livestream-ha-tinh,live_viewers,20000000,16/09/2023,press,,Báo\n",  # above the saved reach
    "video-keo,views,10,06/10/2023,press,,Báo\nvideo-keo,views,11,06/10/2023,press,,Báo\n",  # twice
]


@pytest.mark.parametrize("bad", BAD_ROWS)
def test_a_file_with_one_bad_row_imports_nothing(client, editor_a, promo_world, bad):
    client.force_login(editor_a)
    before = list(Reading.objects.values())
    preview = upload(client, GOOD + bad)

    page = client.get(preview).content.decode()
    confirmed = client.post(preview)

    assert 'data-errors="0"' not in page and "Hoạt động Nghệ An kín" not in page
    assert confirmed.status_code == 200
    assert list(Reading.objects.values()) == before


def test_a_file_without_the_columns_is_refused_with_a_message(client, editor_a, promo_world):
    client.force_login(editor_a)
    file = SimpleUploadedFile("x.csv", b"a,b\n1,2\n", content_type="text/csv")

    response = client.post(reverse("staff:figures_upload"), {"file": file})

    assert response.status_code == 200 and "Mã hoạt động" in response.context["form"].errors["file"][0]


def test_another_users_upload_is_not_found(client, editor_a, approver_a, promo_world):
    client.force_login(editor_a)
    preview = upload(client, GOOD)
    client.force_login(approver_a)

    assert client.get(preview).status_code == 404


def test_exported_figures_cannot_run_as_formulas_and_are_audited(client, editor_a, promo_world, caplog):
    activity = promo_world["promo"].video
    Reading.objects.filter(activity=activity).update(source_text='=HYPERLINK("http://x")')
    client.force_login(editor_a)
    caplog.set_level("INFO", logger="ocop.audit")

    figures = client.get(reverse("staff:reading_export", args=["csv"])).getvalue().decode("utf-8-sig")

    assert "'=HYPERLINK" in figures and "\n=HYPERLINK" not in figures and ",=HYPERLINK" not in figures
    # Only the export's record: a sign-in record may be captured too, depending on logging's order.
    audits = [r.audit for r in caplog.records if r.name == "ocop.audit" and r.audit["event"] == "export"]
    rows = figures.count("\n") - 1  # every line but the header
    assert [(a["what"], a["format"], a["rows"]) for a in audits] == [("readings", "csv", rows)]
