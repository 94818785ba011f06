"""Django admin works under the site's strict Content-Security-Policy (finding 9).

The policy is not relaxed for /admin/: Django 5.2's admin runs no inline script, and its
widgets (autocomplete, date pickers, the two-box selector) set styles through the DOM, which a
policy allows. Two inline styles are refused, both cosmetic, and accepted: django-simple-history's
history page sets ``style="border-top: 0"`` on its paginator, and Django's change list adds a
``<style>`` for a column width when a user has no bulk actions.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_product

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_pages_and_widgets_run_under_the_policy(browser, live_server, reference_data):
    get_user_model().objects.create_superuser(username="quantri", password="pw-test-12345")
    product = make_product(name="Kẹo cu đơ quản trị")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append((page.url, message.text[:60]))
            if "Content Security Policy" in message.text
            else None
        ),
    )

    page.goto("/admin/login/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", "pw-test-12345")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    for url in [
        "/admin/products/product/",
        f"/admin/products/product/{product.pk}/change/",
        "/admin/products/product/add/",
        "/admin/products/certificate/",
        f"/admin/products/certificate/{product.current_certificate_id}/change/",
        "/admin/producers/producer/",
        f"/admin/producers/producer/{product.producer_id}/change/",
        f"/admin/products/product/{product.pk}/history/",
        "/admin/auth/user/add/",
        "/admin/producers/provincemembership/add/",
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.goto(f"/admin/products/product/{product.pk}/change/")
    page.click("#id_producer + .select2")  # the autocomplete widget opens and searches
    page.wait_for_selector(".select2-results__option")
    context.close()

    history = f"/admin/products/product/{product.pk}/history/"
    assert [text for _url, text in refused if "inline style" not in text] == []
    assert {url.removeprefix(live_server.url) for url, _text in refused} <= {history}
