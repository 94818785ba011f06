import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_render(client, editor_a, world):
    client.force_login(editor_a)
    pa = world["product_a"]
    for url in [
        reverse("staff:dashboard"),
        reverse("staff:product_list"),
        reverse("staff:producer_list"),
        reverse("staff:product_create"),
        reverse("staff:producer_create"),
        reverse("staff:product_detail", args=[pa.pk]),
        reverse("staff:product_edit", args=[pa.pk]),
        reverse("staff:product_preview", args=[pa.pk]),
        reverse("staff:producer_detail", args=[pa.producer_id]),
        reverse("staff:producer_edit", args=[pa.producer_id]),
        reverse("staff:import_upload"),
        reverse("staff:password_change"),
        reverse("staff:product_export", args=["csv"]),
        reverse("staff:product_export", args=["xlsx"]),
        reverse("staff:producer_export", args=["csv"]),
        reverse("staff:import_template", args=["xlsx"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
