from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_vietnamese_catalogue_has_no_untranslated_or_fuzzy_entry():
    po = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))

    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


def test_compiled_vietnamese_catalogue_is_up_to_date():
    po = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.mo"))

    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural.get(0) for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get(entry.msgid) == (entry.msgstr or entry.msgstr_plural[0]), entry.msgid


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("OCOP products", "Sản phẩm OCOP"), ("Valid until", "Hiệu lực đến"), ("province", "tỉnh/thành phố")],
)
def test_strings_are_translated_at_run_time(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese
    with translation.override("en"):
        assert translation.gettext(english) == english
