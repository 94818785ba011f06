"""Official figures in the staff workspace: a province's staff record their own province's only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from producers.models import OfficialTotal
from tests.factories import province

pytestmark = pytest.mark.django_db

LIST, NEW = reverse("staff:official_list"), reverse("staff:official_create")


def post(slug="ha-tinh", **fields) -> dict:
    values = {
        "province": province(slug).pk,
        "as_of": "2023-09-16",
        "total": "250",
        "stars_5": "0",
        "stars_4": "12",
        "stars_3": "238",
        "source": "Báo cáo diễn đàn, 16/9/2023",
        "source_url": "https://example.vn/bao-cao",
    }
    return {**values, **fields}


def figure(slug, total, as_of=datetime.date(2024, 1, 1), source="Báo cáo") -> OfficialTotal:
    return OfficialTotal.objects.create(province=province(slug), as_of=as_of, total=total, source=source)


def test_an_editor_records_a_figure_of_their_province(client, editor_a):
    client.force_login(editor_a)

    response = client.post(NEW, post(), follow=True)

    saved = OfficialTotal.objects.get()
    assert (saved.province.slug, saved.total, saved.stars_4, saved.stars_3) == ("ha-tinh", 250, 12, 238)
    assert saved.recorded_by == editor_a
    assert saved.source_url == "https://example.vn/bao-cao"
    assert response.redirect_chain[-1][0] == LIST
    assert "Đã ghi số liệu chính thức của Hà Tĩnh." in response.content.decode()


def test_the_star_levels_may_be_left_out(client, approver_a):
    client.force_login(approver_a)

    client.post(NEW, post(stars_5="", stars_4="", stars_3="", source_url=""))

    assert OfficialTotal.objects.get().stars_3 is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"stars_3": "237"}, "Ba hạng sao phải cộng lại bằng tổng số."),
        ({"stars_5": "", "stars_4": "", "stars_3": "251"}, "Tổng các hạng sao lớn hơn tổng số."),
        ({"total": "-1", "stars_5": "", "stars_4": "", "stars_3": ""}, "lớn hơn hoặc bằng với 0"),
        ({"stars_4": "-12", "stars_3": "262"}, "lớn hơn hoặc bằng với 0"),
        ({"as_of": "2999-01-01"}, "Ngày của số liệu chính thức không thể ở tương lai."),
        ({"source_url": "javascript:alert(1)"}, "Hãy nhập đường dẫn bắt đầu bằng http:// hoặc https://."),
        (
            {"source_url": "ftp://example.vn/bao-cao"},
            "Hãy nhập đường dẫn bắt đầu bằng http:// hoặc https://.",
        ),
        ({"source": ""}, "Trường này là bắt buộc."),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_saves_nothing(client, editor_a, fields, message):
    client.force_login(editor_a)

    response = client.post(NEW, post(**fields))

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Vui lòng sửa các lỗi bên dưới. Không có gì được lưu." in page
    assert not OfficialTotal.objects.exists()


def test_the_same_province_and_day_twice_is_refused(client, editor_a):
    client.force_login(editor_a)
    client.post(NEW, post())

    response = client.post(NEW, post(total="260", stars_3="248"))

    assert response.status_code == 200
    assert OfficialTotal.objects.get().total == 250


def test_a_nghe_an_editor_cannot_record_for_ha_tinh_even_by_tampering_the_post(client, editor_b):
    client.force_login(editor_b)

    form = client.get(NEW).content.decode()
    response = client.post(NEW, post("ha-tinh"))

    assert "Nghệ An" in form and "Hà Tĩnh" not in form
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    assert not OfficialTotal.objects.exists()
    client.post(NEW, post("nghe-an"))
    assert OfficialTotal.objects.get().province.slug == "nghe-an"


def test_a_national_admin_chooses_any_province(client, admin_user_):
    client.force_login(admin_user_)

    form = client.get(NEW).content.decode()
    client.post(NEW, post("nghe-an", total="10", stars_5="", stars_4="", stars_3=""))

    assert "Nghệ An" in form and "Hà Tĩnh" in form
    assert OfficialTotal.objects.get().province.slug == "nghe-an"


def test_the_list_shows_the_provinces_own_figures_only(client, editor_a, django_assert_num_queries):
    figure("ha-tinh", 250, source="Báo cáo Hà Tĩnh")
    figure("nghe-an", 99, source="Báo cáo Nghệ An")
    client.force_login(editor_a)

    # Session, user, membership (the view's scope), the figures with province and recorder.
    with django_assert_num_queries(4):
        page = client.get(LIST).content.decode()
    for day in range(2, 12):
        figure("ha-tinh", 250 + day, as_of=datetime.date(2024, 1, day))
    with django_assert_num_queries(4):
        more = client.get(LIST).content.decode()

    assert "Báo cáo Hà Tĩnh" in page and "Nghệ An" not in page
    assert more.count("data-official=") == 11


def test_the_form_page_has_bounded_queries(client, admin_user_, django_assert_num_queries):
    client.force_login(admin_user_)

    with django_assert_num_queries(3):  # session, user, the provinces of the choice
        page = client.get(NEW).content.decode()

    assert 'type="date"' in page and timezone.localdate().year > 2000


def test_anonymous_users_are_sent_to_sign_in(client):
    assert client.get(LIST).status_code == 302
    assert client.post(NEW, post()).status_code == 302
    assert not OfficialTotal.objects.exists()
