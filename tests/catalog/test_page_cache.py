"""The public page cache: anonymous pages come from the cache until the catalog changes.

Each test turns the cache on and shows that a write through one path (staff save, admin save,
import, revocation) or the date passing a certificate's expiry changes the public page at the
next request, while an unchanged catalog is served from the cache.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ocop_catalog.pagecache import HEADER, normalised_query
from producers.models import PublicationStatus
from products.models import Certificate
from tests.factories import import_row, make_producer, make_product, make_staff, province
from tests.sample_catalog import slugs_on_page
from tests.staff.helpers import _FormFields, product_form_data

LIST = "/products/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.CATALOG_SUMMARY_CACHE = True
    cache.clear()
    yield
    cache.clear()


def get(path: str):
    """An anonymous visitor's request (a fresh client: no session cookie)."""
    response = Client().get(path)
    assert response.status_code == 200
    return response


def cached_twice(path: str) -> str:
    """The page, requested twice: the second answer must come from the cache."""
    first = get(path)
    second = get(path)
    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    return second.content.decode()


@pytest.fixture
def product(db):
    producer = make_producer(province_slug="ha-tinh", name="HTX Kẹo cu đơ")
    return make_product(producer=producer, name="Kẹo cu đơ Thiên Cầm", stars=4)


def test_same_query_in_another_order_is_the_same_page():
    assert normalised_query("stars=4&province=ha-tinh&q=") == normalised_query("province=ha-tinh&stars=4")


def test_signed_in_users_are_never_served_from_the_cache(client, product):
    cached_twice(LIST)
    client.force_login(make_staff(username="editor-a"))
    response = client.get(LIST)
    assert HEADER not in response


def test_staff_save_changes_the_product_page(product):
    page = product.get_absolute_url()
    assert "Câu chuyện mới" not in cached_twice(page)
    staff = Client()
    staff.force_login(make_staff(username="approver-a", role="approver"))
    data = product_form_data(product, story="Câu chuyện mới của kẹo")
    assert staff.post(reverse("staff:product_edit", args=[product.pk]), data).status_code == 302
    assert "Câu chuyện mới của kẹo" in get(page).content.decode()


def test_admin_save_changes_the_list(product):
    assert "Kẹo cu đơ Thiên Cầm" in cached_twice(LIST)
    admin = Client()
    admin.force_login(make_staff(username="root", province_slug=None, is_staff=True, is_superuser=True))
    url = reverse("admin:products_product_change", args=[product.pk])
    parser = _FormFields()
    parser.feed(admin.get(url).content.decode())
    form = next(f for f in parser.forms if f["attrs"].get("id") == "product_form")
    data = {name: value for name, value in form["fields"] if name != "csrfmiddlewaretoken"}
    data["name"] = "Kẹo cu đơ Hà Tĩnh"
    assert admin.post(url, data).status_code == 302
    html = get(LIST).content.decode()
    assert "Kẹo cu đơ Hà Tĩnh" in html
    assert "Kẹo cu đơ Thiên Cầm" not in html


def test_import_changes_the_list(product):
    from products.services import run_import

    five_stars = LIST + "?stars=5"
    assert product.slug not in slugs_on_page(cached_twice(five_stars))
    row = import_row(
        product_name=product.name,
        producer_name=product.producer.name,
        stars=5,
        decision_number="999/QĐ-UBND",
        decision_date=(timezone.localdate() - datetime.timedelta(days=10)).strftime("%d/%m/%Y"),
    )
    user = make_staff(username="approver-a", role="approver")
    plan, counts = run_import(rows=[(2, row)], province=province("ha-tinh"), user=user)
    assert counts == {"create": 0, "certificate": 1, "update": 0, "unchanged": 0, "proposed": 0}, plan.rows
    assert product.slug in slugs_on_page(get(five_stars).content.decode())


def test_revocation_takes_the_product_off_the_list(product):
    assert product.slug in slugs_on_page(cached_twice(LIST))
    certificate = Certificate.objects.get(product=product)
    certificate.revoked_on = timezone.localdate()
    certificate.save()
    assert product.slug not in slugs_on_page(get(LIST).content.decode())


def test_certificate_expiring_by_date_leaves_the_list_the_next_day(product, monkeypatch):
    last_day = Certificate.objects.get(product=product).expires_on
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: last_day)
    assert product.slug in slugs_on_page(cached_twice(LIST))
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: last_day + datetime.timedelta(days=1))
    assert product.slug not in slugs_on_page(get(LIST).content.decode())


def test_unpublishing_takes_the_product_page_down(product):
    cached_twice(product.get_absolute_url())
    product.status = PublicationStatus.DRAFT
    product.save()
    assert Client().get(product.get_absolute_url()).status_code == 404


def test_kept_counts_follow_a_revocation_with_the_page_cache_off(product, settings):
    """The bench's cold mode: no page cache, counts kept per catalog version (summary)."""
    settings.PAGE_CACHE = False
    other = make_product(producer=product.producer, name="Mè xửng Thiên Cầm", stars=4)
    province_page = reverse("producers:province_detail", args=["ha-tinh"])
    before = (get(LIST), get("/"), get(province_page))
    assert before[0].context["page_obj"].paginator.count == 2
    assert other.slug in slugs_on_page(before[0].content.decode())  # the page's keys are kept too
    assert before[1].context["totals"]["products"] == 2
    assert before[2].context["total"] == 2
    assert {o.value: o.count for o in before[0].context["facets"]["stars"]}["4"] == 2
    assert other in get(product.get_absolute_url()).context["related_products"]

    certificate = Certificate.objects.get(product=other)
    certificate.revoked_on = timezone.localdate()
    certificate.save()

    after = (get(LIST), get("/"), get(province_page))
    assert after[0].context["page_obj"].paginator.count == 1
    assert other.slug not in slugs_on_page(after[0].content.decode())
    assert after[1].context["totals"]["products"] == 1
    assert after[2].context["total"] == 1
    assert {o.value: o.count for o in after[0].context["facets"]["stars"]}["4"] == 1
    assert other not in get(product.get_absolute_url()).context["related_products"]


def test_kept_cards_follow_an_edit_and_a_revocation_with_the_page_cache_off(product, settings):
    """Product cards are kept per catalog version and day: every page showing one sees an edit next."""
    settings.PAGE_CACHE = False
    province_page = reverse("producers:province_detail", args=["ha-tinh"])
    pages = [LIST, "/", province_page, product.get_absolute_url()]
    for path in pages:
        html = get(path).content.decode()
        assert "Kẹo cu đơ Thiên Cầm" in html, path
        assert path == product.get_absolute_url() or re.search(r'class="badge badge-(valid|expiring)"', html)
        assert get(path).content.decode() == html  # the second time from the kept parts

    product.name = "Kẹo cu đơ Hà Tĩnh"
    product.save()
    for path in pages:
        html = get(path).content.decode()
        assert "Kẹo cu đơ Hà Tĩnh" in html and "Kẹo cu đơ Thiên Cầm" not in html, path

    certificate = Certificate.objects.get(product=product)
    certificate.revoked_on = timezone.localdate()
    certificate.save()
    html = get(LIST + "?status=all").content.decode()
    assert "Kẹo cu đơ Hà Tĩnh" in html and "Chứng nhận đã bị thu hồi" in html
    assert "Kẹo cu đơ Hà Tĩnh" not in get("/").content.decode()


def test_kept_cards_are_per_language(product, settings):
    settings.PAGE_CACHE = False
    vietnamese = get(LIST).content.decode()
    english = get("/en" + LIST).content.decode()
    badge = re.compile(r'<a class="badge badge-(?:valid|expiring)"[^>]*>.*?</a>', re.S)
    assert badge.search(vietnamese).group(0) != badge.search(english).group(0)
    assert "until" in badge.search(english).group(0) or "expires" in badge.search(english).group(0)
    assert "đến" in badge.search(vietnamese).group(0) or "hết hạn" in badge.search(vietnamese).group(0)


def test_kept_sitemap_section_follows_an_unpublished_product(product, settings):
    settings.PAGE_CACHE = False
    location = f"{product.get_absolute_url()}</loc>"
    assert location in get("/sitemap-products.xml").content.decode()
    assert location in get("/sitemap-products.xml").content.decode()  # from the kept XML

    product.status = PublicationStatus.DRAFT
    product.save()
    assert location not in get("/sitemap-products.xml").content.decode()


def test_kept_product_page_goes_down_when_unpublished_with_the_page_cache_off(product, settings):
    settings.PAGE_CACHE = False
    url = product.get_absolute_url()
    assert get(url).content == get(url).content  # the second from the kept context and blocks

    product.status = PublicationStatus.DRAFT
    product.save()
    assert Client().get(url).status_code == 404


def test_a_new_release_never_serves_what_the_one_before_kept(tmp_path, settings, monkeypatch):
    """Kept blocks and cached pages carry the code's fingerprint: a deploy that changes a template
    does not serve blocks rendered by the old one until the next write."""
    from producers import catalog_version

    monkeypatch.delenv("DJANGO_RELEASE", raising=False)
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>old</p>")
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "upload.html").write_text("not code")
    (tmp_path / "env" / "lib").mkdir(parents=True)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin")
    (tmp_path / "env" / "lib" / "module.py").write_text("A = 1")
    try:
        catalog_version.release.cache_clear()
        before = catalog_version.release()
        catalog_version.release.cache_clear()
        (tmp_path / "var" / "upload.html").write_text("changed, still not code")
        (tmp_path / "env" / "lib" / "module.py").write_text("A = 2")  # a package upgrade in a virtualenv
        assert catalog_version.release() == before

        catalog_version.release.cache_clear()
        template.write_text("<p>new</p>")
        after = catalog_version.release()
        assert after != before

        calls = []
        settings.CATALOG_SUMMARY_CACHE = True
        catalog_version.summary("block", lambda: calls.append(1) or "html")
        catalog_version.release.cache_clear()
        monkeypatch.setenv("DJANGO_RELEASE", "v2")
        assert catalog_version.release() == "v2"
        catalog_version.summary("block", lambda: calls.append(1) or "html")
        assert len(calls) == 2  # computed again under the new release
    finally:
        catalog_version.release.cache_clear()


def test_kept_sitemap_page_is_one_copy_however_its_number_is_written(product, settings):
    settings.PAGE_CACHE = False
    first = get("/sitemap-products.xml?p=1").content
    assert get("/sitemap-products.xml?p=01").content == first
    assert get("/sitemap-products.xml").content == first
    assert Client().get("/sitemap-products.xml?p=2").status_code == 404
    for odd in ("²", "1.0", "-1", "9" * 30):  # digits to str.isdigit, not to int(): 404, never 500
        assert Client().get("/sitemap-products.xml", {"p": odd}).status_code == 404, odd
