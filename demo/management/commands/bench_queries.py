import json

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from demo.bench import bench_pages, count_page_queries, time_after_write


class Command(BaseCommand):
    help = (
        "Request each page of the bench with Django's test client on the configured database and "
        "print, as JSON, its path, status and number of SQL queries (used by `bench`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--prime", action="store_true", help="Request each page once first and count the second request."
        )
        parser.add_argument(
            "--clear-cache", action="store_true", help="Empty the configured cache (CACHE_URL) first."
        )
        parser.add_argument(
            "--after-write",
            action="store_true",
            help="Also give each page's queries with nothing kept (the cache emptied first) and the "
            "median time of a request right after a write (the catalog version bumped), in-process.",
        )

    def handle(self, *args, prime: bool, clear_cache: bool, after_write: bool, **options):
        if clear_cache or after_write:
            cache.clear()
        host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "testserver"
        pages = bench_pages()
        client = Client(HTTP_HOST=host)
        first, second = {}, {}
        for page in pages:  # each page with nothing kept, not even what the page before kept
            cache.clear()
            first.update(count_page_queries(client, [page]))
            second.update(count_page_queries(client, [page]))
        counts = second if prime else first
        extra = {p.key: {} for p in pages}
        if after_write:
            timings = time_after_write(client, pages)
            for page in pages:
                extra[page.key] = {
                    "queries_after_write": first[page.key]["queries"],
                    "after_write_ms": round(timings[page.key], 1),
                }
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM products_product")
            (products,) = cursor.fetchone()
        result = {
            "products": products,
            "pages": [
                {"key": p.key, "label": p.label, "path": p.path, **counts[p.key], **extra[p.key]}
                for p in pages
            ],
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
