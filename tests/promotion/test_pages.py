"""Public promotion pages: what they show, what they never show, bad query strings, query counts."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import make_activity, make_product, make_reading
from tests.promotion.scenario import grow

pytestmark = pytest.mark.django_db


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# The campaign list ---------------------------------------------------------------------------


def test_campaign_list_shows_public_campaigns_with_totals_per_measure_and_definitions(client, promo):
    html = html_of(client, "/en/campaigns/")

    assert "Ngày hội chuyển đổi số OCOP Hà Tĩnh" in html and "Cuộc thi video OCOP toàn quốc" in html
    assert "Chiến dịch nháp" not in html
    assert re.search(r'data-measure="reach">14,800,000<', html)
    assert re.search(r'data-measure="views">1,450,000<', html)
    assert re.search(r'data-measure="revenue">485,000,000 ₫<', html)
    assert "Accounts the platform showed the content to" in html
    assert "never added to one another" in html
    assert "Figures dated 01/10/2023 to 20/05/2024" in html or "Figures dated 1 October 2023" in html


def test_campaign_list_filters_by_province_year_and_kind(client, promo):
    by_province = client.get("/campaigns/?province=ha-tinh")
    national = client.get("/campaigns/?province=national")
    by_year = client.get("/campaigns/?year=2024")
    by_kind = client.get("/campaigns/?kind=livestream")

    assert [c.slug for c in by_province.context["page_obj"]] == ["ngay-hoi-chuyen-doi-so-ha-tinh"]
    assert [c.slug for c in national.context["page_obj"]] == ["cuoc-thi-video"]
    assert [c.slug for c in by_year.context["page_obj"]] == ["cuoc-thi-video"]
    assert [c.slug for c in by_kind.context["page_obj"]] == ["ngay-hoi-chuyen-doi-so-ha-tinh"]
    assert list(by_kind.context["totals"]) == ["reach", "live_viewers", "revenue"]  # livestream figures only
    assert list(national.context["totals"]) == ["views"]


@pytest.mark.parametrize(
    "query",
    [
        "province=atlantis",
        "year=abc",
        "year=1999",
        "kind=party",
        "page=abc",
        "page=-1",
        "page=999",
        "province=%00",
    ],
)
def test_campaign_list_bad_query_values_give_a_message_never_a_500(client, promo, query):
    response = client.get(f"/en/campaigns/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày hội chuyển đổi số OCOP Hà Tĩnh" in html
    if not query.startswith("page"):
        assert "is shown" in html or "are shown" in html


def test_campaign_list_query_count_does_not_grow(client, promo, django_assert_num_queries):
    with django_assert_num_queries(CAMPAIGN_LIST_QUERIES):
        client.get("/campaigns/?province=ha-tinh&kind=livestream")
    grow(6)
    with django_assert_num_queries(CAMPAIGN_LIST_QUERIES):
        client.get("/campaigns/?province=ha-tinh&kind=livestream")


CAMPAIGN_LIST_QUERIES = 4  # provinces (filter choices), count, page, totals


# A campaign --------------------------------------------------------------------------------


def test_campaign_page_shows_activities_figures_with_date_and_source_and_featured_products(client, promo):
    html = html_of(client, "/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/")

    for figure in ("14.800.000", "300.000", "485.000.000 ₫", "1.400.000", "1.000.000", "1.000.000.000 ₫"):
        assert figure in html
    assert "15.000.000" not in html and "Hoạt động nháp" not in html and ">999<" not in html
    assert '<time datetime="2023-10-01">01/10/2023</time>' in html
    assert "Báo chí: Báo Hà Tĩnh" in html
    assert 'href="/products/keo-cu-do-thien-cam/"' in html
    assert "Trung ương Đoàn; Tỉnh đoàn Hà Tĩnh" in html


def test_campaign_page_carries_json_ld_events_for_dated_activities_only(client, promo):
    html = html_of(client, "/en/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/")

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    events = {event["name"]: event for event in data}
    assert set(events) == {"Diễn đàn chuyển đổi số", "Phiên livestream OCOP Hà Tĩnh"}  # no video
    live = events["Phiên livestream OCOP Hà Tĩnh"]
    assert live["@type"] == "Event" and live["startDate"] == "2023-09-16T14:00:00+07:00"
    assert live["endDate"] == "2023-09-16T18:00:00+07:00"
    assert live["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert events["Diễn đàn chuyển đổi số"]["startDate"] == "2023-09-16"


@pytest.mark.parametrize(
    "url",
    [
        "/campaigns/chien-dich-nhap/",
        "/campaigns/no-such-campaign/",
        "/campaigns/activities/hoat-dong-nhap/",
        "/campaigns/activities/hoat-dong-an/",
        "/campaigns/activities/hoat-dong-an.ics",
        "/campaigns/activities/video-keo.ics",
    ],
)
def test_unpublished_and_unknown_promotion_pages_are_404(client, promo, url):
    assert client.get(url).status_code == 404


def test_campaign_page_query_count_does_not_grow(client, promo, django_assert_num_queries):
    url = promo.campaign.get_absolute_url()
    with django_assert_num_queries(CAMPAIGN_QUERIES):
        client.get(url)
    for i in range(5):
        video = make_activity(campaign=promo.campaign, kind="video", date=datetime.date(2023, 9, 20 + i))
        make_reading(activity=video, measure="views", value=10 + i, as_of=datetime.date(2023, 10, 1))
        video.featured_products.add(make_product(stars=4))
    grow(3)
    with django_assert_num_queries(CAMPAIGN_QUERIES):
        client.get(url)


CAMPAIGN_QUERIES = 8  # campaign, activities, readings, totals, support, products + photos, producers


def test_activity_page_shows_every_reading_and_a_calendar_link(client, promo):
    html = html_of(client, "/campaigns/activities/video-keo/")

    assert "1.400.000" in html and "1.000.000" in html
    assert "activities/video-keo.ics" not in html  # a video is not an event
    live = html_of(client, "/campaigns/activities/phien-livestream-ha-tinh/")
    assert "/campaigns/activities/phien-livestream-ha-tinh.ics" in live and "application/ld+json" in live


def test_activity_page_query_count_does_not_grow(client, promo, django_assert_num_queries):
    url = promo.livestream.get_absolute_url()
    with django_assert_num_queries(ACTIVITY_QUERIES):
        client.get(url)
    for day in range(2, 8):
        make_reading(
            activity=promo.livestream,
            measure="interactions",
            value=day,
            as_of=datetime.date(2023, 9, day + 16),
        )
        promo.livestream.featured_products.add(make_product(stars=3))
    with django_assert_num_queries(ACTIVITY_QUERIES):
        client.get(url)


ACTIVITY_QUERIES = 5  # activity, readings, products + photos, producers


# Livestreams and calendars ----------------------------------------------------------------------


def test_livestream_list_shows_upcoming_public_sessions_only(client, promo):
    past = make_activity(
        kind="livestream", slug="past-live", date=timezone.localdate() - datetime.timedelta(days=1)
    )
    hidden = make_activity(kind="livestream", slug="hidden-live", date=timezone.localdate(), status="pending")

    response = client.get("/en/campaigns/livestreams/")

    assert [s.slug for s in response.context["sessions"]] == ["livestream-nghe-an-sap-toi"]
    html = response.content.decode()
    assert past.title not in html and hidden.title not in html
    assert 'href="/en/products/keo-lac/"' in html
    assert "/en/campaigns/activities/livestream-nghe-an-sap-toi.ics" in html


def test_livestream_list_query_count_does_not_grow(client, promo, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, sessions, featured products
        client.get("/campaigns/livestreams/")
    grow(5)
    with django_assert_num_queries(3):
        client.get("/campaigns/livestreams/")


def test_calendar_feed_lists_upcoming_sessions_as_valid_icalendar(client, promo, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/campaigns/livestreams/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Livestream Chợ phiên OCOP Nghệ An"]
    start = events[0]["DTSTART"].dt
    day = timezone.localdate() + datetime.timedelta(days=5)
    assert start == timezone.make_aware(datetime.datetime.combine(day, datetime.time(20, 0)))
    assert events[0]["DTEND"].dt - start == datetime.timedelta(minutes=120)
    assert str(events[0]["URL"]).endswith("/campaigns/activities/livestream-nghe-an-sap-toi/")


def test_one_session_calendar_file_is_a_download(client, promo):
    response = client.get("/campaigns/activities/phien-livestream-ha-tinh.ics")

    assert response["Content-Disposition"] == 'attachment; filename="phien-livestream-ha-tinh.ics"'
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["DTSTART"].dt == datetime.datetime(2023, 9, 16, 7, 0, tzinfo=datetime.UTC)
    forum = Calendar.from_ical(client.get("/campaigns/activities/dien-dan.ics").content).walk("VEVENT")[0]
    assert forum["DTSTART"].dt == datetime.date(2023, 9, 16)  # no time known: an all-day entry


# Blocks on other pages -------------------------------------------------------------------------


def test_province_page_shows_its_promotion_totals_and_latest_campaigns(client, promo):
    response = client.get("/en/provinces/ha-tinh/")

    html = response.content.decode()
    assert "Digital promotion" in html
    assert re.search(r'data-measure="reach">14,800,000<', html)
    assert re.search(r'data-measure="views">1,400,000<', html)  # not the national contest's views
    assert [c.slug for c in response.context["promotion"].campaigns] == ["ngay-hoi-chuyen-doi-so-ha-tinh"]
    assert "Digital promotion" not in client.get("/en/provinces/ha-noi/").content.decode()


def test_product_and_producer_pages_say_where_they_were_featured(client, promo):
    product = html_of(client, "/en/products/keo-cu-do-thien-cam/")
    producer = html_of(client, "/en/producers/keo-ba-ly/")

    for html in (product, producer):
        assert "Featured in" in html
        assert 'href="/en/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/"' in html
        assert "Chiến dịch nháp" not in html
    assert "Featured in" not in html_of(client, "/en/products/nuoc-mam-thanh-huong/")


def test_province_product_and_producer_pages_keep_a_bounded_query_count(
    client, promo, django_assert_num_queries
):
    urls = ["/provinces/ha-tinh/", "/products/keo-cu-do-thien-cam/", "/producers/keo-ba-ly/"]
    counts = []
    for url in urls:
        with django_assert_num_queries(PAGE_QUERIES[url]):
            client.get(url)
    grow(4)
    for i in range(4):
        activity = make_activity(kind="video", date=datetime.date(2024, 1, 1 + i))
        activity.featured_products.add(promo.livestream.featured_products.get())
    for url in urls:
        with django_assert_num_queries(PAGE_QUERIES[url]):
            counts.append(client.get(url).status_code)
    assert counts == [200, 200, 200]


PAGE_QUERIES = {
    "/provinces/ha-tinh/": 13,  # the province page's 11, plus promotion totals and latest campaigns
    "/products/keo-cu-do-thien-cam/": 9,  # the product page's 8, plus "featured in"
    "/producers/keo-ba-ly/": 6,  # the producer page's 5, plus "featured in"
}


def test_sitemap_lists_public_campaigns_and_activities(client, promo):
    campaigns = client.get("/sitemap-campaigns.xml").content.decode()
    activities = client.get("/sitemap-activities.xml").content.decode()
    pages = client.get("/sitemap-promotion.xml").content.decode()

    assert "http://testserver/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/" in campaigns
    assert "http://testserver/en/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/" in campaigns
    assert "chien-dich-nhap" not in campaigns
    assert "/campaigns/activities/video-keo/" in activities
    assert "hoat-dong-nhap" not in activities and "hoat-dong-an" not in activities
    assert "http://testserver/campaigns/livestreams/" in pages
