from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.bench import PAGE_KEYS, BenchError, BenchOptions, run_bench
from demo.bench_report import MODES


def _numbers(text: str) -> list[int]:
    try:
        numbers = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise CommandError(f"Not a list of numbers: {text!r}") from error
    if not numbers or min(numbers) < 1:
        raise CommandError(f"Give positive numbers: {text!r}")
    return numbers


class Command(BaseCommand):
    help = (
        "Benchmark the public pages: PostgreSQL database ocop_bench_<N> with N generated products "
        "(created or reused), gunicorn with production settings (2 workers), wrk from 127.0.0.1; "
        "prints requests/s, the share of /robots.txt's, p50, p99 and queries per page, cold and "
        "warm, and writes the tables to docs/performance.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="100000", help="Products, comma-separated (default 100000).")
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page (default 10).")
        parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8).")
        parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2).")
        parser.add_argument(
            "--timeout", type=int, default=60, help="Seconds before wrk gives up on a request (default 60)."
        )
        parser.add_argument("--modes", default="cold,warm", help="cold, warm or both (default).")
        parser.add_argument(
            "--pages",
            default="",
            help=f"Only these pages (the baseline always runs): {', '.join(PAGE_KEYS)}.",
        )
        parser.add_argument(
            "--postgres",
            default="postgres://postgres@127.0.0.1:5432",
            help="PostgreSQL server URL, without database (default postgres://postgres@127.0.0.1:5432).",
        )
        parser.add_argument(
            "--cache-url",
            default="redis://127.0.0.1:6379/1",
            help="CACHE_URL given to gunicorn; the bench empties this cache (default redis://127.0.0.1:6379/1).",
        )
        parser.add_argument(
            "--title",
            default="Latest run",
            help="Heading of this run in the report; the same title replaces it.",
        )
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "docs" / "performance.md"),
            help="Markdown report to update (default docs/performance.md).",
        )
        parser.add_argument("--no-write", action="store_true", help="Print the tables only.")

    def handle(self, *args, **options):
        modes = [mode.strip() for mode in options["modes"].split(",") if mode.strip()]
        if not modes or set(modes) - set(MODES):
            raise CommandError(f"--modes takes {', '.join(MODES)}.")
        pages = [key.strip() for key in options["pages"].split(",") if key.strip()] or None
        unknown = set(pages or ()) - set(PAGE_KEYS)
        if unknown:
            raise CommandError(f"Unknown pages: {', '.join(sorted(unknown))}. Known: {', '.join(PAGE_KEYS)}.")
        for name in ("duration", "connections", "threads", "timeout"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        bench_options = BenchOptions(
            sizes=_numbers(options["sizes"]),
            modes=modes,
            duration=options["duration"],
            connections=options["connections"],
            threads=options["threads"],
            timeout=options["timeout"],
            pages=pages,
            postgres=options["postgres"],
            cache_url=options["cache_url"],
            output=None if options["no_write"] else Path(options["output"]),
            title=options["title"],
        )
        try:
            run_bench(bench_options, say=self.stdout.write)
        except BenchError as error:
            raise CommandError(str(error)) from error
        except KeyboardInterrupt:
            raise CommandError("Interrupted; gunicorn was stopped.") from None
