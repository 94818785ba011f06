"""The promotion app keeps its own catalogue (promotion/locale): complete, compiled, used at run time."""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "promotion" / "locale" / "vi" / "LC_MESSAGES"


def test_promotion_vietnamese_catalogue_has_no_untranslated_or_fuzzy_entry():
    po = polib.pofile(str(CATALOGUE / "django.po"))

    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


def test_compiled_promotion_catalogue_is_up_to_date():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))

    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural.get(0) for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get(entry.msgid) == (entry.msgstr or entry.msgstr_plural[0]), entry.msgid


def test_measure_names_are_translated_at_run_time():
    with translation.override("vi"):
        assert translation.gettext("Live viewers") == "Người xem trực tiếp"
        assert translation.gettext("Reach") == "Lượt tiếp cận"
