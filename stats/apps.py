from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Public statistics (``/statistics/``) and open data (``/products.csv``, ``/products.json``)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "stats"
    verbose_name = _("Statistics and open data")
