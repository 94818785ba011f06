"""Backup and restore of the database and the media files together, in one verified archive.

An archive is an uncompressed tar file (the database dump is compressed already, photos are
JPEG) holding:

    database.pgdump    PostgreSQL: ``pg_dump --format=custom``
    database.sqlite3   SQLite: a copy made with SQLite's online backup API
    media/<path>       every file under MEDIA_ROOT
    manifest.json      the database vendor, the row count of every table, and the SHA-256 and
                       size of every other member
    manifest.sha256    the SHA-256 of manifest.json

The database is captured first, then the media files: an upload is written to disk before
its row is committed, so every file that a captured row names is in the archive. On
PostgreSQL the row counts come from the very snapshot that pg_dump reads. A restore checks
every checksum before it touches anything, then restores the database (PostgreSQL: in one
transaction) and the files, and counts again: the command fails unless 0 rows and 0 files
are lost.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.sha256"
MEDIA = "media/"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message tells the operator why."""


@dataclass(frozen=True)
class Summary:
    path: Path
    tables: int
    rows: int
    files: int
    size: int


# Backup ------------------------------------------------------------------------------------


def create_backup(*, destination: Path, using: str = "default") -> Summary:
    """Write the database and every media file to a new archive; ``destination`` is a directory."""
    connection = connections[using]
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    destination = Path(destination).resolve()
    if destination.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise BackupError("Keep backups outside the media folder: the web server publishes it.")
    destination.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    final = destination / f"ocop-backup-{stamp}.tar"
    partial = final.with_suffix(".tar.partial")
    try:
        manifest = _write_archive(connection, partial)
    except BaseException:
        partial.unlink(missing_ok=True)  # a half-written archive must never look like a backup
        raise
    os.replace(partial, final)
    verify_backup(archive=final)
    return _summary(final, manifest)


def _write_archive(connection, path: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="ocop-backup-") as work:
        dump = Path(work) / DUMPS[connection.vendor]
        tables = _dump_database(connection, dump)
        # Backups hold password hashes and personal data: readable by the owner only.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
            files = {dump.name: _add_file(tar, dump, dump.name)}
            for media_path, name in _media_files():
                files[name] = _add_file(tar, media_path, name)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "database": {"vendor": connection.vendor, "file": dump.name, "tables": tables},
                "files": files,
            }
            _add_manifest(tar, manifest)
    return manifest


def _dump_database(connection, target: Path) -> dict[str, int]:
    if connection.vendor == "postgresql":
        return _dump_postgresql(connection, target)
    return _dump_sqlite(connection, target)


def _dump_postgresql(connection, target: Path) -> dict[str, int]:
    """pg_dump and the row counts from one snapshot, so that the manifest matches the dump."""
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside a database transaction.")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run_pg(
            connection,
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
            f"--file={target}",
        )
        tables = connection.introspection.table_names(cursor)
        return _count_rows(cursor, tables, connection.ops.quote_name)


def _dump_sqlite(connection, target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # the online backup API: a consistent copy
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
        tables = sorted(row[0] for row in cursor.fetchall())
        return _count_rows(cursor, tables, connection.ops.quote_name)
    finally:
        copy.close()


def _count_rows(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from the catalogue
        counts[table] = cursor.fetchone()[0]
    return counts


def _media_files():
    """(path, archive name) of every regular file under MEDIA_ROOT, in a stable order."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path, MEDIA + path.relative_to(root).as_posix()


class _HashingReader:
    """A file wrapper that hashes exactly the bytes tarfile reads into the archive."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    with path.open("rb") as file:
        info = tar.gettarinfo(fileobj=file, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(file)
        try:
            tar.addfile(info, reader)
        except OSError as error:
            raise BackupError(f"{name} changed while it was being copied; run the backup again.") from error
    return {"sha256": reader.sha256.hexdigest(), "size": info.size}


def _add_manifest(tar: tarfile.TarFile, manifest: dict) -> None:
    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
    for name, content in ((MANIFEST, data), (MANIFEST_SUM, f"{_sha256(data)}  {MANIFEST}\n".encode())):
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(content), int(timezone.now().timestamp()), 0o600
        tar.addfile(info, io.BytesIO(content))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _summary(path: Path, manifest: dict) -> Summary:
    tables = manifest["database"]["tables"]
    media = [name for name in manifest["files"] if name.startswith(MEDIA)]
    return Summary(path, len(tables), sum(tables.values()), len(media), path.stat().st_size)


def prune_backups(*, directory: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest archives in ``directory``; returns what was deleted."""
    archives = sorted(Path(directory).glob("ocop-backup-*.tar"))
    old = archives[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


# Verify ------------------------------------------------------------------------------------


def verify_backup(*, archive: Path) -> dict:
    """The archive's manifest, once every member is present, expected and intact."""
    try:
        with tarfile.open(archive, mode="r:") as tar:
            members = {member.name: member for member in tar.getmembers()}
            manifest = _read_manifest(tar, members)
            expected = set(manifest["files"]) | {MANIFEST, MANIFEST_SUM}
            missing, extra = sorted(expected - set(members)), sorted(set(members) - expected)
            if missing or extra:
                names = ", ".join((missing or extra)[:3])
                problem = "is missing" if missing else "holds unexpected files:"
                raise BackupError(
                    f"{archive} {problem} {names}: it is not the backup its manifest describes."
                )
            for name, expected_file in manifest["files"].items():
                _check_member(tar, members[name], expected_file)
    except (tarfile.TarError, EOFError, OSError, ValueError, KeyError) as error:
        raise BackupError(
            f"{archive} is not a complete backup archive (truncated or damaged): {error}"
        ) from None
    return manifest


def _read_manifest(tar: tarfile.TarFile, members: dict) -> dict:
    if MANIFEST not in members or MANIFEST_SUM not in members:
        raise BackupError(f"{tar.name} has no manifest: it is not an OCOP backup or it is incomplete.")
    data = tar.extractfile(members[MANIFEST]).read()
    recorded = tar.extractfile(members[MANIFEST_SUM]).read().decode().split()[:1]
    if recorded != [_sha256(data)]:
        raise BackupError(f"{tar.name}: the manifest is damaged (its checksum does not match).")
    manifest = json.loads(data)
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{tar.name} is in backup format {manifest.get('format')}; this site reads {FORMAT}."
        )
    return manifest


def _check_member(tar: tarfile.TarFile, member: tarfile.TarInfo, expected: dict) -> None:
    if not member.isfile() or not _safe_name(member.name):
        raise BackupError(f"{tar.name}: {member.name} is not a plain file inside the archive; refused.")
    digest = hashlib.sha256()
    with tar.extractfile(member) as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    if member.size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise BackupError(f"{tar.name}: {member.name} is damaged (its checksum differs from the manifest).")


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


# Restore -----------------------------------------------------------------------------------


def restore_backup(*, archive: Path, using: str = "default") -> Summary:
    """Replace the database and write the media files from ``archive``, after checking it whole."""
    manifest = verify_backup(archive=archive)  # before anything is touched
    connection = connections[using]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"This backup is of a {vendor} database; this site runs on {connection.vendor}.")
    with tempfile.TemporaryDirectory(prefix="ocop-restore-") as work, tarfile.open(archive) as tar:
        dump = Path(work) / DUMPS[vendor]
        with tar.extractfile(manifest["database"]["file"]) as source, dump.open("wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        if vendor == "postgresql":
            _restore_postgresql(connection, dump)
        else:
            _restore_sqlite(connection, dump)
        _restore_media(tar, manifest)
    _check_restored(connection, manifest)
    return _summary(Path(archive), manifest)


def _restore_postgresql(connection, dump: Path) -> None:
    connection.close()  # pg_restore drops and recreates tables: hold no lock on them
    _run_pg(
        connection,
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={connection.settings_dict['NAME']}",
        str(dump),
    )


def _restore_sqlite(connection, dump: Path) -> None:
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a database transaction.")
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)  # replaces every page of the live database
    finally:
        source.close()


def _restore_media(tar: tarfile.TarFile, manifest: dict) -> None:
    root = Path(settings.MEDIA_ROOT)
    for name in manifest["files"]:
        if not name.startswith(MEDIA):
            continue
        target = root / name.removeprefix(MEDIA)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".restoring")
        with tar.extractfile(name) as source, partial.open("wb") as file:
            shutil.copyfileobj(source, file, CHUNK)
        os.chmod(partial, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
        os.replace(partial, target)


def _check_restored(connection, manifest: dict) -> None:
    """Count every table and hash every file again: any difference fails the restore loudly."""
    expected = manifest["database"]["tables"]
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, expected, connection.ops.quote_name)
    wrong = [
        f"{table} has {counts[table]} rows, not {n}" for table, n in expected.items() if counts[table] != n
    ]
    root = Path(settings.MEDIA_ROOT)
    for name, file in manifest["files"].items():
        if name.startswith(MEDIA):
            path = root / name.removeprefix(MEDIA)
            if not path.is_file() or _file_sha256(path) != file["sha256"]:
                wrong.append(f"{name} is missing or differs")
    if wrong:
        raise BackupError("The restore did not bring everything back: " + "; ".join(wrong[:5]))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# PostgreSQL client tools ---------------------------------------------------------------------


def _run_pg(connection, program: str, *arguments: str) -> None:
    """Run a PostgreSQL client tool against ``connection``'s database, the password in its env."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for variable, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGSSLMODE", db.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, arguments built here
            [program, *arguments], env=env, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()[-2000:]}")
