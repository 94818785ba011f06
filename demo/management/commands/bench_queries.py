import json

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from demo.bench import bench_pages, count_page_queries


class Command(BaseCommand):
    help = (
        "Request each page of the bench once with Django's test client on the configured database "
        "and print, as JSON, its path, status and number of SQL queries (used by `bench`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--prime", action="store_true", help="Request each page once first and count the second request."
        )
        parser.add_argument(
            "--clear-cache", action="store_true", help="Empty the configured cache (CACHE_URL) first."
        )

    def handle(self, *args, prime: bool, clear_cache: bool, **options):
        if clear_cache:
            cache.clear()
        host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "testserver"
        pages = bench_pages()
        counts = count_page_queries(Client(HTTP_HOST=host), pages, prime=prime)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM products_product")
            (products,) = cursor.fetchone()
        result = {
            "products": products,
            "pages": [{"key": p.key, "label": p.label, "path": p.path, **counts[p.key]} for p in pages],
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
