"""The "ask the producer" form: short fields, a honeypot, a phone number or an email address."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from inquiries.models import CONTACT_MAX, MESSAGE_MAX, NAME_MAX, QUANTITY_MAX, Inquiry

_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")
MESSAGE_MIN = 10


class InquiryForm(forms.ModelForm):
    # A field people never see (hidden by CSS, skipped by keyboard and screen readers); robots
    # that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"), max_length=200)

    class Meta:
        model = Inquiry
        fields = ["name", "contact", "quantity", "message"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX}),
            "name": forms.TextInput(attrs={"maxlength": NAME_MAX, "autocomplete": "name"}),
            "contact": forms.TextInput(attrs={"maxlength": CONTACT_MAX}),
            "quantity": forms.TextInput(attrs={"maxlength": QUANTITY_MAX}),
        }
        help_texts = {"contact": _("The producer answers you there.")}

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("This field must stay empty."), code="honeypot")
        return ""

    def clean_contact(self):
        contact = " ".join(self.cleaned_data["contact"].split())
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(_("Enter a valid email address."), code="email") from None
        elif not _PHONE.match(contact):
            raise ValidationError(_("Enter a phone number (digits) or an email address."), code="contact")
        return contact

    def clean_message(self):
        message = self.cleaned_data["message"].replace("\x00", "").strip()
        if len(message) < MESSAGE_MIN:
            raise ValidationError(
                _("Write at least %(count)d characters.") % {"count": MESSAGE_MIN}, code="short"
            )
        return message

    @property
    def is_bot(self) -> bool:
        return "website" in self.errors
