from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProducersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "producers"
    verbose_name = _("Provinces and producers")

    def ready(self):
        from producers import (
            audit,  # noqa: F401  (connects the sign-in audit receivers)
            catalog_version,
            proposals,
        )

        proposals.register(proposals.ProducerProposals())
        catalog_version.connect()
