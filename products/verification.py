"""Checking a certificate from what a buyer holds: its decision number or the label's short code.

The short code is printed on the product label (``label.svg``): "OCOP-" and the certificate's id
in Crockford base 32, then a check character, so a mistyped code finds nothing rather than
another product. It reveals nothing the public product page does not show.
"""

import dataclasses
import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from producers.models import PublicationStatus
from products.certificates import VALID_STATUSES, Status, decision_key
from products.models import Certificate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
PREFIX = "OCOP-"
MAX_RESULTS = 50


def _check_character(body: str) -> str:
    # Odd weights are prime to 32: any one mistyped character changes the check character.
    total = sum((2 * index + 1) * ALPHABET.index(char) for index, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def short_code(certificate_id: int) -> str:
    """The label's code of a certificate: ``short_code(1234)`` -> "OCOP-16J" plus a check character."""
    body = ""
    number = certificate_id
    while True:
        number, digit = divmod(number, len(ALPHABET))
        body = ALPHABET[digit] + body
        if not number:
            break
    body = body.rjust(3, "0")
    return f"{PREFIX}{body}{_check_character(body)}"


def parse_short_code(text: str) -> int | None:
    """The certificate id a typed short code stands for, or None when it is not a valid code."""
    code = "".join(text.split()).upper().replace("-", "")
    if not code.startswith("OCOP"):
        return None
    code = code[4:].translate(_READ_AS)
    if not 4 <= len(code) <= 12 or any(char not in ALPHABET for char in code):
        return None
    body, check = code[:-1], code[-1]
    if _check_character(body) != check:
        return None
    number = 0
    for char in body:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    return number


@dataclasses.dataclass
class Verdict:
    """One certificate found, with its status on ``day`` in words a buyer understands."""

    certificate: Certificate
    status: str
    summary: str
    revocation_ahead: bool


_SUMMARIES = {
    Status.REVOKED: gettext_lazy("Revoked on %(revoked)s: this product may no longer carry the OCOP label."),
    Status.EXPIRED: gettext_lazy(
        "Expired: valid only until %(until)s; the product may no longer carry the OCOP %(stars)s-star label."
    ),
    "ahead": gettext_lazy(
        "Valid today, but revoked from %(revoked)s: it may carry the %(stars)s-star label until then."
    ),
    Status.EXPIRING: gettext_lazy(
        "Valid, but only until %(until)s: the product must be rated again to keep its %(stars)s stars."
    ),
    Status.VALID: gettext_lazy(
        "Valid: this product may carry the OCOP %(stars)s-star label until %(until)s."
    ),
}


def verdict(certificate: Certificate, day: datetime.date) -> Verdict:
    """``certificate``'s status on ``day`` and a sentence saying what it means for the buyer."""
    status = certificate.status_on(day)
    ahead = certificate.revoked_on is not None and certificate.revoked_on > day
    values = {
        "stars": certificate.stars,
        "until": certificates_date(certificate.expires_on),
        "revoked": certificates_date(certificate.revoked_on) if certificate.revoked_on else "",
    }
    summary = _SUMMARIES["ahead" if ahead and status in VALID_STATUSES else status] % values
    return Verdict(certificate, status, str(summary), ahead)


def certificates_date(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def find(query: str) -> tuple[list[Certificate], int]:
    """Certificates of published products matching a decision number or a short code.

    At most ``MAX_RESULTS``, with the total; two queries whatever the number of matches.
    """
    matching = Certificate.objects.filter(
        product__status=PublicationStatus.PUBLISHED, product__producer__status=PublicationStatus.PUBLISHED
    ).select_related("product__producer__province")
    certificate_id = parse_short_code(query)
    if certificate_id is not None:
        matching = matching.filter(pk=certificate_id)
    else:
        key = decision_key(query)
        if not key:
            return [], 0
        matching = matching.filter(decision_key=key)
    found = list(matching.order_by("product__name", "-decision_date", "pk")[: MAX_RESULTS + 1])
    total = len(found) if len(found) <= MAX_RESULTS else matching.count()
    return found[:MAX_RESULTS], total
