from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo catalog (load_demo_data): a deterministic, idempotent set of rows; no models."""

    name = "demo"
    verbose_name = "Demo catalog"
