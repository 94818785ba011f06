"""Files stored for products: certificate scans judged by content, files removed with their rows.

A certificate scan is accepted only if its first bytes say PDF, JPEG or PNG (whatever its
name says), and is stored under a random name with the extension of its content: an HTML
file renamed ``.pdf`` never reaches the media folder, and nothing an uploader names is kept.

A photo's files (page and card renditions) and a certificate's scan are deleted when the
row's deletion is committed, whichever path deleted it (staff pages, an approved proposal,
Django admin, a cascade), and only if no other row still points at the same file.
"""

import uuid
from functools import partial
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MAX_SCAN_BYTES = 10 * 1024 * 1024
_SCAN_SIGNATURES = {"pdf": b"%PDF-", "jpg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}


def _head(file, size: int = 16) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def scan_kind(file) -> str | None:
    """The extension the file's first bytes announce (pdf, jpg or png), or None."""
    head = _head(file)
    return next((ext for ext, magic in _SCAN_SIGNATURES.items() if head.startswith(magic)), None)


@deconstructible
class ScanValidator:
    """Refuse a newly uploaded scan that is not a PDF, JPEG or PNG by content, or too large."""

    def __call__(self, value) -> None:
        if getattr(value, "_committed", True):
            return  # a stored scan was judged when it was uploaded
        if value.size > MAX_SCAN_BYTES:
            raise ValidationError(_("The scan is larger than 10 MB."), code="too_large")
        if value.size == 0 or scan_kind(value.file) is None:
            raise ValidationError(
                _("A certificate scan must be a PDF, JPEG or PNG file."), code="invalid_scan"
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, ScanValidator)


def scan_upload_to(instance, filename: str) -> str:
    """A random name with the extension of the content: never the name the uploader chose."""
    upload = getattr(instance.scan, "_file", None)  # the uploaded file, before it is stored
    kind = scan_kind(upload) if upload is not None else None
    if kind is None:  # saved from code with FieldFile.save(): the (checked) name is all there is
        suffix = Path(filename).suffix.lower().lstrip(".")
        kind = suffix if suffix in _SCAN_SIGNATURES else "bin"
    return f"certificates/{uuid.uuid4().hex}.{kind}"


def _delete_unreferenced(model, fields: tuple[str, ...], name: str) -> None:
    still_used = Q()
    for field in fields:
        still_used |= Q(**{field: name})
    if not model.objects.filter(still_used).exists():
        default_storage.delete(name)


def delete_files_on_commit(instance, fields: tuple[str, ...]) -> None:
    """Once the deletion of ``instance`` commits, delete its files no other row uses."""
    for field in fields:
        name = getattr(instance, field).name
        if name:
            transaction.on_commit(partial(_delete_unreferenced, type(instance), fields, name))


@receiver(post_delete, sender="products.ProductPhoto", dispatch_uid="product-photo-files")
def _photo_deleted(sender, instance, **kwargs) -> None:
    delete_files_on_commit(instance, ("image", "card_image"))


@receiver(post_delete, sender="products.Certificate", dispatch_uid="certificate-scan-file")
def _certificate_deleted(sender, instance, **kwargs) -> None:
    delete_files_on_commit(instance, ("scan",))
