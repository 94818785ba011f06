"""Staff forms: producers, products with their certificates, photos and sales channels.

Every choice is limited by producers.permissions (``editable_by``); every rule is the model's,
shown on the field it concerns.
"""

from django import forms
from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import OfficialTotal, Producer
from producers.official import STAR_FIELDS
from producers.permissions import editable_provinces, editable_wards, is_national_admin
from producers.proposals import PRODUCER_FIELDS
from products.models import Certificate, Product, ProductPhoto, SalesChannel, Standard
from products.photos import (
    MAX_PHOTOS_PER_PRODUCT,
    TOO_MANY_PHOTOS,
    PixelBudget,
    PixelBudgetFormSetMixin,
    process_photo,
)
from products.proposals import CERTIFICATE_FIELDS, CHANNEL_FIELDS, PHOTO_FIELDS, PRODUCT_FIELDS
from promotion.models import http_url
from staff import autocomplete


def https_formfield(model_field, **kwargs):
    """Form fields as usual, but a web address typed without a scheme means https://."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class VersionedForm(forms.ModelForm):
    """Carries the version the user started from, for the refusal of stale saves."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0


def value_limits(model_field) -> dict[str, int]:
    """The ``min``/``max`` input attributes a model field's value validators imply."""
    attrs = {}
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator):
            attrs["min"] = validator.limit_value
        elif isinstance(validator, MaxValueValidator):
            attrs["max"] = validator.limit_value
    return attrs


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ProducerForm(VersionedForm):
    class Meta:
        model = Producer
        fields = list(PRODUCER_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        formfield_callback = https_formfield

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The database only says 1900–2100; say it on the field, and refuse the future too.
        this_year = timezone.localdate().year
        year = self.fields["year_founded"]
        year.validators += [MinValueValidator(1900), MaxValueValidator(this_year)]
        year.widget.attrs.update({"min": 1900, "max": this_year})
        provinces = editable_provinces(user)
        self.fields["province"].queryset = provinces
        wards = editable_wards(user).select_related("province")
        if self.instance.pk:
            wards = wards.filter(province_id=self.instance.province_id)
        ward = self.fields["ward"]
        self.fields["ward"] = autocomplete.AutocompleteChoiceField(
            wards, source=reverse_lazy("staff:ward_choices"), label=ward.label, required=ward.required
        )
        if not is_national_admin(user):
            # Staff write only into their own province: the field shows it but ignores the POST.
            self.fields["province"].disabled = True
            self.fields["province"].initial = self.instance.province_id or provinces.first()
        if self.instance.pk and not is_national_admin(user):
            self.fields["province"].initial = self.instance.province_id


class ProductForm(VersionedForm):
    class Meta:
        model = Product
        fields = list(PRODUCT_FIELDS)
        widgets = {
            "story": forms.Textarea(attrs={"rows": 5}),
            "ingredients": forms.Textarea(attrs={"rows": 3}),
            "standards": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        producer = self.fields["producer"]
        self.fields["producer"] = autocomplete.producer_field(user, label=producer.label)
        self.fields["standards"].queryset = Standard.objects.all()


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = list(CERTIFICATE_FIELDS)
        widgets = {
            "decision_date": DateInput,
            "expires_on": DateInput,
            "revoked_on": DateInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].required = False
        # The browser's hint of the score field's range; the model field's validators decide.
        self.fields["score"].widget.attrs.update(value_limits(Certificate._meta.get_field("score")))


class PhotoForm(forms.ModelForm):
    class Meta:
        model = ProductPhoto
        fields = list(PHOTO_FIELDS)


class StagedPhotoForm(forms.Form):
    """A photo added by a pending proposal (stored, but no live row yet): described, moved, removed."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=32)
    alt_text = ProductPhoto._meta.get_field("alt_text").formfield()
    position = ProductPhoto._meta.get_field("position").formfield()

    def __init__(self, *args, staged: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.staged = staged

    def clean_key(self):
        key = self.cleaned_data["key"]
        if key not in self.staged:  # never trust a key from the request: it must be the proposal's
            raise forms.ValidationError(_("This photo is no longer among the proposed changes."))
        return key

    @property
    def picture(self) -> dict | None:
        """The staged card rendition to show next to the fields."""
        entry = self.staged.get(self["key"].value())
        if entry is None:
            return None
        return {
            "url": default_storage.url(entry["card_image"] or entry["image"]),
            "width": entry["card_width"] or entry["width"],
            "height": entry["card_height"] or entry["height"],
            "alt": entry["alt_text"],
        }


class NewPhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(label=_("Description for screen readers"), max_length=255, required=False)

    def __init__(self, *args, budget: PixelBudget | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = budget

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            self.cleaned_data["renditions"] = process_photo(upload, budget=self.budget)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("alt_text", "").strip():
            self.add_error("alt_text", _("Describe what the photo shows."))
        return cleaned


class ChannelForm(forms.ModelForm):
    class Meta:
        model = SalesChannel
        fields = list(CHANNEL_FIELDS)
        formfield_callback = https_formfield


class ProposedInlineFormSet(BaseInlineFormSet):
    """An inline formset that shows a pending proposal's children instead of the live ones.

    ``proposed`` holds the proposal's entries of this kind (None: edit the live rows). The
    live rows it keeps are the existing forms, filled in with the proposal's values; the rows
    it adds are extra forms, filled in; the rows it removes are not shown. Bound to a POST, the
    forms carry what was posted, and the ids are still checked against the kept live rows.
    """

    def __init__(self, data=None, *args, proposed: list[dict] | None = None, **kwargs):
        self.proposed = None if proposed is None else {e["id"]: e for e in proposed if e.get("id")}
        added = [] if proposed is None else [e for e in proposed if not e.get("id")]
        if self.proposed is not None:
            queryset = kwargs.get("queryset")
            queryset = queryset if queryset is not None else self.model._default_manager.all()
            kwargs["queryset"] = queryset.filter(pk__in=list(self.proposed))
            if data is None:
                kwargs["initial"] = [self._values(entry) for entry in added]
        super().__init__(data, *args, **kwargs)
        if self.proposed is not None and not self.is_bound:
            self.extra = len(added) + type(self).extra

    # Django's own message ("Please submit at most 20 forms.") has no Vietnamese translation.
    default_error_messages = {
        "too_many_forms": _("There are more than %(num)s rows here. Remove some and save again."),
    }

    def _values(self, entry: dict) -> dict:
        return {name: entry[name] for name in self.form._meta.fields if name in entry}

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.proposed is not None and not self.is_bound and index < self.initial_form_count():
            kwargs["initial"] = self._values(self.proposed[self.get_queryset()[index].pk])
        return kwargs


CertificateFormSet = inlineformset_factory(
    Product,
    Certificate,
    form=CertificateForm,
    formset=ProposedInlineFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
    validate_max=True,
)


class PhotoInlineFormSet(ProposedInlineFormSet):
    default_error_messages = {"too_many_forms": TOO_MANY_PHOTOS}


PhotoFormSet = inlineformset_factory(
    Product,
    ProductPhoto,
    form=PhotoForm,
    formset=PhotoInlineFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_PHOTOS_PER_PRODUCT,
    validate_max=True,
)
ChannelFormSet = inlineformset_factory(
    Product,
    SalesChannel,
    form=ChannelForm,
    formset=ProposedInlineFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
    validate_max=True,
)


class BaseNewPhotoFormSet(PixelBudgetFormSetMixin, forms.BaseFormSet):
    """New photos of one save: together they decode at most ``MAX_PIXELS_PER_SAVE``."""

    default_error_messages = {"too_many_forms": _("Add at most %(num)s photos in one save.")}


class BaseStagedPhotoFormSet(forms.BaseFormSet):
    default_error_messages = {"too_many_forms": TOO_MANY_PHOTOS}


NewPhotoFormSet = forms.formset_factory(
    NewPhotoForm, formset=BaseNewPhotoFormSet, extra=2, max_num=6, validate_max=True
)
StagedPhotoFormSet = forms.formset_factory(
    StagedPhotoForm,
    formset=BaseStagedPhotoFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_PHOTOS_PER_PRODUCT,
    validate_max=True,
)


class ProposalDecisionForm(forms.Form):
    """An approver's note on approving or rejecting proposed changes (optional)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown with the decision in the list of proposed changes."),
    )


class OfficialTotalForm(forms.ModelForm):
    """A province's official figure as published; the province from the user's editable ones only.

    The model checks the rest: stars adding up to the total, no date in the future, no negatives.
    """

    class Meta:
        model = OfficialTotal
        fields = ["province", "as_of", "total", "stars_5", "stars_4", "stars_3", "source", "source_url"]
        widgets = {"as_of": DateInput}
        formfield_callback = https_formfield

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = editable_provinces(user).order_by("name")
        self.fields["province"].queryset = provinces  # a tampered POST of another province: invalid
        if not is_national_admin(user):
            self.fields["province"].empty_label = None  # their one province, already chosen
        link = self.fields["source_url"]
        link.validators = [http_url]  # http(s) only, with a message that says so
        link.error_messages["invalid"] = http_url.message
        for name in ("total", *STAR_FIELDS):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
