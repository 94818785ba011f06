"""Issue 12, item 3: the staff inbox of buyers' questions is province-scoped."""

import pytest
from django.urls import reverse

from inquiries.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiries(world):
    def ask(product, name):
        return Inquiry.objects.create(
            producer=product.producer,
            product=product,
            name=name,
            contact="0912345678",
            message="Xin báo giá <a href='https://evil.example'>link</a> https://evil.example",
        )

    return {
        "a": ask(world["product_a"], "Người mua Hà Tĩnh"),
        "b": ask(world["product_b"], "Người mua Nghệ An"),
    }


def urls(inquiry) -> list[str]:
    return [
        reverse("staff:inquiry_list"),
        reverse("staff:inquiry_list") + "?status=new",
        reverse("staff:inquiry_detail", args=[inquiry.pk]),
    ]


def test_ha_tinh_question_is_seen_by_ha_tinh_editor_only(client, editor_a, editor_b, inquiries):
    client.force_login(editor_a)
    for url in urls(inquiries["a"]):
        html = client.get(url).content.decode()
        assert "Người mua Hà Tĩnh" in html and "Người mua Nghệ An" not in html, url
    client.force_login(editor_b)
    for url in urls(inquiries["a"])[:2]:
        html = client.get(url).content.decode()
        assert "Người mua Hà Tĩnh" not in html and "Người mua Nghệ An" in html, url
    assert client.get(reverse("staff:inquiry_detail", args=[inquiries["a"].pk])).status_code == 404
    for action in ("spam", "answered", "new", "forward"):
        response = client.post(reverse("staff:inquiry_status", args=[inquiries["a"].pk, action]))
        assert response.status_code == 404
    assert Inquiry.objects.get(pk=inquiries["a"].pk).status == Inquiry.Status.NEW


def test_editor_changes_status_and_links_are_never_html(client, editor_a, inquiries):
    client.force_login(editor_a)
    inquiry = inquiries["a"]
    detail = client.get(reverse("staff:inquiry_detail", args=[inquiry.pk])).content.decode()
    assert "<a href='https://evil.example'>" not in detail and 'href="https://evil.example"' not in detail
    assert "&lt;a href=" in detail

    response = client.post(reverse("staff:inquiry_status", args=[inquiry.pk, "spam"]))
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).status == Inquiry.Status.SPAM
    client.post(reverse("staff:inquiry_status", args=[inquiry.pk, "bogus"]))
    assert Inquiry.objects.get(pk=inquiry.pk).status == Inquiry.Status.SPAM


def test_inbox_query_count_is_flat(client, editor_a, world, inquiries, django_assert_max_num_queries):
    client.force_login(editor_a)
    url = reverse("staff:inquiry_list")
    with django_assert_max_num_queries(12) as first:
        client.get(url)
    for n in range(20):
        Inquiry.objects.create(
            producer=world["producer_a"], name=f"B{n}", contact="0912345678", message="x" * 20
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)
