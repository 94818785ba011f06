import pytest
from django.core.management import call_command

from producers.models import FormerProvince, Province, Ward
from products.models import Category, Standard

pytestmark = pytest.mark.django_db


def table_snapshot():
    return {
        "provinces": list(Province.objects.order_by("code").values()),
        "former": list(FormerProvince.objects.order_by("code").values()),
        "wards": Ward.objects.count(),
        "ward_sample": list(Ward.objects.order_by("code").values()[:50]),
        "categories": list(Category.objects.order_by("code").values()),
        "standards": list(Standard.objects.order_by("code").values()),
    }


def test_reference_data_counts():
    assert Province.objects.count() == 34
    assert FormerProvince.objects.count() == 63
    assert Ward.objects.count() == 3321
    assert Category.objects.filter(level=Category.Level.SET).count() == 26
    assert Category.objects.filter(level=Category.Level.GROUP).count() == 6


@pytest.mark.parametrize(
    ("former", "current"),
    [("Bình Định", "Gia Lai"), ("Long An", "Tây Ninh"), ("Hà Tĩnh", "Hà Tĩnh"), ("Hà Giang", "Tuyên Quang")],
)
def test_former_provinces_map_to_current_ones(former, current):
    assert FormerProvince.objects.get(name=former).province.name == current


def test_former_and_current_codes_are_kept_apart():
    # Current 52 is Gia Lai; former 52 was Bình Định and former Gia Lai was 64.
    assert Province.objects.get(code="52").name == "Gia Lai"
    assert FormerProvince.objects.get(code="52").name == "Bình Định"
    assert FormerProvince.objects.get(code="64").province.code == "52"


def test_province_fields_come_from_the_official_list():
    ha_noi = Province.objects.get(slug="ha-noi")
    ha_tinh = Province.objects.get(slug="ha-tinh")

    assert (ha_noi.code, ha_noi.name, ha_noi.full_name, ha_noi.kind) == (
        "01",
        "Hà Nội",
        "Thành phố Hà Nội",
        "thành phố trung ương",
    )
    assert (ha_tinh.code, ha_tinh.kind) == ("42", "tỉnh")
    assert Ward.objects.filter(province=ha_tinh, name="Phường Sông Trí").exists()
    assert set(Ward.objects.values_list("kind", flat=True)) == {"xã", "phường", "đặc khu"}


def test_category_tree_links_sets_to_groups():
    fish_sauce = Category.objects.get(code="I.4.a")

    assert fish_sauce.parent.code == "I.4"
    assert fish_sauce.parent.parent.code == "I"
    assert Category.objects.get(code="I.6").parent.code == "I"
    assert Category.objects.filter(fish_sauce.parent.parent.descendant_filter()).count() == 19


def test_reference_command_is_idempotent():
    before = table_snapshot()

    call_command("load_reference_data", verbosity=0)

    assert table_snapshot() == before


def test_reference_command_repairs_a_changed_row():
    Province.objects.filter(code="42").update(name="Sai tên")
    Ward.objects.filter(code="18754").delete()

    call_command("load_reference_data", verbosity=0)

    assert Province.objects.get(code="42").name == "Hà Tĩnh"
    assert Ward.objects.filter(code="18754", name="Phường Sông Trí").exists()
