"""Every form control on the staff pages has a label; ids are unique; images carry alt and size."""

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls, self.labels, self.ids, self.images = [], set(), Counter(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if tag == "label" and "for" in attrs:
            self.labels.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append(attrs)
        if tag == "img":
            self.images.append(attrs)


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("staff:product_create"),
        lambda w: reverse("staff:product_edit", args=[w["product_a"].pk]),
        lambda w: reverse("staff:producer_create"),
        lambda w: reverse("staff:producer_edit", args=[w["producer_a"].pk]),
        lambda w: reverse("staff:product_list"),
        lambda w: reverse("staff:producer_list"),
        lambda w: reverse("staff:import_upload"),
        lambda w: reverse("staff:password_change"),
    ],
)
def test_every_control_is_labelled_and_ids_are_unique(url, client, editor_a, world):
    world["product_a"].photos.create(image="products/photos/a.jpg", alt_text="Ảnh", width=10, height=10)
    client.force_login(editor_a)
    parser = Controls()

    parser.feed(client.get(url(world)).content.decode())

    unlabelled = [c for c in parser.controls if c.get("id") not in parser.labels and "aria-label" not in c]
    assert parser.controls
    assert not unlabelled
    assert [i for i, n in parser.ids.items() if n > 1] == []
    for image in parser.images:
        assert image.get("alt") and image.get("width") and image.get("height")
