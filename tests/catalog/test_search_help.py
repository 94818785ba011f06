"""Issue 12, item 7: a query of symbols is said to be ignored; no results suggests what to drop."""

import pytest

from tests.sample_catalog import build_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    return build_catalog()


@pytest.mark.parametrize("query", ["!!!", "★★★", "中文", "@#$%^"])
def test_query_of_symbols_or_unknown_script_is_ignored_and_said_so(client, catalog, query):
    response = client.get("/products/", {"q": query})
    html = response.content.decode()
    assert "không có chữ hoặc số" in html and response.context["filter"].form.cleaned_data["q"] == ""
    assert response.context["paginator"].count == len(catalog.valid)


def test_no_results_suggests_dropping_a_filter_or_a_word_with_counts(
    client, catalog, django_assert_max_num_queries
):
    url = "/products/?q=keo+zzzz&province=ha-noi"
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.context["paginator"].count == 0
    suggestions = {item["label"]: item["count"] for item in response.context["suggestions"]}
    # Without the province "keo zzzz" still finds nothing, nor "keo" in Hà Nội; Hà Nội has one.
    assert suggestions == {"bỏ tìm kiếm “keo zzzz”": 1}
    response = client.get("/products/?q=keo+zzzz&province=ha-tinh")
    suggestions = {item["label"]: item["count"] for item in response.context["suggestions"]}
    assert suggestions == {"bỏ tìm kiếm “keo zzzz”": 3, "bỏ từ “zzzz”": 1}
    html = response.content.decode()
    assert "bỏ từ “zzzz”" in html and "province=ha-tinh&amp;status=valid&amp;q=keo" in html
    response = client.get("/products/?q=keo&province=ha-noi")
    suggestions = {item["label"]: item["count"] for item in response.context["suggestions"]}
    assert suggestions == {"bỏ bộ lọc “Tỉnh/thành phố”": 2, "bỏ tìm kiếm “keo”": 1}
