"""The proposal mechanism itself (producers.proposals, products.proposals), without the pages."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from producers import proposals
from producers.models import ChangeProposal, ProposalStatus
from producers.services import StaleEditError
from products.models import Product
from tests.factories import make_producer, make_product, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(db):
    return make_product(producer=make_producer(province_slug="ha-tinh"), name="Kẹo cu đơ", stars=4)


@pytest.fixture
def editor(db):
    return make_staff(username="bientap", province_slug="ha-tinh", role="editor")


@pytest.fixture
def approver(db):
    return make_staff(username="duyet", province_slug="ha-tinh", role="approver")


def rename(product, user, name, **kwargs):
    return proposals.propose(
        obj=product,
        user=user,
        change=lambda state: {**state, "fields": {**state["fields"], "name": name}},
        **kwargs,
    )


@pytest.mark.parametrize(
    ("role", "status", "waits"),
    [
        ("editor", "published", True),
        ("editor", "draft", False),
        ("editor", "pending", False),
        ("approver", "published", False),
        ("admin", "published", False),
    ],
)
def test_only_editors_changes_to_published_records_wait(role, status, waits, product, django_user_model):
    if role == "admin":
        user = django_user_model.objects.create_superuser("quocgia", password="pw-test-12345")
    else:
        user = make_staff(username=role, province_slug="ha-tinh", role=role)
    product.status = status

    assert proposals.needs_approval(obj=product, province_id=product.producer.province_id, user=user) is waits


def test_at_most_one_pending_proposal_per_record(product, editor):
    first = rename(product, editor, "Một")

    with pytest.raises(IntegrityError), transaction.atomic():
        ChangeProposal.objects.create(
            content_type=first.content_type,
            object_id=product.pk,
            province=first.province,
            payload=first.payload,
            base_version=product.version,
            proposed_by=editor,
        )

    first.status, first.decided_at, first.decided_by = ProposalStatus.REJECTED, first.proposed_at, editor
    first.save()
    assert rename(product, editor, "Hai").pk != first.pk


def test_a_direct_save_of_a_published_product_by_an_editor_is_refused(product, editor):
    from producers.services import save_versioned_form
    from staff.forms import ProductForm
    from tests.staff.helpers import product_form_data

    form = ProductForm(product_form_data(product, name="Đổi thẳng"), instance=product, user=editor)
    assert form.is_valid(), form.errors

    with pytest.raises(PermissionDenied), transaction.atomic():
        save_versioned_form(
            form=form, user=editor, expected_version=product.version, province_id=product.producer.province_id
        )

    assert Product.objects.get(pk=product.pk).name == "Kẹo cu đơ"


def test_approval_goes_through_the_model_rules_and_writes_nothing_when_they_refuse(product, editor, approver):
    proposal = proposals.propose(
        obj=product,
        user=editor,
        change=lambda state: {
            **state,
            "fields": {**state["fields"], "price_min": 50_000, "price_max": 10_000},
        },
    )
    before = Product.objects.filter(pk=product.pk).values().get()

    with pytest.raises(ValidationError):
        proposals.approve(proposal=proposal, user=approver)

    assert Product.objects.filter(pk=product.pk).values().get() == before
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_approval_claims_the_version_the_proposal_was_made_from(product, editor, approver):
    proposal = rename(product, editor, "Tên mới")
    Product.objects.filter(pk=product.pk).update(version=product.version + 1, story="đổi thẳng")

    with pytest.raises(StaleEditError):
        proposals.approve(proposal=proposal, user=approver)

    assert Product.objects.get(pk=product.pk).name == "Kẹo cu đơ"


def test_approved_change_moves_the_record_one_version_and_names_both_people(product, editor, approver):
    proposal = rename(product, editor, "Kẹo cu đơ Thiên Cầm")

    proposals.approve(proposal=proposal, user=approver, note="Đúng hồ sơ.")

    product.refresh_from_db()
    assert product.name == "Kẹo cu đơ Thiên Cầm" and product.version == proposal.base_version + 1
    reason = product.history.first().history_change_reason
    assert proposals.proposal_id_of(reason) == proposal.pk
    assert "proposed by bientap" in reason and "approved by duyet" in reason
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.note) == (
        ProposalStatus.APPROVED,
        approver,
        "Đúng hồ sơ.",
    )


def test_a_proposal_made_from_an_older_version_is_replaced_and_its_staged_files_deleted(
    product, editor, django_capture_on_commit_callbacks
):
    staged = default_storage.save("products/photos/" + "a" * 32 + ".jpg", ContentFile(b"x"))
    old = proposals.propose(
        obj=product,
        user=editor,
        change=lambda state: {
            **state,
            "photos": [
                *state["photos"],
                {
                    "id": None,
                    "key": "a" * 32,
                    "alt_text": "Ảnh",
                    "position": 0,
                    "image": staged,
                    "card_image": "",
                    "width": 1,
                    "height": 1,
                    "card_width": None,
                    "card_height": None,
                },
            ],
        },
    )
    Product.objects.filter(pk=product.pk).update(version=product.version + 1)
    product.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        new = rename(product, editor, "Tên mới")

    old.refresh_from_db()
    assert old.status == ProposalStatus.SUPERSEDED and new.status == ProposalStatus.PENDING
    assert new.base_version == product.version
    assert not default_storage.exists(staged)


def test_proposals_of_national_records_are_for_national_admins_only(product, editor, django_user_model):
    admin = django_user_model.objects.create_superuser("quocgia", password="pw-test-12345")
    ChangeProposal.objects.create(
        content_type=ContentType.objects.get_for_model(Product),
        object_id=product.pk,
        province=None,
        payload={},
        base_version=1,
        proposed_by=admin,
    )

    assert not ChangeProposal.objects.editable_by(editor).exists()
    assert ChangeProposal.objects.editable_by(admin).count() == 1


def test_only_the_provinces_staff_propose_and_only_its_approvers_decide(product, editor, approver):
    outsider = make_staff(username="nghean", province_slug="nghe-an", role="approver")

    with pytest.raises(PermissionDenied):
        rename(product, outsider, "Tên lạ")
    proposal = rename(product, editor, "Tên mới")
    for decide in (proposals.approve, proposals.reject):
        with pytest.raises(PermissionDenied):
            decide(proposal=proposal, user=outsider)
        with pytest.raises(PermissionDenied):
            decide(proposal=proposal, user=editor)
    with pytest.raises(PermissionDenied):
        proposals.withdraw(proposal=proposal, user=outsider)

    assert ChangeProposal.objects.get().status == ProposalStatus.PENDING
    assert Product.objects.get(pk=product.pk).name == "Kẹo cu đơ"
