"""A buyer's question to a producer ("ask the producer"), kept for the producer's province staff.

The buyer's name, contact and message are personal data: only that province's staff (and the
national admins) read them, through ``Inquiry.objects.editable_by(user)``, and
``manage.py delete_old_inquiries`` deletes them after ``settings.INQUIRY_RETENTION_DAYS``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from producers.models import Producer
from producers.permissions import in_editable_provinces
from products.models import Product

NAME_MAX = 100
CONTACT_MAX = 120
MESSAGE_MAX = 2000
QUANTITY_MAX = 100


class InquiryQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Inquiries ``user`` may read and handle: those to producers of their province."""
        return in_editable_provinces(self, user, province="producer__province")


class Inquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        FORWARDED = "forwarded", _("Forwarded to the producer")
        ANSWERED = "answered", _("Answered")
        SPAM = "spam", _("Spam")

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="inquiries", verbose_name=_("producer")
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("product"),
    )
    name = models.CharField(_("your name"), max_length=NAME_MAX)
    contact = models.CharField(_("phone or email"), max_length=CONTACT_MAX)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    quantity = models.CharField(
        _("quantity wanted"), max_length=QUANTITY_MAX, blank=True, help_text=_("For example 200 boxes.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer's question")
        verbose_name_plural = _("buyers' questions")
        indexes = [models.Index(fields=["producer", "status"], name="inquiry_producer_status")]

    def __str__(self) -> str:
        return f"{self.name} → {self.producer}"
