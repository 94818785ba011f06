"""Staff forms for products, certificates, photos and sales channels."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from producers.forms import VersionedForm, https_formfield
from producers.models import Producer
from products.models import Category, Certificate, Product, ProductPhoto, SalesChannel, Standard
from products.photos import process_photo


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
        self.fields["category"].queryset = Category.objects.filter(level=Category.Level.SET)
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
