from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data: builders called by ``manage.py load_demo_data``."""

    name = "demo"
    verbose_name = "Demo data"
