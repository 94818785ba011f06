"""manage.py restore: check a backup archive whole, then bring back its database and media files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ocop_catalog.backup import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from an archive made by manage.py backup. "
        "Every checksum is verified first; a damaged archive is refused before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="An ocop-backup-*.tar file.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument(
            "--check-only", action="store_true", help="Verify the archive and stop; change nothing."
        )

    def handle(self, *args, archive, interactive, check_only, **options):
        try:
            manifest = verify_backup(archive=archive)
        except BackupError as error:
            raise CommandError(f"Nothing was restored. {error}") from error
        tables = manifest["database"]["tables"]
        self.stdout.write(
            f"{archive} is intact: made {manifest['created_at']}, {manifest['database']['vendor']}, "
            f"{len(tables)} tables, {sum(tables.values()):,} rows, "
            f"{sum(name.startswith('media/') for name in manifest['files']):,} media files."
        )
        if check_only:
            return
        if (
            interactive
            and input(
                "This replaces the whole database and overwrites media files. Type 'restore' to go on: "
            )
            != "restore"
        ):
            raise CommandError("Nothing was restored.")
        try:
            summary = restore_backup(archive=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {summary.tables} tables ({summary.rows:,} rows) and {summary.files:,} media files; "
            "counted again: 0 rows lost, 0 files lost. Now run manage.py migrate."
        )
