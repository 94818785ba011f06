from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromotionConfig(AppConfig):
    """Campaigns, activities, livestreams, videos, result readings and support (a domain app)."""

    name = "promotion"
    verbose_name = _("Digital promotion")
