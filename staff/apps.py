from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """The /staff/ workspace: views, forms, filters and exports over the domain apps; no models."""

    name = "staff"
    verbose_name = _("Staff workspace")
