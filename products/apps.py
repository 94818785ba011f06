from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "products"
    verbose_name = _("OCOP products")

    def ready(self):
        from producers import proposals
        from products import media  # noqa: F401  (connects the file-deleting signals)
        from products.proposals import ProductProposals

        proposals.register(ProductProposals())
