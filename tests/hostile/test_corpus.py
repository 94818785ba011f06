"""Every file of the hostile corpus through the form that takes it: refused with a message in
Vietnamese (nothing changed) or safely accepted (a photo re-encoded, without EXIF), never a 500."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from products.models import Certificate, Product, ProductPhoto
from tests.hostile.make_corpus import CASES, FILES, content
from tests.staff.helpers import province_snapshot
from tests.staff.test_photos import _post_photo

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]", re.I)


def _cases(target):
    return [pytest.param(case, id=case.name) for case in CASES if case.target == target]


def _snapshot():
    return province_snapshot("ha-tinh"), Product.objects.count(), ProductPhoto.objects.count()


def test_corpus_is_large_enough_and_committed():
    assert len(CASES) >= 25
    assert {c.target for c in CASES} == {"photo", "import", "scan"}
    for case in CASES:
        assert case.large or (FILES / case.name).is_file(), f"run tests/hostile/make_corpus.py: {case.name}"


def _assert_clean_jpeg(name: str) -> None:
    with default_storage.open(name) as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    image.load()  # decodes completely
    assert not image.getexif() and b"Exif" not in data and b"<script" not in data


@pytest.mark.parametrize("case", _cases("photo"))
def test_photo_upload(case, client, editor_a, world):
    client.force_login(editor_a)
    before = _snapshot()

    response = _post_photo(client, world["product_a"], content(case), case.name)

    assert response.status_code < 500
    if case.expect == "refused":
        assert response.status_code == 200
        errors = " ".join(str(e) for e in response.context["new_photos"].forms[0].errors.values())
        assert VIETNAMESE.search(errors), errors
        assert _snapshot() == before
        return
    assert response.status_code == 302, response.context and response.context["new_photos"].errors
    photo = ProductPhoto.objects.get()
    for name in (photo.image.name, photo.card_image.name):
        _assert_clean_jpeg(name)
    if case.name == "exif-rotated-gps.jpg":  # turned upright before its orientation tag was dropped
        assert (photo.width, photo.height) == (90, 160)


@pytest.mark.parametrize("case", _cases("import"))
def test_import_upload(case, client, editor_a, world):
    client.force_login(editor_a)
    before = _snapshot()

    response = client.post(
        reverse("staff:import_upload"), {"file": SimpleUploadedFile(case.name, content(case))}
    )

    assert response.status_code < 500
    if case.expect == "refused":
        assert response.status_code == 200
        message = " ".join(response.context["form"].errors["file"])
        assert VIETNAMESE.search(message), message
        assert case.name != "macros.xlsx" or "macro" in message
        assert _snapshot() == before
        return
    assert response.status_code == 302
    assert _snapshot() == before  # read and checked, nothing written before the confirmation
    assert client.get(response["Location"]).status_code == 200
    assert client.post(response["Location"]).status_code < 500  # imported as plain text, or row errors


@pytest.mark.parametrize("case", _cases("scan"))
def test_certificate_scan(case, world):
    certificate = world["product_a"].certificates.first()
    certificate.scan = SimpleUploadedFile(case.name, content(case))

    if case.expect == "refused":
        with pytest.raises(ValidationError) as error:
            certificate.full_clean()
        assert VIETNAMESE.search(" ".join(error.value.message_dict["scan"]))
        assert not Certificate.objects.get(pk=certificate.pk).scan
        return
    certificate.full_clean()
    certificate.save()
    stored = Certificate.objects.get(pk=certificate.pk).scan.name
    assert stored.rsplit(".", 1)[1] in {"pdf", "png", "jpg"} and case.name.rsplit(".", 1)[0] not in stored
