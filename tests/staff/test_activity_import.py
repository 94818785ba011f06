"""Import of promotion activities: a dry run that shows every row checked, then all rows or none."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from producers.models import PublicationStatus
from promotion.models import Activity, Livestream, Video
from staff.activity_imports import ACTIVITY_COLUMNS

pytestmark = pytest.mark.django_db

KEYS = [c.key for c in ACTIVITY_COLUMNS]
CAMPAIGN_A = "ngay-hoi-chuyen-doi-so-ha-tinh"  # Hà Tĩnh's published campaign in promo_world
CAMPAIGN_B = "chien-dich-nghe-an-kin"  # Nghệ An's draft campaign: hidden from Hà Tĩnh's staff


def line(**values) -> list:
    return [values.get(key, "") for key in KEYS]


LIVESTREAM = line(
    campaign=CAMPAIGN_A,
    kind="Phiên livestream",
    title="Livestream nhập từ tệp",
    date="20/09/2023",
    start_time="20:00",
    link="https://www.tiktok.com/@ocophatinh/live",
    platform="TikTok",
    hosts="Đoàn thanh niên Hà Tĩnh",
    duration="120",
)
VIDEO = line(
    kind="video",
    title="Video nhập từ tệp",
    date="01/10/2023",
    platform="youtube",
    creator="Nhóm sáng tạo Thạch Hà",
    video_url="https://www.youtube.com/watch?v=abc",
)
FAIR = line(
    kind="Hội chợ", title="Hội chợ nhập từ tệp", date="2023-10-05", place="TP Hà Tĩnh", participants="1.200"
)


def csv_text(*rows) -> str:
    lines = [[c.header for c in ACTIVITY_COLUMNS], *rows]
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in lines) + "\n"


def csv_file(*rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("hoat-dong.csv", ("\ufeff" + csv_text(*rows)).encode(), content_type="text/csv")


def upload(client, file) -> str:
    response = client.post(reverse("staff:activities_upload"), {"file": file})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def preview_errors(page) -> list[str]:
    return [error for row in page.context["error_rows"] for error in row.errors]


def imported():
    return Activity.objects.filter(title__endswith="nhập từ tệp")


def test_a_good_csv_is_previewed_then_imported_as_drafts_with_history_and_an_audit_record(
    client, editor_a, promo_world, caplog
):
    client.force_login(editor_a)
    caplog.set_level("INFO", logger="ocop.audit")
    preview = upload(client, csv_file(LIVESTREAM, VIDEO, FAIR))

    page = client.get(preview)

    body = page.content.decode()
    assert page.status_code == 200 and 'data-errors="0"' in body, preview_errors(page)
    assert "Livestream nhập từ tệp" in body and "Ngày hội chuyển đổi số OCOP Hà Tĩnh" in body
    assert not imported().exists()  # a dry run writes nothing

    assert client.post(preview).status_code == 302

    live, video, fair = (imported().get(kind=kind) for kind in ("livestream", "video", "fair"))
    assert live.title == "Livestream nhập từ tệp" and live.campaign == promo_world["campaign_a"]
    assert (live.date, live.start_time) == (datetime.date(2023, 9, 20), datetime.time(20, 0))
    assert (live.livestream.platform, live.livestream.hosts, live.livestream.duration_minutes) == (
        "tiktok",
        "Đoàn thanh niên Hà Tĩnh",
        120,
    )
    assert (video.campaign, video.video.platform, video.video.creator) == (
        None,
        "youtube",
        "Nhóm sáng tạo Thạch Hà",
    )
    assert video.video.url == "https://www.youtube.com/watch?v=abc"
    assert (fair.place, fair.participants, fair.date) == ("TP Hà Tĩnh", 1200, datetime.date(2023, 10, 5))
    for activity in (live, video, fair):
        assert activity.province.slug == "ha-tinh"
        assert activity.status == PublicationStatus.DRAFT  # as the activity form creates them
        assert activity.slug  # made by the same service as the form's
        assert [(h.history_type, h.history_user) for h in activity.history.all()] == [("+", editor_a)]
    assert Livestream.history.get(activity_id=live.pk).history_user == editor_a
    assert Video.history.get(activity_id=video.pk).history_user == editor_a
    audits = [r.audit for r in caplog.records if r.name == "ocop.audit" and r.audit["event"] == "import"]
    assert [(a["what"], a["file"], a["rows"], a["user"]) for a in audits] == [
        ("activities", "hoat-dong.csv", 3, "editor-a")
    ]
    assert client.get(preview).status_code == 404  # the upload is gone once imported


def test_a_good_xlsx_with_date_and_time_cells_is_imported_by_an_approver_as_drafts(
    client, approver_a, promo_world
):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([c.header for c in ACTIVITY_COLUMNS])
    row = LIVESTREAM.copy()
    row[KEYS.index("date")] = datetime.datetime(2023, 9, 20)
    row[KEYS.index("start_time")] = datetime.time(19, 30)
    row[KEYS.index("duration")] = 90
    sheet.append(row)
    sheet.append(VIDEO)
    data = io.BytesIO()
    workbook.save(data)
    client.force_login(approver_a)
    preview = upload(client, SimpleUploadedFile("hoat-dong.xlsx", data.getvalue()))

    assert client.post(preview).status_code == 302

    live = imported().get(kind="livestream")
    assert (live.date, live.start_time, live.livestream.duration_minutes) == (
        datetime.date(2023, 9, 20),
        datetime.time(19, 30),
        90,
    )
    assert set(imported().values_list("status", flat=True)) == {PublicationStatus.DRAFT}
    assert imported().get(kind="video").video.creator == "Nhóm sáng tạo Thạch Hà"


BAD_ROWS = [
    (line(kind="webinar", title="Lỗi nhập từ tệp", date="20/09/2023"), "Loại hình"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="31/02/2023"), "Ngày"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", start_time="25:00"), "Giờ bắt đầu"),
    (line(kind="forum", title="", date="20/09/2023"), "Tiêu đề"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date=""), "Ngày"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", link="www.ocop.vn"), "Liên kết"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", link="javascript:alert(1)"), "Liên kết"),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", participants="-5"), "Người tham gia"),
    (
        line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", participants="900000000"),
        "Người tham gia",
    ),
    (line(kind="livestream", title="Lỗi nhập từ tệp", date="20/09/2023", platform="MySpace"), "Nền tảng"),
    (line(kind="livestream", title="Lỗi nhập từ tệp", date="20/09/2023"), "Nền tảng"),  # required there
    (
        line(kind="livestream", title="Lỗi", date="20/09/2023", platform="tiktok", duration="5000"),
        "Thời lượng",
    ),
    (
        line(kind="video", title="Lỗi", date="20/09/2023", platform="tiktok", video_url="ftp://x.vn/v"),
        "Liên kết video",
    ),
    (line(kind="forum", title="Lỗi nhập từ tệp", date="20/09/2023", hosts="Ai đó"), "Người dẫn"),
    (line(kind="fair", title="Lỗi nhập từ tệp", date="20/09/2023", province="Nghệ An"), "Tỉnh/thành phố"),
    (line(kind="forum", title="x" * 300, date="20/09/2023"), "Tiêu đề"),
]


@pytest.mark.parametrize(("bad", "header"), BAD_ROWS)
def test_a_file_with_one_bad_row_imports_nothing(client, editor_a, promo_world, bad, header):
    client.force_login(editor_a)
    before = list(Activity.objects.values())
    preview = upload(client, csv_file(LIVESTREAM, VIDEO, bad))

    page = client.get(preview)
    confirmed = client.post(preview)

    errors = preview_errors(page)
    assert errors and all(error.startswith(header) for error in errors), errors
    assert confirmed.status_code == 200 and "Tệp có lỗi nên chưa nhập dòng nào." in confirmed.content.decode()
    assert list(Activity.objects.values()) == before


def test_a_rule_only_the_database_checks_is_caught_on_confirmation_and_nothing_is_written(
    client, editor_a, promo_world
):
    client.force_login(editor_a)
    zero = line(
        kind="livestream", title="Lỗi nhập từ tệp", date="20/09/2023", platform="tiktok", duration="0"
    )
    preview = upload(client, csv_file(LIVESTREAM, zero))

    confirmed = client.post(preview)

    assert confirmed.status_code == 200
    assert [row.number for row in confirmed.context["error_rows"]] == [3]
    assert not imported().exists() and not Activity.objects.filter(title="Lỗi nhập từ tệp").exists()


def test_another_provinces_campaign_gets_the_same_message_as_a_code_that_does_not_exist(
    client, editor_a, promo_world
):
    client.force_login(editor_a)
    foreign = line(campaign=CAMPAIGN_B, kind="forum", title="Một", date="20/09/2023")
    missing = line(campaign="khong-co-chien-dich-nay", kind="forum", title="Hai", date="20/09/2023")
    national = line(campaign="cuoc-thi-video", kind="forum", title="Ba", date="20/09/2023")

    page = client.get(upload(client, csv_file(foreign, missing, national)))

    messages = [row.errors for row in page.context["error_rows"]]
    assert len(messages) == 3 and messages[0] == messages[1] == messages[2], messages
    assert len(messages[0]) == 1 and messages[0][0].startswith("Mã chiến dịch: ")
    body = page.content.decode()
    assert "Chiến dịch Nghệ An kín" not in body and "Cuộc thi video OCOP toàn quốc" not in body


def test_province_staff_add_in_their_own_province_whatever_the_file_says(client, editor_a, promo_world):
    client.force_login(editor_a)
    own = line(kind="forum", title="Diễn đàn nhập từ tệp", date="20/09/2023", province="ha tinh")
    national = line(kind="forum", title="Quốc gia nhập từ tệp", date="20/09/2023", province="Cấp quốc gia")

    page = client.get(upload(client, csv_file(own, national)))

    assert [row.number for row in page.context["error_rows"]] == [3]
    assert page.context["error_rows"][0].errors[0].startswith("Tỉnh/thành phố: ")


def test_a_national_admin_names_the_province_or_leaves_it_national(client, admin_user_, promo_world):
    client.force_login(admin_user_)
    nghe_an = line(kind="forum", title="Nghệ An nhập từ tệp", date="20/09/2023", province="Nghệ An")
    national = line(kind="training", title="Quốc gia nhập từ tệp", date="20/09/2023")
    in_b = line(campaign=CAMPAIGN_B, kind="fair", title="Chiến dịch B nhập từ tệp", date="20/09/2023")
    contest = line(campaign="cuoc-thi-video", kind="forum", title="Cuộc thi nhập từ tệp", date="03/05/2024")
    preview = upload(client, csv_file(nghe_an, national, in_b, contest))

    assert client.post(preview).status_code == 302

    provinces = dict(imported().values_list("title", "province__slug"))
    assert provinces == {
        "Nghệ An nhập từ tệp": "nghe-an",
        "Quốc gia nhập từ tệp": None,
        "Chiến dịch B nhập từ tệp": "nghe-an",
        "Cuộc thi nhập từ tệp": None,
    }
    assert imported().get(title="Chiến dịch B nhập từ tệp").campaign == promo_world["campaign_b"]


def test_a_campaign_of_another_province_than_the_named_one_is_the_models_error(
    client, admin_user_, promo_world
):
    client.force_login(admin_user_)
    clash = line(campaign=CAMPAIGN_A, kind="forum", title="Sai tỉnh", date="20/09/2023", province="Nghệ An")

    page = client.get(upload(client, csv_file(clash)))

    assert preview_errors(page) == [
        "Tỉnh/thành phố: Phải là tỉnh/thành phố của chiến dịch (để trống nếu là chiến dịch toàn quốc)."
    ]


def test_the_same_activity_twice_or_one_already_saved_is_flagged(client, editor_a, promo_world):
    client.force_login(editor_a)
    again = VIDEO.copy()
    again[KEYS.index("title")] = "VIDEO  nhập từ TỆP"  # the same title, folded
    saved = line(kind="forum", title="Diễn đàn chuyển đổi số", date="16/09/2023")  # in promo_world

    page = client.get(upload(client, csv_file(VIDEO, again, saved)))

    errors = {row.number: row.errors for row in page.context["error_rows"]}
    assert set(errors) == {3, 4}
    assert "2" in errors[3][0]  # names the first row
    assert client.post(upload(client, csv_file(VIDEO, again, saved))).status_code == 200
    assert not imported().exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("hoat-dong.csv", b"", "rỗng"),
        ("hoat-dong.csv", csv_text().encode(), "Tệp không có dòng hoạt động nào."),
        ("hoat-dong.pdf", b"%PDF-1.4", ".xlsx"),
        ("hoat-dong.xlsx", b"not a zip", "XLSX"),
        ("hoat-dong.csv", b"a,b\n1,2\n", "Loại hình"),
        (
            "hoat-dong.csv",
            "\ufeff".encode() + csv_text(line(kind="forum", title="A\x07", date="1/1/2024")).encode(),
            "U+0007",
        ),
        ("hoat-dong.csv", "Tiêu đề\n".encode("utf-16"), "UTF-8"),
    ],
)
def test_an_unreadable_file_gets_a_message_and_nothing_is_written(
    client, editor_a, promo_world, name, content, expected
):
    client.force_login(editor_a)
    before = Activity.objects.count()

    response = client.post(reverse("staff:activities_upload"), {"file": SimpleUploadedFile(name, content)})

    assert response.status_code == 200
    assert expected in " ".join(response.context["form"].errors["file"])
    assert Activity.objects.count() == before


def test_another_users_upload_is_not_found(client, editor_a, approver_a, promo_world):
    client.force_login(editor_a)
    preview = upload(client, csv_file(VIDEO))
    client.force_login(approver_a)

    assert client.get(preview).status_code == 404
    assert client.post(preview).status_code == 404
    assert not imported().exists()


def test_the_template_has_the_columns_and_reads_back_as_a_valid_row(client, editor_a, promo_world):
    client.force_login(editor_a)

    template = client.get(reverse("staff:activities_template", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(template.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.header for c in ACTIVITY_COLUMNS]
    preview = upload(client, SimpleUploadedFile("mau.xlsx", template.getvalue()))
    assert 'data-errors="0"' in client.get(preview).content.decode()


def _preview_queries(client, preview) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(preview).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor_a", "admin_user_"])
def test_the_preview_runs_the_same_queries_for_2_rows_as_for_40(client, request, role, promo_world):
    client.force_login(request.getfixturevalue(role))
    few = upload(client, csv_file(LIVESTREAM, VIDEO))
    many_rows = []
    for n in range(20):
        for row in (LIVESTREAM, VIDEO):
            copy = row.copy()
            copy[KEYS.index("title")] = f"{row[KEYS.index('title')]} {n}"
            many_rows.append(copy)
    many = upload(client, csv_file(*many_rows))
    _preview_queries(client, few)  # the session and the user, loaded alike either way

    assert _preview_queries(client, many) == _preview_queries(client, few) <= 10


def test_the_same_title_on_two_days_makes_two_activities_with_their_own_slugs(client, editor_a, promo_world):
    client.force_login(editor_a)
    second = FAIR.copy()
    second[KEYS.index("date")] = "06/10/2023"
    preview = upload(client, csv_file(FAIR, second))

    assert client.post(preview).status_code == 302

    fairs = imported().filter(kind="fair").order_by("date")
    assert [f.date for f in fairs] == [datetime.date(2023, 10, 5), datetime.date(2023, 10, 6)]
    assert len({f.slug for f in fairs}) == 2
