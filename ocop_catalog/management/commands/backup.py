"""manage.py backup: the database and the media files, together, in one verified archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ocop_catalog.backup import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = "Write the database and every media file to one archive with a checksum manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Directory for the archive (default: DJANGO_BACKUP_ROOT, %(default)s if unset).",
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="Then delete all but the KEEP newest archives there."
        )

    def handle(self, *args, output, keep, **options):
        directory = output or Path(settings.BACKUP_ROOT)
        try:
            summary = create_backup(destination=directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written and verified: {summary.path} ({summary.tables} tables, {summary.rows:,} rows, "
            f"{summary.files:,} media files, {summary.size / 1_000_000:.1f} MB)."
        )
        for path in prune_backups(directory=directory, keep=keep):
            self.stdout.write(f"Deleted the older backup {path.name}.")
