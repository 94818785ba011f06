"""Publication integrity: an editor's change to a published record waits for an approver.

The public keeps seeing the approved (live) version; staff see what is pending and its
differences; the approval applies it, the history names who proposed and who approved.
"""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from producers.models import ChangeProposal, Producer, ProposalStatus, PublicationStatus
from producers.services import DIRECT_REASON
from products.models import Certificate, Product, ProductPhoto, SalesChannel
from tests.factories import make_certificate, make_producer, make_product, make_staff, png_bytes
from tests.sample_catalog import make_photo
from tests.staff.helpers import form_data_of, product_form_data, propose_fields

pytestmark = pytest.mark.django_db

SCAM = "https://shopee-khuyen-mai.example/mat-ong"


@pytest.fixture
def live(db):
    """A published Hà Tĩnh product of a published producer: a 4★ certificate, a photo, a channel."""
    producer = make_producer(province_slug="ha-tinh", name="HTX Ong mật Vũ Quang")
    product = make_product(producer=producer, name="Mật ong Vũ Quang", stars=4)
    make_photo(product, alt_text="Hũ mật ong trên bàn gỗ")
    SalesChannel.objects.create(product=product, kind="shopee", url="https://shopee.vn/mat-ong-vu-quang")
    product.refresh_from_db()
    return product


@pytest.fixture
def editor(editor_a):
    client = Client()
    client.force_login(editor_a)
    return client


@pytest.fixture
def approver(approver_a):
    client = Client()
    client.force_login(approver_a)
    return client


def public_page(product) -> str:
    response = Client().get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def edit_url(product) -> str:
    return reverse("staff:product_edit", args=[product.pk])


def detail_url(product) -> str:
    return reverse("staff:product_detail", args=[product.pk])


def pending(obj) -> ChangeProposal:
    return ChangeProposal.objects.pending().for_object(obj).get()


def decide(client, proposal, action, **data):
    url = reverse("staff:proposal_action", args=[proposal.pk, action])
    return client.post(url, {"version": proposal.version, **data})


def state(product) -> tuple:
    """The live rows of ``product``, to compare before and after."""
    return (
        Product.objects.filter(pk=product.pk).values().get(),
        list(Certificate.objects.filter(product=product).order_by("pk").values()),
        list(ProductPhoto.objects.filter(product=product).order_by("pk").values()),
        list(SalesChannel.objects.filter(product=product).order_by("pk").values()),
    )


def five_star_certificate(data: dict, index: int) -> dict:
    data = dict(data)
    data["certificates-TOTAL_FORMS"] = str(index + 1)
    data.update(
        {
            f"certificates-{index}-stars": "5",
            f"certificates-{index}-decision_number": "1555/QĐ-BNNMT",
            # Later than the factory's certificate (100 days ago), so it becomes the current one.
            f"certificates-{index}-decision_date": (
                datetime.date.today() - datetime.timedelta(days=10)
            ).isoformat(),
            f"certificates-{index}-issuer": "Bộ Nông nghiệp và Môi trường",
            f"certificates-{index}-level": "national",
        }
    )
    return data


# The public keeps the approved version --------------------------------------------------------


def test_editors_rename_of_a_published_product_waits_then_goes_public_on_approval(
    editor, approver, editor_a, approver_a, live
):
    response = editor.post(edit_url(live), product_form_data(live, name="Mật ong rừng Vũ Quang"))

    assert response.status_code == 302 and response["Location"] == detail_url(live)
    page = public_page(live)
    assert "Mật ong Vũ Quang" in page and "Mật ong rừng Vũ Quang" not in page
    assert Product.objects.get(pk=live.pk).name == "Mật ong Vũ Quang"
    proposal = pending(live)
    assert proposal.proposed_by == editor_a and proposal.base_version == live.version
    staff_page = approver.get(detail_url(live)).content.decode()
    assert "Thay đổi chờ duyệt" in staff_page
    assert "<del>Mật ong Vũ Quang</del> → <ins>Mật ong rừng Vũ Quang</ins>" in staff_page

    response = decide(approver, proposal, "approve")

    assert response.status_code == 302
    page = public_page(live)
    assert "Mật ong rừng Vũ Quang" in page
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED and proposal.decided_by == approver_a
    record = live.history.first()
    assert record.history_user == approver_a
    assert "proposed by editor-a" in record.history_change_reason
    assert "approved by approver-a" in record.history_change_reason


def test_five_star_national_certificate_added_by_an_editor_stays_off_public_pages_until_approved(
    editor, approver, live
):
    data = five_star_certificate(product_form_data(live), index=1)

    editor.post(edit_url(live), data)

    assert "1555/QĐ-BNNMT" not in public_page(live) and "5★" not in public_page(live)
    listed = Client().get("/products/?stars=5").content.decode()
    assert live.get_absolute_url() not in listed
    assert Product.objects.get(pk=live.pk).stars == 4
    assert not Certificate.objects.filter(decision_number="1555/QĐ-BNNMT").exists()
    assert "1555/QĐ-BNNMT" in approver.get(detail_url(live)).content.decode()

    decide(approver, pending(live), "approve")

    assert Product.objects.get(pk=live.pk).stars == 5
    assert "1555/QĐ-BNNMT" in public_page(live)
    assert live.get_absolute_url() in Client().get("/products/?stars=5").content.decode()


def test_photo_added_and_removed_and_channel_link_swapped_wait_for_approval(
    editor, approver, approver_a, live, django_capture_on_commit_callbacks
):
    old_photo, channel = live.photos.get(), live.channels.get()
    data = product_form_data(live)
    data.update(
        {
            "photos-0-DELETE": "on",
            "channels-0-url": SCAM,
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("moi.png", png_bytes((90, 60))),
            "newphotos-0-alt_text": "Tổ ong trong rừng tràm",
        }
    )
    before = state(live)

    editor.post(edit_url(live), data)

    assert state(live) == before
    page = public_page(live)
    assert old_photo.image.url in page and "shopee.vn/mat-ong-vu-quang" in page
    assert SCAM not in page and "Tổ ong trong rừng tràm" not in page
    staged = next(e for e in pending(live).payload["photos"] if e["id"] is None)
    assert default_storage.exists(staged["image"]) and default_storage.exists(staged["card_image"])
    assert not ProductPhoto.objects.filter(image=staged["image"]).exists()
    staff_page = approver.get(detail_url(live)).content.decode()
    assert 'data-change="added"' in staff_page and 'data-change="removed"' in staff_page
    assert f"<ins>{SCAM}</ins>" in staff_page

    with django_capture_on_commit_callbacks(execute=True):
        decide(approver, pending(live), "approve")

    new_photo = live.photos.get()
    assert new_photo.image.name == staged["image"] and new_photo.alt_text == "Tổ ong trong rừng tràm"
    assert not default_storage.exists(old_photo.image.name)
    assert SalesChannel.objects.get(pk=channel.pk).url == SCAM
    assert SCAM in public_page(live) and new_photo.image.url in public_page(live)
    assert ProductPhoto.history.filter(id=old_photo.pk, history_type="-").get().history_user == approver_a
    assert ProductPhoto.history.filter(id=new_photo.pk, history_type="+").get().history_user == approver_a
    swapped = SalesChannel.history.filter(id=channel.pk, history_type="~").get()
    assert swapped.url == SCAM and swapped.history_user == approver_a


def test_published_producer_renamed_by_an_editor_waits_for_approval(editor, approver, live):
    producer = live.producer
    data = {"name": "HTX Ong mật Vũ Quang mới", "kind": producer.kind, "version": producer.version}

    response = editor.post(reverse("staff:producer_edit", args=[producer.pk]), data)

    assert response.status_code == 302
    assert Producer.objects.get(pk=producer.pk).name == "HTX Ong mật Vũ Quang"
    assert "HTX Ong mật Vũ Quang mới" not in Client().get(producer.get_absolute_url()).content.decode()
    assert (
        "HTX Ong mật Vũ Quang mới"
        in approver.get(reverse("staff:producer_detail", args=[producer.pk])).content.decode()
    )

    decide(approver, pending(producer), "approve")

    assert "HTX Ong mật Vũ Quang mới" in Client().get(producer.get_absolute_url()).content.decode()


def test_drafts_are_still_edited_directly(editor, world):
    product = world["product_a"]  # pending, not published

    editor.post(edit_url(product), product_form_data(product, name="Kẹo cu đơ mới"))

    assert Product.objects.get(pk=product.pk).name == "Kẹo cu đơ mới"
    assert not ChangeProposal.objects.exists()


def test_an_approvers_save_of_a_published_product_is_public_at_once_and_the_history_says_so(
    approver, approver_a, live
):
    form_page = approver.get(edit_url(live)).content.decode()

    approver.post(edit_url(live), product_form_data(live, name="Mật ong Vũ Quang loại một"))

    assert "công khai ngay" in form_page
    assert "Mật ong Vũ Quang loại một" in public_page(live)
    record = live.history.first()
    assert record.history_user == approver_a and record.history_change_reason == DIRECT_REASON
    assert "công khai ngay" in approver.get(detail_url(live)).content.decode()
    assert not ChangeProposal.objects.exists()


# The edit page continues the proposal ---------------------------------------------------------


def test_edit_page_shows_and_edits_the_pending_proposal(editor, live):
    data = five_star_certificate(product_form_data(live, name="Mật ong rừng"), index=1)
    data.update(
        {
            "channels-0-url": SCAM,
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("moi.png", png_bytes((90, 60))),
            "newphotos-0-alt_text": "Ảnh đề xuất",
        }
    )
    editor.post(edit_url(live), data)

    page = editor.get(edit_url(live)).content.decode()
    again = form_data_of(page)

    assert "Bạn đang sửa các thay đổi chờ duyệt" in page
    assert again["name"] == "Mật ong rừng"
    assert "1555/QĐ-BNNMT" in again.values()
    assert again["channels-0-url"] == SCAM
    assert again["staged-TOTAL_FORMS"] == "1" and again["staged-0-alt_text"] == "Ảnh đề xuất"
    assert again["proposal_version"] == "1"

    again.update({"story": "Mật ong hoa tràm, thu hoạch tháng tư.", "staged-0-alt_text": "Ảnh đề xuất, sửa"})
    response = editor.post(edit_url(live), again)

    assert response.status_code == 302
    proposal = pending(live)
    assert proposal.version == 2
    assert proposal.payload["fields"]["name"] == "Mật ong rừng"
    assert proposal.payload["fields"]["story"] == "Mật ong hoa tràm, thu hoạch tháng tư."
    assert [e["alt_text"] for e in proposal.payload["photos"] if e["id"] is None] == ["Ảnh đề xuất, sửa"]
    assert {e["decision_number"] for e in proposal.payload["certificates"]} >= {"1555/QĐ-BNNMT"}
    assert ChangeProposal.objects.count() == 1
    assert Product.objects.get(pk=live.pk).name == "Mật ong Vũ Quang"


def test_removing_a_staged_photo_from_the_proposal_deletes_its_files(
    editor, live, django_capture_on_commit_callbacks
):
    data = product_form_data(live)
    data.update(
        {
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("moi.png", png_bytes()),
            "newphotos-0-alt_text": "Ảnh thừa",
            "story": "Có đổi",
        }
    )
    editor.post(edit_url(live), data)
    staged = next(e for e in pending(live).payload["photos"] if e["id"] is None)
    again = form_data_of(editor.get(edit_url(live)).content.decode())
    again["staged-0-DELETE"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(edit_url(live), again)

    assert not any(e["id"] is None for e in pending(live).payload["photos"])
    assert not default_storage.exists(staged["image"]) and not default_storage.exists(staged["card_image"])


def test_undoing_every_change_withdraws_the_proposal(editor, live):
    editor.post(edit_url(live), product_form_data(live, story="Tạm"))
    again = form_data_of(editor.get(edit_url(live)).content.decode())
    again["story"] = live.story

    response = editor.post(edit_url(live), again, follow=True)

    assert "không có gì chờ duyệt" in response.content.decode()
    assert ChangeProposal.objects.get().status == ProposalStatus.WITHDRAWN


def test_two_editors_saving_the_same_proposal_version_the_later_is_refused(editor, editor_a, live):
    editor.post(edit_url(live), product_form_data(live, story="Bản đầu"))
    other = Client()
    other.force_login(make_staff(username="editor-a2", province_slug="ha-tinh"))
    mine = form_data_of(editor.get(edit_url(live)).content.decode())
    theirs = form_data_of(other.get(edit_url(live)).content.decode())

    first = other.post(edit_url(live), {**theirs, "story": "Bản của người kia"})
    second = editor.post(edit_url(live), {**mine, "story": "Bản của tôi"})

    assert first.status_code == 302
    assert second.status_code == 200 and second.context["stale"]
    assert "Tải lại phiên bản hiện tại" in second.content.decode()
    assert pending(live).payload["fields"]["story"] == "Bản của người kia"


def test_a_page_opened_before_someone_else_proposed_is_refused_as_stale(editor, live):
    opened = product_form_data(live, story="Của tôi")
    propose_fields(live, make_staff(username="editor-a2", province_slug="ha-tinh"), story="Của người kia")

    response = editor.post(edit_url(live), opened)

    assert response.status_code == 200 and response.context["stale"]
    assert pending(live).payload["fields"]["story"] == "Của người kia"


# Deciding ---------------------------------------------------------------------------------------


def test_approval_of_a_stale_proposal_is_refused_and_changes_nothing(editor, approver, live):
    editor.post(edit_url(live), product_form_data(live, name="Tên đề xuất"))
    proposal = pending(live)
    approver.post(edit_url(live), product_form_data(live, story="Sửa trực tiếp của người duyệt"))
    live.refresh_from_db()
    before = state(live)
    page = approver.get(detail_url(live)).content.decode()

    response = decide(approver, proposal, "approve")

    assert "không còn duyệt được" in page
    assert state(live) == before
    assert "đã thay đổi sau khi bạn mở trang" in approver.get(response["Location"]).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    assert "Tên đề xuất" not in public_page(live)


def test_the_next_edit_replaces_an_outdated_proposal(editor, approver, editor_a, live):
    editor.post(edit_url(live), product_form_data(live, name="Tên cũ đề xuất"))
    approver.post(edit_url(live), product_form_data(live, story="Người duyệt sửa"))
    live.refresh_from_db()

    page = editor.get(edit_url(live)).content.decode()
    data = form_data_of(page)
    editor.post(edit_url(live), {**data, "name": "Tên mới đề xuất"})

    assert "không còn duyệt được" in page and data["name"] == "Mật ong Vũ Quang"
    statuses = dict(ChangeProposal.objects.values_list("payload__fields__name", "status"))
    assert statuses == {
        "Tên cũ đề xuất": ProposalStatus.SUPERSEDED,
        "Tên mới đề xuất": ProposalStatus.PENDING,
    }


def test_reject_leaves_live_untouched_and_deletes_staged_photo_files(
    editor, approver, approver_a, live, django_capture_on_commit_callbacks
):
    data = product_form_data(live)
    data.update(
        {
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("moi.png", png_bytes()),
            "newphotos-0-alt_text": "Ảnh bị từ chối",
        }
    )
    editor.post(edit_url(live), data)
    proposal = pending(live)
    staged = next(e for e in proposal.payload["photos"] if e["id"] is None)
    before = state(live)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(approver, proposal, "reject", note="Ảnh không đúng sản phẩm.")

    assert response.status_code == 302
    assert state(live) == before
    assert not default_storage.exists(staged["image"]) and not default_storage.exists(staged["card_image"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED and proposal.decided_by == approver_a
    assert proposal.note == "Ảnh không đúng sản phẩm."
    trail = approver.get(detail_url(live)).content.decode()
    assert "Bị từ chối" in trail and "Ảnh không đúng sản phẩm." in trail


def test_editors_may_withdraw_but_not_approve_or_reject(editor, live, django_capture_on_commit_callbacks):
    editor.post(edit_url(live), product_form_data(live, name="Tên đề xuất"))
    proposal = pending(live)
    before = state(live), list(ChangeProposal.objects.values())

    approved = decide(editor, proposal, "approve")
    rejected = decide(editor, proposal, "reject")

    assert (approved.status_code, rejected.status_code) == (403, 403)
    assert (state(live), list(ChangeProposal.objects.values())) == before
    page = editor.get(detail_url(live)).content.decode()
    assert 'data-action="approve"' not in page and 'data-action="withdraw"' in page

    decide(editor, proposal, "withdraw")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert state(live) == before[0]


def test_a_decided_proposal_cannot_be_decided_again(editor, approver, live):
    editor.post(edit_url(live), product_form_data(live, name="Tên đề xuất"))
    proposal = pending(live)
    decide(approver, proposal, "reject")

    response = decide(approver, proposal, "approve")

    assert "đã được duyệt, từ chối hoặc rút" in approver.get(response["Location"]).content.decode()
    assert Product.objects.get(pk=live.pk).name == "Mật ong Vũ Quang"


def test_approving_a_version_of_the_proposal_the_approver_has_not_seen_is_refused(editor, approver, live):
    editor.post(edit_url(live), product_form_data(live, name="Bản một"))
    seen = pending(live)
    again = form_data_of(editor.get(edit_url(live)).content.decode())
    editor.post(edit_url(live), {**again, "name": "Bản hai"})

    decide(approver, seen, "approve")

    assert Product.objects.get(pk=live.pk).name == "Mật ong Vũ Quang"
    assert pending(live).payload["fields"]["name"] == "Bản hai"


# Province walls ---------------------------------------------------------------------------------


def test_other_province_staff_get_404_and_see_none_of_its_proposals(client, proposals, editor_b):
    approver_b = make_staff(username="approver-b", province_slug="nghe-an", role="approver")
    proposal_a = proposals["proposal_a"]
    names = ("Kẹo lạc Thạch Hà",)
    before = list(ChangeProposal.objects.order_by("pk").values()), state(proposals["published_a"])

    for user in (editor_b, approver_b):
        client.force_login(user)
        for action in ("approve", "reject", "withdraw"):
            assert decide(client, proposal_a, action).status_code == 404
        pages = [
            client.get(reverse("staff:dashboard")),
            client.get(reverse("staff:proposal_list")),
            client.get(reverse("staff:proposal_list") + "?status=approved"),
            client.get(reverse("staff:product_list")),
        ]
        for response in pages:
            html = response.content.decode()
            assert response.status_code == 200
            assert not any(name in html for name in names)
            assert f'data-proposal="{proposal_a.pk}"' not in html
        assert "Cam Xã Đoài" in pages[1].content.decode()  # their own is listed

    assert (list(ChangeProposal.objects.order_by("pk").values()), state(proposals["published_a"])) == before


def test_staff_see_their_provinces_queue_on_the_dashboard_and_the_lists(client, approver_a, proposals):
    client.force_login(approver_a)
    published = proposals["published_a"]

    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    queue = client.get(reverse("staff:proposal_list")).content.decode()
    products = client.get(reverse("staff:product_list")).content.decode()
    waiting = client.get(reverse("staff:product_list") + "?q=keo+lac").content.decode()

    assert f'href="{detail_url(published)}"' in dashboard and "1 thay đổi" in dashboard
    assert f'href="{detail_url(published)}"' in queue and "Cam Xã Đoài" not in queue
    assert products.count("data-pending-changes") == 1
    assert "data-pending-changes" in waiting


# History ---------------------------------------------------------------------------------------


def test_history_shows_proposer_and_approver(editor, approver, live):
    editor.post(edit_url(live), product_form_data(live, name="Mật ong rừng Vũ Quang"))
    decide(approver, pending(live), "approve")

    page = approver.get(detail_url(live)).content.decode()

    assert "đề xuất bởi editor-a" in page and "duyệt bởi approver-a" in page
    assert 'data-proposal-status="approved"' in page


def test_photo_and_channel_changes_leave_history_records(editor, editor_a, world):
    product = world["product_a"]  # not published: the editor's save is direct
    channel = SalesChannel.objects.create(product=product, kind="shopee", url="https://shopee.vn/keo")
    data = product_form_data(product)
    data.update(
        {
            "channels-0-url": SCAM,
            "newphotos-TOTAL_FORMS": "1",
            "newphotos-0-image": SimpleUploadedFile("a.png", png_bytes()),
            "newphotos-0-alt_text": "Gói kẹo",
        }
    )

    editor.post(edit_url(product), data)
    page = editor.get(detail_url(product)).content.decode()

    changed = SalesChannel.history.filter(id=channel.pk, history_type="~").get()
    assert changed.url == SCAM and changed.history_user == editor_a
    assert ProductPhoto.history.filter(product_id=product.pk, history_type="+").get().history_user == editor_a
    assert f"<del>https://shopee.vn/keo</del> → <ins>{SCAM}</ins>" in page
    assert "Ảnh “Gói kẹo”" in page


# Bounded work -----------------------------------------------------------------------------------


def _grow(product, n: int) -> None:
    for i in range(n):
        make_certificate(product=product, decision_date=datetime.date(2020, 1, 1 + i))
        product.photos.create(image=f"products/photos/{i}.jpg", alt_text=f"ảnh {i}", width=10, height=10)
        product.channels.create(kind="other", url=f"https://example.com/{i}")


@pytest.mark.parametrize("page", ["detail", "edit", "queue", "dashboard"])
def test_proposal_pages_query_counts_do_not_grow(page, editor, live, django_assert_max_num_queries):
    def url():
        return {
            "detail": detail_url(live),
            "edit": edit_url(live),
            "queue": reverse("staff:proposal_list"),
            "dashboard": reverse("staff:dashboard"),
        }[page]

    def propose_all():
        live.refresh_from_db()
        ChangeProposal.objects.all().delete()
        data = five_star_certificate(
            product_form_data(live, name="Tên mới"), int(product_form_data(live)["certificates-TOTAL_FORMS"])
        )
        data.update({f"channels-{i}-url": f"https://shop.example/{i}" for i in range(live.channels.count())})
        assert editor.post(edit_url(live), data).status_code == 302

    propose_all()
    editor.get(url())
    with django_assert_max_num_queries(40) as small:
        assert editor.get(url()).status_code == 200
    _grow(live, 6)
    for i in range(4):
        other = make_product(producer=live.producer, name=f"Sản phẩm {i}")
        propose_fields(other, make_staff(username=f"editor-x{i}", province_slug="ha-tinh"), name=f"Đổi {i}")
    propose_all()

    with django_assert_max_num_queries(40) as large:
        assert editor.get(url()).status_code == 200

    assert len(large.captured_queries) <= len(small.captured_queries)


def test_archiving_is_still_the_approvers_and_leaves_proposals_outdated(editor, approver, live):
    editor.post(edit_url(live), product_form_data(live, name="Tên đề xuất"))

    approver.post(reverse("staff:product_status", args=[live.pk, "archive"]), {"version": live.version})

    live.refresh_from_db()
    assert live.status == PublicationStatus.ARCHIVED
    assert pending(live).is_outdated(live.version)


def test_a_proposal_keeps_within_the_photo_limit(editor, live):
    for i in range(28):
        live.photos.create(image=f"products/photos/{i}.jpg", alt_text=f"ảnh {i}", width=10, height=10)
    data = product_form_data(live)
    data["newphotos-TOTAL_FORMS"] = "2"
    for i in range(2):
        data[f"newphotos-{i}-image"] = SimpleUploadedFile(f"{i}.png", png_bytes())
        data[f"newphotos-{i}-alt_text"] = f"Ảnh mới {i}"

    response = editor.post(edit_url(live), data)

    assert response.status_code == 200
    assert "tối đa 30 ảnh" in response.content.decode()
    assert not ChangeProposal.objects.exists()


def test_producer_edit_page_continues_the_pending_proposal(editor, approver, live):
    producer = live.producer
    url = reverse("staff:producer_edit", args=[producer.pk])
    editor.post(url, {"name": "HTX Ong mật mới", "kind": producer.kind, "version": producer.version})

    again = form_data_of(editor.get(url).content.decode())
    editor.post(url, {**again, "phone": "0912345678"})

    assert again["name"] == "HTX Ong mật mới" and again["proposal_version"] == "1"
    proposal = pending(producer)
    assert (proposal.version, proposal.payload["fields"]["phone"]) == (2, "0912345678")
    assert Producer.objects.get(pk=producer.pk).phone == ""
    page = approver.get(reverse("staff:producer_detail", args=[producer.pk])).content.decode()
    assert "<del>—</del> → <ins>0912345678</ins>" in page


@pytest.mark.parametrize("page", ["producer_detail", "producer_edit"])
def test_producer_proposal_pages_query_counts_do_not_grow(page, editor, live, django_assert_max_num_queries):
    producer = live.producer
    url = reverse(f"staff:{page}", args=[producer.pk])
    editor.post(
        reverse("staff:producer_edit", args=[producer.pk]),
        {"name": "HTX mới", "kind": producer.kind, "version": producer.version},
    )
    editor.get(url)
    with django_assert_max_num_queries(30) as small:
        assert editor.get(url).status_code == 200
    for i in range(5):
        make_product(producer=producer, name=f"Sản phẩm {i}")

    with django_assert_max_num_queries(30) as large:
        assert editor.get(url).status_code == 200

    assert len(large.captured_queries) <= len(small.captured_queries)
