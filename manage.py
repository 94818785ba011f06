#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_catalog.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Are you sure it's installed and "
            "available on your PYTHONPATH environment variable? Did you "
            "forget to activate a virtual environment?"
        ) from exc
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018  (load the settings now, to report a bad environment)
    except ImproperlyConfigured as error:
        # Django would otherwise bury this under an unrelated "Models aren't loaded yet".
        sys.exit(f"manage.py: {error} For development, set DJANGO_DEBUG=1 (see README.md).")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
