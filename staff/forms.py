"""Staff forms: producers, products with their certificates, photos and sales channels.

Every choice is limited by producers.permissions (``editable_by``); every rule is the model's,
shown on the field it concerns.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import Producer
from producers.permissions import editable_provinces, editable_wards, is_national_admin
from products.models import Certificate, Product, ProductPhoto, SalesChannel, Standard
from products.photos import process_photo


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
        fields = [
            "name",
            "kind",
            "province",
            "ward",
            "street_address",
            "former_address",
            "phone",
            "zalo",
            "email",
            "website",
            "description",
            "year_founded",
            "youth_led",
            "youth_union_supported",
            "women_led",
            "ethnic_minority",
        ]
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
        wards = editable_wards(user).select_related("province").order_by("name")
        if self.instance.pk:
            wards = wards.filter(province_id=self.instance.province_id)
        self.fields["ward"].queryset = wards
        if not is_national_admin(user):
            # Staff write only into their own province: the field shows it but ignores the POST.
            self.fields["province"].disabled = True
            self.fields["province"].initial = self.instance.province_id or provinces.first()
        if self.instance.pk and not is_national_admin(user):
            self.fields["province"].initial = self.instance.province_id


class ProductForm(VersionedForm):
    class Meta:
        model = Product
        fields = [
            "name",
            "producer",
            "category",
            "story",
            "net_quantity",
            "packaging",
            "shelf_life",
            "ingredients",
            "storage",
            "standards",
            "price_min",
            "price_max",
            "price_unit",
        ]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 5}),
            "ingredients": forms.Textarea(attrs={"rows": 3}),
            "standards": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = Producer.objects.editable_by(user).select_related("province")
        self.fields["standards"].queryset = Standard.objects.all()


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = [
            "stars",
            "decision_number",
            "decision_date",
            "issuer",
            "level",
            "score",
            "expires_on",
            "potential_five_star",
            "revoked_on",
            "revocation_reason",
        ]
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
        fields = ["alt_text", "position"]


class NewPhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(label=_("Description for screen readers"), max_length=255, required=False)

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            self.cleaned_data["renditions"] = process_photo(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("alt_text", "").strip():
            self.add_error("alt_text", _("Describe what the photo shows."))
        return cleaned


class ChannelForm(forms.ModelForm):
    class Meta:
        model = SalesChannel
        fields = ["kind", "url", "label"]
        formfield_callback = https_formfield


CertificateFormSet = inlineformset_factory(
    Product, Certificate, form=CertificateForm, extra=1, can_delete=True, max_num=20, validate_max=True
)
PhotoFormSet = inlineformset_factory(
    Product, ProductPhoto, form=PhotoForm, extra=0, can_delete=True, max_num=30, validate_max=True
)
ChannelFormSet = inlineformset_factory(
    Product, SalesChannel, form=ChannelForm, extra=1, can_delete=True, max_num=20, validate_max=True
)
NewPhotoFormSet = forms.formset_factory(NewPhotoForm, extra=2, max_num=6, validate_max=True)
