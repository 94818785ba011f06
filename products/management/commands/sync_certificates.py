"""Refresh every product's current certificate: run daily, so that revocations dated ahead apply."""

from django.core.management.base import BaseCommand

from products.models import Product


class Command(BaseCommand):
    help = "Refresh each product's current certificate, stars and expiry (run once a day)."

    def handle(self, *args, **options):
        count = Product.objects.sync_current_certificates()
        self.stdout.write(f"{count} products refreshed.")
