"""Import a products spreadsheet into one province, like the staff import page, for admins."""

import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from producers.models import Province
from products import imports
from products.services import mark_rows_for_approval, run_import


class ProgressBar:
    """A one-line text progress bar on stderr, redrawn at most every 1%."""

    def __init__(self, label: str, stream=None, width: int = 30):
        self.label, self.stream, self.width = label, stream or sys.stderr, width
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 if total == 0 else done * 100 // total
        if percent == self.last:
            return
        self.last = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        text = f"\r{self.label:<6} [{bar}] {percent:3d}% ({done}/{total})" + ("\n" if percent == 100 else "")
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")
        else:
            self.stream.write(text)
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import products and certificates from an XLSX or CSV file made from the staff template into "
        "one province. Checks every row first; writes all rows or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .xlsx or .csv file")
        parser.add_argument("--province", required=True, help="slug of the province, e.g. ha-tinh")
        parser.add_argument("--user", required=True, help="username recorded as author in the history")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="do not draw the progress bar")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            province = Province.objects.get(slug=options["province"])
        except Province.DoesNotExist as error:
            raise CommandError(f"No province with slug {options['province']!r}.") from error
        try:
            user = get_user_model().objects.get(username=options["user"])
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user {options['user']!r}.") from error
        quiet = options["no_progress"] or options["verbosity"] == 0
        started = time.monotonic()
        try:
            rows = imports.read_table(path.read_bytes(), path.name)
        except imports.ImportFileError as error:
            raise CommandError(str(error)) from error
        check = None if quiet else ProgressBar("check", self.stderr)
        if options["dry_run"]:
            plan, counts = imports.plan_import(rows=rows, province=province, progress=check), None
        else:
            # Checks and writes in one transaction, under the province lock (see run_import).
            plan, counts = run_import(
                rows=rows,
                province=province,
                user=user,
                check_progress=check,
                progress=None if quiet else ProgressBar("write", self.stderr),
            )
        if plan.error_rows:
            for row in plan.error_rows:
                for message in row.errors:
                    self.stderr.write(f"row {row.number}: {message}")
            raise CommandError(f"{len(plan.error_rows)} rows have errors; nothing was imported.")
        if counts is None:
            counts = {action: plan.count(action) for action in imports.ACTION_LABELS}
            counts["proposed"] = mark_rows_for_approval(plan, user)
            self.stdout.write(f"Dry run, nothing written: {counts}")
            return
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(plan.rows)} rows into {province.name} in {elapsed:.1f} s: "
                f"{counts['create']} new products, {counts['certificate']} new certificates, "
                f"{counts['update']} updated, {counts['unchanged']} unchanged, "
                f"{counts['proposed']} waiting for approval (changes to published products by a "
                "user who does not approve them)."
            )
        )
