"""Issue 12, item 3: asking a producer from a product or producer page; retention."""

import datetime

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from inquiries.models import Inquiry
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Chị Lan",
    "contact": "0912 345 678",
    "quantity": "200 hộp",
    "message": "Tôi muốn đặt 200 hộp kẹo làm quà Tết, xem https://evil.example/x <b>ngay</b>.",
}


@pytest.fixture
def product():
    producer = make_producer(name="HTX Kẹo cu đơ", slug="htx-keo", email="htx@example.vn")
    return make_product(producer=producer, slug="keo-cu-do", name="Kẹo cu đơ", stars=4)


def test_product_page_has_the_form_and_a_question_is_stored_and_forwarded(
    client, product, django_capture_on_commit_callbacks
):
    page = client.get(product.get_absolute_url()).content.decode()
    assert '/products/keo-cu-do/ask/"' in page and 'name="website"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/products/keo-cu-do/ask/", GOOD)

    assert response.status_code == 302 and response["Location"] == "/ask/sent/"
    inquiry = Inquiry.objects.get()
    assert (inquiry.producer, inquiry.product, inquiry.contact) == (product.producer, product, "0912 345 678")
    assert inquiry.status == Inquiry.Status.FORWARDED and inquiry.forwarded_at is not None
    [email] = mail.outbox
    assert email.to == ["htx@example.vn"] and "200 hộp" in email.body and "0912 345 678" in email.body
    assert "Kẹo cu đơ" in email.subject
    confirmation = client.get("/ask/sent/").content.decode()
    assert "Câu hỏi của bạn đã được gửi" in confirmation


def test_producer_without_email_keeps_the_question_new(client, django_capture_on_commit_callbacks):
    producer = make_producer(slug="no-mail", email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/producers/{producer.slug}/ask/", {**GOOD, "contact": "lan@example.vn"})
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.product is None and inquiry.status == Inquiry.Status.NEW and mail.outbox == []
    assert 'action="/producers/no-mail/ask/"' in client.get(producer.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"contact": "not a contact"}, "contact"),
        ({"contact": "lan@"}, "contact"),
        ({"message": "hi"}, "message"),
        ({"message": "x" * 2001}, "message"),
        ({"name": "n" * 101}, "name"),
        ({"quantity": "q" * 101}, "quantity"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(client, product, change, field):
    response = client.post("/products/keo-cu-do/ask/", {**GOOD, **change})
    assert response.status_code == 400 and field in response.context["form"].errors
    assert Inquiry.objects.count() == 0
    assert "Câu hỏi chưa được gửi" in response.content.decode()


def test_honeypot_pretends_success_and_stores_nothing(client, product):
    response = client.post("/products/keo-cu-do/ask/", {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302 and Inquiry.objects.count() == 0 and mail.outbox == []


def test_unpublished_product_cannot_be_asked_about(client):
    draft = make_product(slug="draft-keo", status="draft")
    assert client.post("/products/draft-keo/ask/", GOOD).status_code == 404
    assert draft.inquiries.count() == 0


def test_rate_limit_per_address(client, product, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "inquiry": (2, 3600)}
    from django.core.cache import cache

    cache.clear()
    codes = [client.post("/products/keo-cu-do/ask/", GOOD).status_code for _ in range(3)]
    assert codes == [302, 302, 429] and Inquiry.objects.count() == 2
    assert client.get("/products/keo-cu-do/ask/").status_code == 200  # reading the form is free
    cache.clear()


def test_old_questions_are_deleted_after_the_retention_period(product, settings):
    settings.INQUIRY_RETENTION_DAYS = 30
    old = Inquiry.objects.create(producer=product.producer, name="A", contact="0912345678", message="m" * 20)
    recent = Inquiry.objects.create(
        producer=product.producer, name="B", contact="0912345678", message="m" * 20
    )
    Inquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))

    call_command("delete_old_inquiries", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(Inquiry.objects.values_list("pk", flat=True)) == [recent.pk]
    with pytest.raises(CommandError):
        call_command("delete_old_inquiries", days=0)
