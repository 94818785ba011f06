"""Storing a buyer's question and forwarding it to the producer by email."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inquiries.models import Inquiry
from products.sharing import absolute_url


def forward(inquiry: Inquiry) -> bool:
    """Email ``inquiry`` to its producer, in Vietnamese, as plain text; False when it has no email."""
    producer = inquiry.producer
    if not producer.email:
        return False
    with translation.override("vi"):
        subject = _("A buyer's question from the OCOP catalog: %(name)s") % {
            "name": (inquiry.product or producer).name
        }
        body = render_to_string(
            "inquiries/forward_email.txt",
            {
                "inquiry": inquiry,
                "page_url": absolute_url((inquiry.product or producer).get_absolute_url()),
            },
        )
    send_mail(subject[:150], body, settings.DEFAULT_FROM_EMAIL, [producer.email])
    inquiry.status = Inquiry.Status.FORWARDED
    inquiry.forwarded_at = timezone.now()
    inquiry.save(update_fields=["status", "forwarded_at", "updated_at"])
    return True


def delete_older_than(days: int) -> int:
    """Delete every inquiry received more than ``days`` days ago; returns how many."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    deleted, _by_model = Inquiry.objects.filter(created_at__lt=cutoff).delete()
    return deleted
