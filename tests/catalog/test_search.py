"""Vietnamese-aware search: the folding rules (property-based) and the search itself."""

import io
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.text import fold, normalize_search_text, search_terms, vietnamese_slugify
from products.models import Product
from tests.factories import make_producer, make_product
from tests.sample_catalog import slugs_on_page

# An oracle independent of unicodedata: each Vietnamese letter and its base letter.
VIETNAMESE_BASES = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "d": "dđ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
}
STRIP = {letter: base for base, letters in VIETNAMESE_BASES.items() for letter in letters}
STRIP.update({letter.upper(): base for letter, base in list(STRIP.items())})
VIETNAMESE_LETTERS = "".join(VIETNAMESE_BASES.values()) + "bcghklmnpqrstvx"
ALPHABET = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "0123456789 ,.-/()&%_'\"\t"

vietnamese_text = st.text(alphabet=ALPHABET, max_size=60)


def strip_by_table(text: str) -> str:
    return "".join(STRIP.get(ch, ch) for ch in text)


@given(vietnamese_text)
def test_normalized_text_is_lowercase_ascii_words_single_spaced(text):
    result = normalize_search_text(text)

    assert re.fullmatch(r"([0-9a-z]+( [0-9a-z]+)*)?", result)


@given(vietnamese_text)
def test_normalization_is_idempotent(text):
    once = normalize_search_text(text)

    assert normalize_search_text(once) == once


@given(vietnamese_text)
def test_normalization_ignores_diacritics_and_case(text):
    expected = normalize_search_text(strip_by_table(text).lower())

    assert normalize_search_text(text) == expected
    assert normalize_search_text(text.upper()) == expected


@given(vietnamese_text)
def test_composed_and_decomposed_unicode_fold_alike(text):
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert normalize_search_text(unicodedata.normalize(form, text)) == normalize_search_text(text)


@given(vietnamese_text)
def test_fold_maps_d_with_stroke_to_d_and_leaves_no_combining_mark(text):
    folded = fold(text)

    assert "đ" not in folded and "Đ" not in folded
    assert not any(unicodedata.combining(ch) for ch in folded)


@given(vietnamese_text)
def test_slug_is_url_safe_and_matches_the_search_words(text):
    slug = vietnamese_slugify(text)

    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
    assert slug.replace("-", " ") == normalize_search_text(text)


@given(st.text(max_size=300))
def test_search_terms_are_few_unique_words_of_the_query(query):
    terms = search_terms(query)

    assert len(terms) <= 12
    assert len(set(terms)) == len(terms)
    assert all(term in normalize_search_text(query).split() for term in terms)


def test_known_folds():
    assert normalize_search_text("Kẹo cu đơ") == "keo cu do"
    assert normalize_search_text("NƯỚC MẮM Hà Tĩnh!") == "nuoc mam ha tinh"
    assert vietnamese_slugify("Kẹo cu đơ Hà Tĩnh") == "keo-cu-do-ha-tinh"


# Searching the catalog -----------------------------------------------------------------------


@pytest.fixture
def products(db):
    ha_tinh = make_producer(name="Công ty Thanh Hương")
    other = make_producer(province_slug="nghe-an", name="HTX Nước mắm Cửa Hội")
    return {
        "nuoc_mam": make_product(producer=ha_tinh, name="Nước mắm cá cơm Thanh Hương", category_code="I.4.a"),
        "keo": make_product(producer=ha_tinh, name="Kẹo cu đơ Thiên Cầm", category_code="I.3.b"),
        "tuong": make_product(producer=ha_tinh, name="Tương bần", category_code="I.4.a"),
        "ruou": make_product(producer=other, name="Rượu nếp", category_code="II.1.a"),
        "tra": make_product(producer=other, name="Trà xanh Đô Lương", category_code="I.5.a"),
    }


def search(query: str) -> list[str]:
    return list(
        Product.objects.published()
        .search(query)
        .order_by("-relevance", "search_name", "pk")
        .values_list("name", flat=True)
    )


@pytest.mark.parametrize(
    "query", ["keo cu do", "kẹo cu đơ", "KẸO CU ĐƠ", "Keo Cu Do", "keo  cu\tdo", "kẹo, cu - đơ!", "ke cu"]
)
def test_search_ignores_case_diacritics_and_punctuation(products, query):
    assert search(query) == ["Kẹo cu đơ Thiên Cầm"]


def test_search_finds_fish_sauce_of_ha_tinh_without_diacritics(products):
    assert search("nuoc mam ha tinh")[0] == "Nước mắm cá cơm Thanh Hương"


def test_search_matches_producer_province_and_category(products):
    assert set(search("thanh huong")) == {"Nước mắm cá cơm Thanh Hương", "Kẹo cu đơ Thiên Cầm", "Tương bần"}
    assert set(search("nghe an")) == {"Rượu nếp", "Trà xanh Đô Lương"}
    assert set(search("fish sauce")) == {"Nước mắm cá cơm Thanh Hương", "Tương bần"}
    assert search("ruou trang") == ["Rượu nếp"]  # the category "Rượu trắng"


def test_search_ranks_name_matches_first(products):
    results = search("nuoc mam")

    # Named "Nước mắm…" beats a product of the "nước mắm" category and one of a producer so named.
    assert results[0] == "Nước mắm cá cơm Thanh Hương"
    assert set(results) == {"Nước mắm cá cơm Thanh Hương", "Tương bần", "Rượu nếp", "Trà xanh Đô Lương"}


def test_d_with_stroke_matches_plain_d(products):
    assert search("do luong") == search("đô lương") == ["Trà xanh Đô Lương"]


def test_eth_typed_for_d_with_stroke_folds_to_d():
    # Text converted from old Vietnamese encodings (TCVN3, VNI) often carries Ð/ð (U+00D0/F0,
    # the Icelandic eth) where Đ/đ was meant; it looks the same and must search the same.
    assert normalize_search_text("ÐÔ LƯƠNG, ðồi chè") == normalize_search_text("Đô Lương, đồi chè")
    assert normalize_search_text("Ðô Lương") == "do luong"


def test_product_written_with_eth_is_found_by_plain_d(products):
    make_product(name="Chè xanh Ðô Lương", slug="che-eth", producer=make_producer(province_slug="nghe-an"))

    assert "Chè xanh Ðô Lương" in search("do luong")


def test_search_matches_word_starts_not_the_middle_of_words(products):
    assert search("eo cu") == []
    assert search("cu do thien") == ["Kẹo cu đơ Thiên Cầm"]


def test_search_with_no_words_is_no_filter(products):
    assert len(search("  ,.!  ")) == 5


def test_search_box_on_the_list_page_orders_by_relevance(client, products):
    response = client.get("/products/", {"q": "nuoc mam"})

    slugs = slugs_on_page(response.content.decode())
    assert slugs[0] == products["nuoc_mam"].slug
    assert response.context["filter"].sort_order == "relevance"


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Nước mắm Cửa Hội", "nuoc mam cua hoi"),
        ("Kẹo cu đơ Thiên Cầm", "keo cu do"),
        ("ĐẶC SẢN Thạch Hà", "dac san thach ha"),
        ("Chè xanh Hương Sơn", "che huong son"),
        ("Mật ong Vũ Quang", "MAT ONG vu quang"),
        ("Bưởi Phúc Trạch", "buoi phuc trach"),
        ("Gạo hữu cơ Đức Thọ", "gao huu co duc tho"),
    ],
)
def test_a_product_is_found_by_its_words_typed_without_diacritics(name, typed, db):
    """The query is typed literally, as a visitor without a Vietnamese keyboard would."""
    product = make_product(name=name)
    make_product(name="Sản phẩm khác hẳn")

    assert list(Product.objects.search(typed).values_list("pk", flat=True)) == [product.pk]


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " ", min_size=1, max_size=40))
def test_any_product_name_is_found_by_its_own_words_typed_without_diacritics(name):
    # The query comes from the test's own table (strip_by_table), never from the folding under test.
    words = strip_by_table(name).lower().split()
    if not words:
        return
    product = make_product(name=name)

    query = " ".join(words[:3])

    assert product.pk in set(Product.objects.search(query).values_list("pk", flat=True))


@pytest.mark.django_db
def test_demo_catalog_is_searchable_with_name_matches_first(client):
    from django.core.management import call_command

    call_command("load_demo_data", "--provinces", "ha-tinh", "--no-photos", stdout=io.StringIO())

    assert not Product.objects.filter(search_name="").exists()
    response = client.get("/products/", {"q": "keo cu do", "province": "ha-tinh", "stars": "4"})
    names = [p.name for p in response.context["page_obj"].object_list]
    assert names and all(name.startswith("Kẹo cu đơ") for name in names)
    response = client.get("/products/", {"q": "nuoc mam ha tinh"})
    assert response.context["page_obj"].object_list[0].name.startswith("Nước mắm")
