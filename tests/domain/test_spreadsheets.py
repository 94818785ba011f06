"""Spreadsheet downloads (products.spreadsheets): formula neutralisation holds for any text (Hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from products.spreadsheets import neutralise

# Written out, not imported: the test must fail if a prefix is dropped from the module.
SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@given(st.text())
def test_no_exported_text_starts_like_a_formula(text):
    result = neutralise(text)

    assert not result.startswith(SPREADSHEET_TRIGGERS)
    assert result.endswith(text)


@given(st.one_of(st.integers(), st.none(), st.dates()))
def test_non_text_values_pass_through(value):
    assert neutralise(value) == ("" if value is None else value)
