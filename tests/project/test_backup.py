"""Finding 4: manage.py backup and restore, the database and the media files together.

The drill backs up the Hà Tĩnh demo catalog with its photo files, wipes every table and the
media folder, restores, and compares every table's row count and every file's checksum. It
runs on whichever database the suite runs on (pg_dump/pg_restore on PostgreSQL, SQLite's
online backup API on SQLite) and never skips.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from products.models import Product
from tests.factories import make_product
from tests.sample_catalog import make_photo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def table_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def file_checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def wipe(media: Path) -> None:
    """Every row of every table (django_migrations too) and the whole media folder."""
    tables = connection.introspection.table_names()
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    )
    shutil.rmtree(media)


def backup(directory: Path) -> Path:
    call_command("backup", "--output", str(directory), stdout=io.StringIO())
    [archive] = directory.glob("ocop-backup-*.tar")
    return archive


def restore(archive: Path) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), "--noinput", stdout=out)
    return out.getvalue()


def test_drill_backup_wipe_restore_loses_no_row_and_no_file(reference_data, media, tmp_path, client):
    call_command("load_demo_data", "--provinces", "ha-tinh", stdout=io.StringIO())
    rows, files = table_counts(), file_checksums(media)
    assert rows["products_product"] >= 250 and rows["products_productphoto"] > 0
    assert rows["producers_ward"] > 3000 and rows["django_migrations"] > 0
    assert len(files) >= 2 and all(name.endswith(".jpg") for name in files)
    archive = backup(tmp_path / "backups")

    wipe(media)
    assert set(table_counts().values()) == {0} and not media.exists()
    output = restore(archive)

    assert table_counts() == rows  # every table, 0 rows lost
    assert file_checksums(media) == files  # every file, byte for byte: 0 files lost
    assert "0 rows lost, 0 files lost" in output
    with tarfile.open(archive) as tar:
        expected_dump = "database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3"
        assert expected_dump in tar.getnames()
    product = Product.objects.published().first()
    assert client.get(product.get_absolute_url()).status_code == 200


# A small backup for the refusal tests ------------------------------------------------------


@pytest.fixture
def small_backup(reference_data, media, tmp_path):
    product = make_product(name="Kẹo cu đơ sao lưu")
    make_photo(product, name="keo.png")
    return backup(tmp_path / "backups")


def flip_a_byte(archive: Path, member_name: str) -> None:
    with tarfile.open(archive) as tar:
        offset = tar.getmember(member_name).offset_data
    with archive.open("r+b") as file:
        file.seek(offset)
        byte = file.read(1)
        file.seek(offset)
        file.write(bytes([byte[0] ^ 0xFF]))


def rewrite(archive: Path, edit) -> None:
    """Rebuild the archive with ``edit(manifest, members)`` applied and a matching manifest sum."""
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sha256")
    edit(manifest, members)
    data = json.dumps(manifest).encode()
    members["manifest.json"] = data
    members["manifest.sha256"] = f"{hashlib.sha256(data).hexdigest()}  manifest.json\n".encode()
    with tarfile.open(archive, "w") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))


def assert_nothing_touched(media: Path, before_files: dict) -> None:
    assert Product.objects.filter(name="Thêm sau khi sao lưu").exists()  # the database was not replaced
    assert file_checksums(media) == before_files


@pytest.fixture
def changed_since(small_backup, media):
    """A row added and a photo file rewritten after the backup: a restore would undo both."""
    make_product(name="Thêm sau khi sao lưu")
    [photo] = [p for p in media.rglob("*") if p.is_file()]
    photo.write_bytes(b"changed since the backup")
    return file_checksums(media)


def test_restore_refuses_a_damaged_media_file_before_touching_anything(small_backup, changed_since, media):
    with tarfile.open(small_backup) as tar:
        [photo] = [name for name in tar.getnames() if name.startswith("media/")]
    flip_a_byte(small_backup, photo)

    with pytest.raises(CommandError, match=rf"Nothing was restored\. .*{photo} is damaged"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_restore_refuses_a_damaged_database_dump(small_backup, changed_since, media):
    dump = "database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3"
    flip_a_byte(small_backup, dump)

    with pytest.raises(CommandError, match=rf"{dump} is damaged \(its checksum differs from the manifest\)"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_restore_refuses_a_truncated_archive(small_backup, changed_since, media):
    with small_backup.open("r+b") as file:
        file.truncate(small_backup.stat().st_size // 2)

    with pytest.raises(CommandError, match=r"is not a complete backup archive|has no manifest"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_restore_refuses_an_edited_manifest(small_backup, changed_since, media):
    with tarfile.open(small_backup) as tar:
        member = tar.getmember("manifest.json")
        count = tar.extractfile(member).read().index(b'"products_product": 1') + len('"products_product": ')
    with small_backup.open("r+b") as file:  # the product count, 1, becomes 9
        file.seek(member.offset_data + count)
        file.write(b"9")

    with pytest.raises(CommandError, match="the manifest is damaged"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_restore_refuses_an_archive_missing_a_file(small_backup, changed_since, media):
    def drop_photo(manifest, members):
        [photo] = [name for name in members if name.startswith("media/")]
        del members[photo]

    rewrite(small_backup, drop_photo)

    with pytest.raises(CommandError, match=r"is missing media/.*it is not the backup its manifest describes"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_restore_refuses_a_path_outside_the_media_folder(small_backup, changed_since, media, tmp_path):
    def escape(manifest, members):
        content = b"<html>planted</html>"
        members["media/../../planted.html"] = content
        manifest["files"]["media/../../planted.html"] = {
            "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content),
        }

    rewrite(small_backup, escape)

    with pytest.raises(CommandError, match=r"media/\.\./\.\./planted\.html is not a plain file .*refused"):
        restore(small_backup)

    assert not (tmp_path / "planted.html").exists()
    assert_nothing_touched(media, changed_since)


def test_restore_refuses_a_backup_of_the_other_kind_of_database(small_backup, changed_since, media):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    def relabel(manifest, members):
        manifest["database"]["vendor"] = other

    rewrite(small_backup, relabel)

    with pytest.raises(CommandError, match=f"This backup is of a {other} database; this site runs on"):
        restore(small_backup)

    assert_nothing_touched(media, changed_since)


def test_check_only_verifies_and_changes_nothing(small_backup, changed_since, media):
    out = io.StringIO()

    call_command("restore", str(small_backup), "--check-only", stdout=out)

    assert "is intact" in out.getvalue() and "1 media files" in out.getvalue()
    assert_nothing_touched(media, changed_since)


def test_restore_asks_before_replacing_the_database(small_backup, changed_since, media, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(small_backup), stdout=io.StringIO())

    assert_nothing_touched(media, changed_since)


# Backup itself ------------------------------------------------------------------------------


def test_a_backup_is_readable_by_its_owner_only_and_lists_every_file(small_backup, media):
    with tarfile.open(small_backup) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))

    assert os.stat(small_backup).st_mode & 0o777 == 0o600
    assert manifest["database"]["tables"]["products_product"] == 1
    assert {name for name in manifest["files"] if name.startswith("media/")} == {
        "media/" + name for name in file_checksums(media)
    }


def test_backup_refuses_to_write_into_the_media_folder(reference_data, media):
    with pytest.raises(CommandError, match="outside the media folder"):
        call_command("backup", "--output", str(media / "backups"), stdout=io.StringIO())

    assert not (media / "backups").exists()


def test_keep_deletes_all_but_the_newest_archives(reference_data, media, tmp_path):
    directory = tmp_path / "backups"
    directory.mkdir()
    for day in ("20260101", "20260102", "20260103"):
        (directory / f"ocop-backup-{day}-030000.tar").write_bytes(b"old")

    call_command("backup", "--output", str(directory), "--keep", "2", stdout=io.StringIO())

    names = sorted(path.name for path in directory.iterdir())
    assert len(names) == 2 and names[0] == "ocop-backup-20260103-030000.tar"
