from django.core.management.base import BaseCommand, CommandError

from demo.builder import DEMO_PASSWORD, build_demo_catalog
from demo.promotion import build_demo_promotion

SIGN_IN_URLS = (
    ("http://127.0.0.1:8000/admin/", "Django admin (admin)"),
    ("http://127.0.0.1:8000/staff/", "province staff pages (hatinh, hatinh-duyet, nghean)"),
)


class Command(BaseCommand):
    help = (
        "Create the demo catalog (producers, products, certificates, photos, channels), the demo "
        "promotion campaigns and the demo accounts. Deterministic and idempotent: rows that already "
        "exist are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--provinces",
            default="",
            help="Comma-separated province slugs to build (default: all 34), e.g. ha-tinh,nghe-an.",
        )
        parser.add_argument("--no-photos", action="store_true", help="Do not generate or attach photos.")

    def handle(self, *args, provinces: str, no_photos: bool, **options):
        slugs = [slug.strip() for slug in provinces.split(",") if slug.strip()]
        try:
            result = build_demo_catalog(province_slugs=slugs or None, photos=not no_photos)
        except ValueError as error:
            raise CommandError(str(error)) from error
        promotion = build_demo_promotion(province_slugs=slugs or None)
        for table in (
            "producers",
            "products",
            "certificates",
            "photos",
            "sales channels",
            "product standards",
            "users",
            "province memberships",
        ):
            self.stdout.write(f"{table}: {result.created[table]} created")
        for table in ("campaigns", "activities", "livestreams", "videos", "readings", "support"):
            self.stdout.write(f"promotion {table}: {promotion[table]} created")
        self.stdout.write("")
        self.stdout.write(f"How to sign in (password for every demo account: {DEMO_PASSWORD}):")
        for username, description in result.users:
            self.stdout.write(f"  {username:<14} {description}")
        for url, description in SIGN_IN_URLS:
            self.stdout.write(f"  {url:<32} {description}")
