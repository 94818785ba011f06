"""Spreadsheet import: dry run with row errors, confirm, all-or-nothing, idempotent, province-bound."""

import csv
import datetime
import io
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from producers.models import Producer
from products.imports import COLUMNS
from products.models import Certificate, Product
from tests.factories import import_row
from tests.staff.helpers import product_form_data, province_snapshot, run_threads

pytestmark = pytest.mark.django_db

HEADERS = [c.header for c in COLUMNS]


def row(**values):
    cells = import_row(**values)
    return [cells.get(c.key, "") for c in COLUMNS]


def xlsx(rows, headers=HEADERS) -> bytes:
    workbook = Workbook(write_only=True)  # no per-cell objects: thousands of rows stay quick
    sheet = workbook.create_sheet()
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def upload(client, content: bytes, name: str):
    return client.post(reverse("staff:import_upload"), {"file": SimpleUploadedFile(name, content)})


def import_file(client, content: bytes, name: str = "data.xlsx"):
    """Upload, then confirm; returns (preview response, confirm response)."""
    response = upload(client, content, name)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    preview = client.get(response["Location"])
    return preview, client.post(response["Location"])


def test_template_has_vietnamese_headers_and_an_example_row(client, editor_a):
    client.force_login(editor_a)

    response = client.get(reverse("staff:import_template", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, example = list(sheet.iter_rows(values_only=True))[:2]
    assert header[0] == "Tên sản phẩm *" and "Số quyết định *" in header
    assert example[0] == "Kẹo cu đơ Thiên Cầm" and example[1] == "I.4.a"


def test_template_imports_cleanly_as_is(client, editor_a, db):
    client.force_login(editor_a)
    template = client.get(reverse("staff:import_template", args=["xlsx"])).content

    _preview, confirm = import_file(client, template)

    assert confirm.status_code == 302
    assert Product.objects.get(name="Kẹo cu đơ Thiên Cầm").stars == 4


def test_valid_file_previews_then_imports_into_importers_province(client, editor_a, db):
    client.force_login(editor_a)
    content = xlsx(
        [
            row(),
            row(product_name="Nước mắm Vũng Áng", decision_number="102/QĐ-UBND", stars=4, score=80),
            row(
                product_name="Chè xanh",
                decision_number="103/QĐ-UBND",
                stars=5,
                producer_name="HTX Ong Vũ Quang",
            ),
        ]
    )

    preview, confirm = import_file(client, content)

    assert "Mật ong Vũ Quang" in preview.content.decode()
    assert [r.action for r in preview.context["plan"].rows] == ["create"] * 3
    assert confirm.status_code == 302
    products = Product.objects.filter(producer__name="HTX Ong Vũ Quang").order_by("name")
    assert [p.stars for p in products] == [5, 3, 4]
    producer = Producer.objects.get(name="HTX Ong Vũ Quang")
    assert producer.province.slug == "ha-tinh" and producer.kind == "cooperative"
    honey = products.get(name="Mật ong Vũ Quang")
    assert honey.price_min == 120000 and honey.status == "draft"
    assert honey.certificate_expires_on == datetime.date(2027, 3, 15)
    assert honey.history.get().history_user == editor_a
    assert Certificate.objects.get(decision_number="103/QĐ-UBND").level == "national"
    assert honey.search_name == "mat ong vu quang"
    assert Product.objects.search("mat ong vu quang").get(pk=honey.pk).relevance > 0


def test_csv_file_with_semicolons_imports(client, editor_a, db):
    client.force_login(editor_a)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerow(row())

    _preview, confirm = import_file(client, buffer.getvalue().encode("utf-8"), "data.csv")

    assert confirm.status_code == 302
    assert Product.objects.filter(name="Mật ong Vũ Quang").exists()


BAD_ROWS = {
    "unknown_category": (row(category_code="IX.9"), "IX.9"),
    "group_not_set": (row(category_code="I"), "I"),
    "stars_too_high": (row(stars=6), "phải là 3, 4 hoặc 5"),
    "stars_too_low": (row(stars=2), "3, 4"),
    "stars_text": (row(stars="bốn"), "3, 4"),
    "bad_date": (row(decision_date="31/02/2024"), "không phải ngày hợp lệ"),
    "future_date": (row(decision_date="01/01/2999"), "Ngày quyết định"),
    "missing_name": (row(product_name=""), "Tên sản phẩm"),
    "missing_decision": (row(decision_number=""), "Số quyết định"),
    "bad_score": (row(score="150"), "Điểm"),
    "bad_price": (row(price_min="free"), "Giá từ"),
    "new_producer_without_kind": (row(producer_kind=""), "Loại hình chủ thể"),
    "unknown_producer_code": (row(producer_code="khong-co"), "không tìm thấy trong tỉnh của bạn"),
    "unknown_ward": (row(ward="Xã Không Có"), "Xã Không Có"),
    "formula_cell": (row(product_name='=HYPERLINK("http://evil","x")'), "công thức"),
    "score_not_a_number": (row(score="NaN"), "Điểm"),
    "score_huge_exponent": (row(score="1E+999"), "Điểm"),
    "negative_price": (row(price_min=-5), "Giá từ"),
    "price_beyond_column": (row(price_min=10**20), "Giá từ"),
    "fractional_price": (row(price_min=45000.5), "Giá từ"),
    "superscript_digit_price": (row(price_min="²"), "Giá từ"),
    "price_with_decimals": (row(price_min="12.5"), "Giá từ"),
    "price_with_decimal_comma": (row(price_min="1,5"), "Giá từ"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_each_kind_of_bad_row_is_reported_and_nothing_imported(case, client, editor_a, db):
    bad, fragment = BAD_ROWS[case]
    client.force_login(editor_a)
    content = xlsx([row(product_name="Hàng tốt", decision_number="1/QĐ"), bad])

    response = upload(client, content, "data.xlsx")
    preview = client.get(response["Location"])
    confirm = client.post(response["Location"])

    plan = preview.context["plan"]
    assert [r.number for r in plan.error_rows] == [3]
    messages = " ".join(plan.error_rows[0].errors)
    assert fragment in messages
    assert "Nhập ngay" not in preview.content.decode()
    assert confirm.status_code == 200
    assert not Product.objects.exists()
    assert not Producer.objects.exists()


@pytest.mark.parametrize(
    ("cell", "price"),
    [
        ("1250000", 1250000),
        ("1.250.000", 1250000),
        ("1,250,000", 1250000),
        ("1 250 000", 1250000),
        ("1.250.000,00", 1250000),
        ("1,250,000.00 đ", 1250000),
        ("45.000 VND", 45000),
        (45000.0, 45000),
    ],
)
def test_price_cells_with_thousand_separators_are_understood(cell, price, client, editor_a, db):
    client.force_login(editor_a)

    _preview, confirm = import_file(client, xlsx([row(price_min=cell)]))

    assert confirm.status_code == 302
    assert Product.objects.get().price_min == price


@pytest.mark.parametrize(
    "cell", ["15/03/2024", "15-03-2024", "15.03.2024", "2024-03-15", "2024-03-15 00:00:00", "15/3/2024"]
)
def test_decision_dates_in_common_spreadsheet_forms_are_understood(cell, client, editor_a, db):
    client.force_login(editor_a)

    _preview, confirm = import_file(client, csv_bytes([row(decision_date=cell)]), "data.csv")

    assert confirm.status_code == 302
    assert Certificate.objects.get().decision_date == datetime.date(2024, 3, 15)


def test_score_with_more_decimals_than_kept_is_rounded(client, editor_a, db):
    client.force_login(editor_a)

    _preview, confirm = import_file(
        client, xlsx([row(score="78.126"), row(decision_number="2/QĐ", score=99.999)])
    )

    assert confirm.status_code == 302
    scores = sorted(Certificate.objects.values_list("score", flat=True))
    assert [str(s) for s in scores] == ["78.13", "100.00"]


def test_price_above_matched_products_highest_price_is_a_row_error(client, editor_a, world):
    client.force_login(editor_a)
    product = world["product_a"]
    Product.objects.filter(pk=product.pk).update(price_min=10_000, price_max=20_000)
    certificate = product.certificates.get()
    content = xlsx(
        [
            row(
                product_name=product.name,
                decision_number=certificate.decision_number,
                decision_date=certificate.decision_date.strftime("%d/%m/%Y"),
                stars=certificate.stars,
                producer_code=product.producer.slug,
                price_min=30_000,
            )
        ]
    )

    response = upload(client, content, "data.xlsx")
    plan = client.get(response["Location"]).context["plan"]
    confirm = client.post(response["Location"])

    assert "Giá từ" in plan.error_rows[0].errors[0]
    assert confirm.status_code == 200
    product.refresh_from_db()
    assert product.price_min == 10_000


def test_csv_with_a_cell_beyond_the_csv_field_limit_gets_a_message(client, editor_a, db):
    client.force_login(editor_a)

    response = upload(client, csv_bytes([row(story="x" * 200_000)]), "data.csv")

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Product.objects.exists()


def test_csv_with_long_cells_and_bom_imports(client, editor_a, db):
    client.force_login(editor_a)

    _preview, confirm = import_file(client, csv_bytes([row(story="Kẹo " * 2500)]), "data.csv")

    assert confirm.status_code == 302
    assert len(Product.objects.get().story) == len(("Kẹo " * 2500).strip())


def test_duplicate_rows_are_reported(client, editor_a, db):
    client.force_login(editor_a)

    response = upload(client, xlsx([row(), row(product_name="mật ong vũ quang ")]), "data.xlsx")
    plan = client.get(response["Location"]).context["plan"]

    assert [r.number for r in plan.error_rows] == [3]
    assert "2" in plan.error_rows[0].errors[0]


def plan_of(client, rows):
    response = upload(client, xlsx(rows), "data.xlsx")
    return client.get(response["Location"]).context["plan"]


def test_producer_code_of_another_province_reads_as_not_found_like_an_unknown_code(client, editor_a, world):
    """Finding 13: the message never tells whether a code exists in another province."""
    client.force_login(editor_a)
    before = province_snapshot("nghe-an")

    foreign = plan_of(client, [row(producer_code=world["producer_b"].slug)])
    unknown = plan_of(client, [row(producer_code="khong-co-ma-nay")])
    response = upload(client, xlsx([row(producer_code=world["producer_b"].slug)]), "data.xlsx")
    client.post(response["Location"])

    assert foreign.error_rows[0].errors == unknown.error_rows[0].errors
    assert foreign.error_rows[0].errors[0].encode() == unknown.error_rows[0].errors[0].encode()
    assert foreign.error_rows[0].errors == ["Mã chủ thể: không tìm thấy trong tỉnh của bạn (Hà Tĩnh)."]
    assert province_snapshot("nghe-an") == before


def test_row_aimed_at_another_provinces_product_never_changes_it(client, editor_a, world):
    """Finding 13: a product and decision number of another province read as unknown ones: the
    plan is the one a name and number found nowhere would give, and the other province is unchanged."""
    client.force_login(editor_a)
    target = world["product_b"]
    certificate = target.certificates.get()
    before = province_snapshot("nghe-an")
    values = {"stars": 5, "producer_name": "HTX Nghệ An", "producer_kind": "Hợp tác xã"}
    foreign = row(product_name=target.name, decision_number=certificate.decision_number, **values)
    nowhere = row(product_name=target.name, decision_number="999/QĐ-KHONGCO", **values)

    foreign_plan, nowhere_plan = plan_of(client, [foreign]), plan_of(client, [nowhere])
    response = upload(client, xlsx([foreign]), "data.xlsx")
    client.post(response["Location"])

    assert (foreign_plan.rows[0].action, foreign_plan.rows[0].errors) == ("create", [])
    assert (foreign_plan.rows[0].action, foreign_plan.rows[0].errors) == (
        nowhere_plan.rows[0].action,
        nowhere_plan.rows[0].errors,
    )
    assert province_snapshot("nghe-an") == before
    assert Product.objects.get(name=target.name, producer__province__slug="ha-tinh")


def test_province_column_in_file_is_ignored(client, editor_a, db):
    client.force_login(editor_a)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([*HEADERS, "Tỉnh"])
    sheet.append([*row(), "Nghệ An"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    import_file(client, buffer.getvalue())

    assert Product.objects.get().producer.province.slug == "ha-tinh"


def test_same_file_twice_changes_nothing(client, editor_a, db):
    client.force_login(editor_a)
    content = xlsx([row(), row(product_name="Chè", decision_number="2/QĐ", score="71,5")])
    import_file(client, content)
    state = (
        list(Product.objects.order_by("pk").values()),
        list(Certificate.objects.order_by("pk").values()),
        Product.history.count(),
        Certificate.history.count(),
        Producer.history.count(),
    )

    preview, confirm = import_file(client, content)

    assert [r.action for r in preview.context["plan"].rows] == ["unchanged", "unchanged"]
    assert confirm.status_code == 302
    assert state == (
        list(Product.objects.order_by("pk").values()),
        list(Certificate.objects.order_by("pk").values()),
        Product.history.count(),
        Certificate.history.count(),
        Producer.history.count(),
    )


def test_changed_row_updates_matched_product_and_bumps_version(client, editor_a, world):
    client.force_login(editor_a)
    product = world["product_a"]
    certificate = product.certificates.get()
    version = product.version
    content = xlsx(
        [
            row(
                product_name=product.name,
                decision_number=certificate.decision_number,
                decision_date=certificate.decision_date.strftime("%d/%m/%Y"),
                stars=5,
                producer_code=product.producer.slug,
            )
        ]
    )

    preview, _confirm = import_file(client, content)

    assert preview.context["plan"].rows[0].action == "update"
    product.refresh_from_db()
    assert product.stars == 5 and product.version == version + 1
    assert Product.objects.count() == 2


def test_new_decision_for_existing_product_adds_a_certificate(client, editor_a, world):
    client.force_login(editor_a)
    product = world["product_a"]

    preview, _confirm = import_file(
        client,
        xlsx(
            [
                row(
                    product_name=product.name,
                    producer_code=product.producer.slug,
                    decision_number="9/QĐ",
                    stars=5,
                )
            ]
        ),
    )

    assert preview.context["plan"].rows[0].action == "certificate"
    assert product.certificates.count() == 2


def test_unreadable_files_get_a_clear_message(client, editor_a, db):
    client.force_login(editor_a)

    for content, name in [
        (b"not a zip", "data.xlsx"),
        (b"\xff\xfe\x00bad", "data.csv"),
        (b"a,b,c\n1,2,3\n", "data.csv"),
        (b"", "data.csv"),
        (b"<html>", "data.html"),
    ]:
        response = client.post(reverse("staff:import_upload"), {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200, name
        assert response.context["form"].errors["file"], name
    assert not Product.objects.exists()


def test_preview_of_another_users_upload_is_404(client, editor_a, editor_b, db):
    client.force_login(editor_a)
    location = upload(client, xlsx([row()]), "data.xlsx")["Location"]
    client.force_login(editor_b)

    assert client.get(location).status_code == 404
    assert client.post(location).status_code == 404
    assert not Product.objects.exists()


def test_management_command_imports_with_progress(tmp_path, editor_a, capsys):
    path = tmp_path / "data.xlsx"
    path.write_bytes(xlsx([row(), row(product_name="Chè", decision_number="2/QĐ")]))

    call_command("import_products", str(path), "--province", "ha-tinh", "--user", "editor-a")

    err = capsys.readouterr().err
    assert "100%" in err
    assert Product.objects.filter(producer__province__slug="ha-tinh").count() == 2


def test_management_command_refuses_file_with_errors(tmp_path, editor_a):
    path = tmp_path / "data.csv"
    path.write_bytes(csv_bytes([row(), row(stars=7, product_name="X", decision_number="3/QĐ")]))

    with pytest.raises(CommandError, match="1 rows have errors"):
        call_command(
            "import_products", str(path), "--province", "ha-tinh", "--user", "editor-a", "--no-progress"
        )

    assert not Product.objects.exists()


# The normal suite imports 1,000 rows; OCOP_IMPORT_ROWS=5000 runs the 5,000-row case. How long it
# takes belongs to the bench (make bench), not to a test.
IMPORT_ROWS = int(os.environ.get("OCOP_IMPORT_ROWS", "1000"))


@pytest.mark.slow
def test_many_rows_import_every_row(tmp_path, editor_a):
    rows = [
        row(
            product_name=f"Sản phẩm số {i}",
            decision_number=f"{i}/QĐ-UBND",
            producer_name=f"HTX số {i % 700}",
            stars=3 + i % 3,
        )
        for i in range(IMPORT_ROWS)
    ]
    path = tmp_path / "big.xlsx"
    path.write_bytes(xlsx(rows))

    call_command("import_products", str(path), "--province", "ha-tinh", "--user", "editor-a", "--no-progress")

    assert Product.objects.count() == IMPORT_ROWS
    assert Product.objects.filter(stars=5).count() == IMPORT_ROWS // 3
    assert Producer.objects.filter(province__slug="ha-tinh").count() == min(IMPORT_ROWS, 700)
    n = IMPORT_ROWS - 1
    last = Product.objects.get(name=f"Sản phẩm số {n}")
    assert (last.stars, last.certificates.get().decision_number) == (3 + n % 3, f"{n}/QĐ-UBND")


def test_zip_bomb_xlsx_is_refused_before_unpacking(client, editor_a, db):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (210 * 1024 * 1024))
    client.force_login(editor_a)

    response = client.post(
        reverse("staff:import_upload"), {"file": SimpleUploadedFile("bomb.xlsx", buffer.getvalue())}
    )

    assert response.status_code == 200
    assert "quá lớn" in str(response.context["form"].errors["file"])


def test_national_admin_is_told_to_use_the_command(client, admin_user_):
    client.force_login(admin_user_)

    response = client.get(reverse("staff:import_upload"))

    assert response.status_code == 403
    assert "manage.py import_products" in response.content.decode()


@pytest.mark.parametrize(("value", "stars"), [("4 sao", 4), ("5★", 5), (3.0, 3), ("4,0", 4)])
def test_star_cells_written_as_text_are_understood(value, stars, client, editor_a, db):
    client.force_login(editor_a)

    import_file(client, xlsx([row(stars=value)]))

    assert Product.objects.get().stars == stars


def test_ward_may_be_written_without_its_prefix(client, editor_a, db):
    from producers.models import Ward

    ward = Ward.objects.filter(province__slug="ha-tinh", name__startswith="Phường").first()
    client.force_login(editor_a)

    import_file(client, xlsx([row(ward=ward.name.removeprefix("Phường ").upper())]))

    assert Producer.objects.get().ward == ward


def test_double_confirm_imports_once(client, editor_a, db):
    client.force_login(editor_a)
    location = upload(client, xlsx([row()]), "data.xlsx")["Location"]

    first = client.post(location)
    second = client.post(location)

    assert first.status_code == 302
    assert second.status_code == 404
    assert Product.objects.count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_into_one_province_do_not_duplicate(reference_data):
    """Two imports of one file at the same moment: the province lock makes the second a no-op."""
    import threading

    from django.db import connections

    from producers.models import Province
    from products.imports import read_table
    from products.services import run_import
    from tests.factories import make_staff

    user = make_staff(username="editor-a", province_slug="ha-tinh")
    province = Province.objects.get(slug="ha-tinh")
    rows = read_table(xlsx([row(), row(product_name="Chè", decision_number="2/QĐ")]), "data.xlsx")
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(run_import(rows=rows, province=province, user=user)[1])
        finally:
            connections.close_all()

    run_threads(worker, worker)

    assert Product.objects.count() == 2
    assert sorted(r["create"] for r in results) == [0, 2]


def test_management_command_dry_run_writes_nothing(tmp_path, editor_a):
    path = tmp_path / "data.csv"
    path.write_bytes(csv_bytes([row()]))

    call_command(
        "import_products",
        str(path),
        "--province",
        "ha-tinh",
        "--user",
        "editor-a",
        "--dry-run",
        "--no-progress",
    )

    assert not Product.objects.exists()


def test_edit_form_opened_before_an_import_changed_its_certificate_is_refused(client, editor_a, world):
    client.force_login(editor_a)
    product = world["product_a"]
    certificate = product.certificates.get()
    stale_form = product_form_data(product, story="sửa tay")
    only_the_certificate_changes = row(
        product_name=product.name,
        category_code=product.category.code,
        price_min="",
        decision_number=certificate.decision_number,
        decision_date=certificate.decision_date.strftime("%d/%m/%Y"),
        producer_code=product.producer.slug,
        stars=5,
    )
    preview, _confirm = import_file(client, xlsx([only_the_certificate_changes]))

    response = client.post(reverse("staff:product_edit", args=[product.pk]), stale_form)

    assert preview.context["plan"].rows[0].action == "update"
    assert response.status_code == 200 and response.context["stale"]
    certificate.refresh_from_db()
    assert certificate.stars == 5
    assert Product.objects.get(pk=product.pk).story != "sửa tay"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_edit_saved_while_an_import_is_checking_is_never_overwritten(reference_data):
    """An edit racing an import that changes the same product: refused as stale, or kept."""
    import threading

    from django.db import connections, transaction

    from producers.models import Province
    from producers.services import StaleEditError, claim_version
    from products.imports import read_table
    from products.services import run_import
    from tests.factories import make_certificate, make_producer, make_product, make_staff

    # The product is published: only an approver's import writes it (an editor's is a proposal).
    user = make_staff(username="approver-a", province_slug="ha-tinh", role="approver")
    province = Province.objects.get(slug="ha-tinh")
    product = make_product(producer=make_producer(province_slug="ha-tinh"), story="cũ")
    certificate = make_certificate(product=product)
    rows = read_table(
        xlsx(
            [
                row(
                    product_name=product.name,
                    category_code=product.category.code,
                    decision_number=certificate.decision_number,
                    decision_date=certificate.decision_date.strftime("%d/%m/%Y"),
                    stars=certificate.stars,
                    issuer=certificate.issuer,
                    producer_code=product.producer.slug,
                    price_min="",
                    story="từ tệp",
                )
            ]
        ),
        "data.xlsx",
    )
    checking = threading.Event()
    outcome = []

    def while_checking(done, total):
        checking.set()
        time.sleep(0.5)  # the edit below runs now, between the import's check and its write

    def importer():
        try:
            run_import(rows=rows, province=province, user=user, check_progress=while_checking)
        finally:
            connections.close_all()

    def editor():
        try:
            checking.wait(5)
            with transaction.atomic():
                claim_version(model=Product, pk=product.pk, expected_version=product.version)
                Product.objects.filter(pk=product.pk).update(story="sửa tay")
            outcome.append("saved")
        except StaleEditError:
            outcome.append("refused")
        finally:
            connections.close_all()

    run_threads(importer, editor)

    story = Product.objects.get(pk=product.pk).story
    assert (outcome, story) in ((["refused"], "từ tệp"), (["saved"], "sửa tay"))


# Published products: an editor's import proposes, an approver's writes --------------------------


@pytest.fixture
def published_honey(db):
    from tests.factories import make_producer, make_product

    producer = make_producer(province_slug="ha-tinh", name="HTX Ong Vũ Quang")
    return make_product(producer=producer, name="Mật ong Vũ Quang", stars=3)


def _honey_rows(product):
    certificate = product.certificates.get()
    return [
        row(
            product_name=product.name,
            producer_code=product.producer.slug,
            decision_number=certificate.decision_number,
            decision_date=certificate.decision_date.strftime("%d/%m/%Y"),
            stars=5,
        ),
        row(product_name=product.name, producer_code=product.producer.slug, decision_number="9/QĐ", stars=4),
    ]


def test_import_changing_a_published_products_certificates_waits_for_approval(
    client, editor_a, approver_a, published_honey
):
    from producers.models import ChangeProposal
    from producers.proposals import approve

    product = published_honey
    client.force_login(editor_a)
    before = (
        Product.objects.filter(pk=product.pk).values().get(),
        list(Certificate.objects.filter(product=product).values()),
    )

    preview, confirm = import_file(client, xlsx(_honey_rows(product)))
    message = client.get(confirm["Location"]).content.decode()

    assert preview.context["waiting"] == 2
    assert "chờ người duyệt" in preview.content.decode()
    assert "2 dòng thay đổi sản phẩm đã xuất bản" in message
    after = (
        Product.objects.filter(pk=product.pk).values().get(),
        list(Certificate.objects.filter(product=product).values()),
    )
    assert after == before
    proposal = ChangeProposal.objects.pending().for_object(product).get()
    assert proposal.proposed_by == editor_a
    stars = {e["decision_number"]: e["stars"] for e in proposal.payload["certificates"]}
    assert stars == {product.certificates.get().decision_number: 5, "9/QĐ": 4}
    assert proposal.payload["fields"]["price_min"] == 120000

    import_file(client, xlsx(_honey_rows(product)))  # the same file again changes nothing

    assert ChangeProposal.objects.get().version == 1

    approve(proposal=proposal, user=approver_a)

    product.refresh_from_db()
    assert product.stars == 5 and product.certificates.count() == 2 and product.price_min == 120000


def test_an_approvers_import_writes_published_products_directly(client, approver_a, published_honey):
    from producers.models import ChangeProposal

    client.force_login(approver_a)

    preview, _confirm = import_file(client, xlsx(_honey_rows(published_honey)))

    assert preview.context["waiting"] == 0
    published_honey.refresh_from_db()
    assert published_honey.stars == 5 and published_honey.certificates.count() == 2
    assert not ChangeProposal.objects.exists()


def test_import_into_a_published_product_is_all_or_nothing(client, editor_a, published_honey):
    from producers.models import ChangeProposal

    client.force_login(editor_a)
    rows = [*_honey_rows(published_honey), row(product_name="Hàng lỗi", decision_number="3/QĐ", stars=9)]

    response = upload(client, xlsx(rows), "data.xlsx")
    client.post(response["Location"])

    assert not ChangeProposal.objects.exists()
    assert not Product.objects.filter(name="Hàng lỗi").exists()


def test_an_approvers_import_adding_a_certificate_makes_an_older_proposal_outdated(
    client, editor_a, approver_a, published_honey
):
    from producers.models import ChangeProposal
    from producers.proposals import approve
    from producers.services import StaleEditError
    from tests.staff.helpers import propose_fields

    proposal = propose_fields(published_honey, editor_a, story="Đề xuất trước khi nhập")
    client.force_login(approver_a)

    import_file(client, xlsx(_honey_rows(published_honey)[1:]))  # a new certificate only

    with pytest.raises(StaleEditError):
        approve(proposal=proposal, user=approver_a)
    assert published_honey.certificates.count() == 2
    assert ChangeProposal.objects.get().status == "pending"
