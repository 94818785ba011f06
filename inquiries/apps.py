from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    """Buyers' questions to a producer ("ask the producer"): the public form, storage, email, clean-up."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "inquiries"
    verbose_name = _("Buyers' questions")
