import time

from django.core.management.base import BaseCommand, CommandError

from demo.builder import DEMO_PASSWORD, DEMO_USERS, build_demo_catalog
from demo.promotion import build_demo_promotion
from demo.scale import build_scale_catalog

SIGN_IN_URLS = (
    ("http://127.0.0.1:8000/admin/", "Django admin (admin)"),
    ("http://127.0.0.1:8000/staff/", "province staff pages (hatinh, hatinh-duyet, nghean)"),
)
TABLES = (
    "producers",
    "products",
    "certificates",
    "photos",
    "sales channels",
    "product standards",
    "users",
    "province memberships",
)


class Command(BaseCommand):
    help = (
        "Create the demo catalog (producers, products, certificates, photos, channels), the demo "
        "promotion campaigns and the demo accounts. Deterministic and idempotent: rows that already "
        "exist are left alone. With --products N, build a catalog of N generated products instead "
        "(for benchmarks)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--provinces",
            default="",
            help="Comma-separated province slugs to build (default: all 34), e.g. ha-tinh,nghe-an.",
        )
        parser.add_argument("--no-photos", action="store_true", help="Do not generate or attach photos.")
        parser.add_argument(
            "--products",
            type=int,
            default=None,
            metavar="N",
            help=(
                "Build N distinct generated products across all 34 provinces instead of the demo "
                "catalog (the same N gives the same rows; a larger N adds to a smaller one). "
                "Meant for a database of its own, e.g. the benchmark's."
            ),
        )

    def handle(self, *args, provinces: str, no_photos: bool, products: int | None, **options):
        slugs = [slug.strip() for slug in provinces.split(",") if slug.strip()]
        if products is not None:
            if slugs:
                raise CommandError("--products builds every province; leave out --provinces.")
            created = self.build_scale(products, photos=not no_photos, verbosity=options["verbosity"])
            users = [(username, first_name) for username, first_name, *_ in DEMO_USERS]
            promotion = None
        else:
            try:
                result = build_demo_catalog(province_slugs=slugs or None, photos=not no_photos)
            except ValueError as error:
                raise CommandError(str(error)) from error
            created, users = result.created, result.users
            promotion = build_demo_promotion(province_slugs=slugs or None)
        for table in TABLES:
            self.stdout.write(f"{table}: {created[table]} created")
        if promotion is not None:
            for table in ("campaigns", "activities", "livestreams", "videos", "readings", "support"):
                self.stdout.write(f"promotion {table}: {promotion[table]} created")
        self.stdout.write("")
        self.stdout.write(f"How to sign in (password for every demo account: {DEMO_PASSWORD}):")
        for username, description in users:
            self.stdout.write(f"  {username:<14} {description}")
        for url, description in SIGN_IN_URLS:
            self.stdout.write(f"  {url:<32} {description}")

    def build_scale(self, products: int, *, photos: bool, verbosity: int):
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                elapsed = time.monotonic() - started
                self.stdout.write(f"{done:,} / {total:,} products ({elapsed:.0f} s)")

        try:
            result = build_scale_catalog(products=products, photos=photos, progress=progress)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{result.products:,} products in the scale catalog; built in {time.monotonic() - started:.1f} s"
        )
        return result.created
