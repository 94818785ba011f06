"""Staff forms for producers; every choice is limited by producers.permissions."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from producers.models import Producer
from producers.permissions import editable_provinces, editable_wards, is_national_admin


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
