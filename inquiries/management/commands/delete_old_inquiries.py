"""Delete buyers' questions older than settings.INQUIRY_RETENTION_DAYS (their personal data)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inquiries.services import delete_older_than


class Command(BaseCommand):
    help = "Delete buyers' questions received more than INQUIRY_RETENTION_DAYS days ago (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override INQUIRY_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        days = settings.INQUIRY_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least 1 day.")
        count = delete_older_than(days)
        self.stdout.write(f"{count} questions older than {days} days deleted.")
