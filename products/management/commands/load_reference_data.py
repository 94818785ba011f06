from django.core.management.base import BaseCommand

from producers.reference import load_geography
from products.reference import load_categories


class Command(BaseCommand):
    help = "Load provinces, former provinces, wards, Decision 148 categories and standards. Idempotent."

    def handle(self, *args, **options):
        results = {**load_geography(), **load_categories()}
        if options["verbosity"] == 0:
            return
        for table, (created, updated) in results.items():
            self.stdout.write(f"{table}: {created} created, {updated} updated")
