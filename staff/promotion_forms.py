"""Staff forms for digital promotion: campaigns, activities with their details, quick readings, support.

Choices are limited by ``editable_by(user)``; the rules are the models' (``full_clean``), shown on
the field they concern. The quick reading form has one field per measure and checks the live
viewers it is given against the reach it is given, as the model does against saved readings.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import Producer
from producers.permissions import editable_provinces, is_national_admin
from products.models import Product
from promotion.models import (
    MAX_COUNT,
    MAX_REVENUE_VND,
    MEASURE_DEFINITIONS,
    Activity,
    Campaign,
    Livestream,
    Measure,
    Reading,
    SourceKind,
    Support,
    Video,
    http_url,
)
from staff.forms import DateInput, VersionedForm, https_formfield


class _ProvinceChoice:
    """The province field offers the user's provinces; only national admins may leave it empty."""

    def limit_province(self, user) -> None:
        field = self.fields["province"]
        field.queryset = editable_provinces(user)
        if not is_national_admin(user):
            field.required = True
            field.empty_label = None


class CampaignForm(_ProvinceChoice, VersionedForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "province",
            "organisers",
            "partners",
            "starts_on",
            "ends_on",
            "description",
            "source_url",
            "source_text",
        ]
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "organisers": forms.Textarea(attrs={"rows": 2}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        formfield_callback = https_formfield

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_province(user)


class ActivityForm(_ProvinceChoice, VersionedForm):
    class Meta:
        model = Activity
        fields = [
            "campaign",
            "province",
            "kind",
            "title",
            "date",
            "start_time",
            "place",
            "description",
            "link",
            "participants",
            "featured_products",
            "featured_producers",
        ]
        widgets = {
            "date": DateInput,
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        formfield_callback = https_formfield

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_province(user)
        self.fields["province"].required = False  # a campaign's activity takes the campaign's
        self.fields["campaign"].queryset = Campaign.objects.editable_by(user).select_related("province")
        self.fields["featured_products"].queryset = Product.objects.editable_by(user).order_by("name")
        self.fields["featured_producers"].queryset = Producer.objects.editable_by(user).order_by("name")
        if self.instance.pk:
            self.fields["kind"].disabled = True  # its details and readings belong to its kind

    def clean(self):
        cleaned = super().clean()
        campaign, province = cleaned.get("campaign"), cleaned.get("province")
        if campaign is not None:
            cleaned["province"] = campaign.province
            self.instance.province = campaign.province
        elif province is None and self.fields["province"].empty_label is None:
            self.add_error("province", _("Choose the province of a standalone activity."))
        return cleaned


class LivestreamForm(forms.ModelForm):
    class Meta:
        model = Livestream
        fields = ["platform", "hosts", "duration_minutes"]


class VideoForm(forms.ModelForm):
    class Meta:
        model = Video
        fields = ["platform", "creator", "url"]
        formfield_callback = https_formfield


DETAIL_FORMS = {Activity.Kind.LIVESTREAM: LivestreamForm, Activity.Kind.VIDEO: VideoForm}


class QuickReadingForm(forms.Form):
    """Figures of one activity as of one day (today by default): one optional field per measure."""

    as_of = forms.DateField(label=_("As of"), widget=DateInput)
    source_kind = forms.ChoiceField(label=_("Source kind"), choices=SourceKind.choices)
    source_url = forms.URLField(
        label=_("Source link"), required=False, max_length=500, validators=[http_url], assume_scheme="https"
    )
    source_text = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=300,
        help_text=_("Who published the figure, e.g. “Báo Hà Tĩnh, 17/9/2023”. A link or this, or both."),
    )

    def __init__(self, *args, activity: Activity, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("as_of", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.activity = activity
        for measure in self.measures():
            limit = MAX_REVENUE_VND if measure == Measure.REVENUE else MAX_COUNT
            self.fields[measure.value] = forms.IntegerField(
                label=measure.label,
                required=False,
                min_value=0,
                max_value=limit,
                help_text=MEASURE_DEFINITIONS[measure],
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def measures(self) -> list[Measure]:
        """Views for a video; reach, live viewers, orders and revenue first for a livestream."""
        if self.activity.kind == Activity.Kind.VIDEO:
            return [Measure.VIEWS, Measure.REACH, Measure.INTERACTIONS]
        if self.activity.kind == Activity.Kind.LIVESTREAM:
            return [Measure.REACH, Measure.LIVE_VIEWERS, Measure.ORDERS, Measure.REVENUE, Measure.VIEWS]
        return list(Measure)

    def measure_fields(self):
        return [self[m.value] for m in self.measures()]

    def clean(self):
        cleaned = super().clean()
        figures = {m: cleaned.get(m.value) for m in self.measures() if cleaned.get(m.value) is not None}
        if not self.errors and not figures:
            raise ValidationError(_("Enter at least one figure."))
        viewers, reach = figures.get(Measure.LIVE_VIEWERS), figures.get(Measure.REACH)
        if viewers is not None and reach is not None and viewers > reach:
            self.add_error(
                Measure.LIVE_VIEWERS.value,
                _("Live viewers cannot be more than the reach of the same day."),
            )
        if not self.errors:
            self.readings = [self._reading(measure, value) for measure, value in figures.items()]
        return cleaned

    def _reading(self, measure: str, value: int) -> Reading:
        reading = Reading(
            activity=self.activity,
            measure=measure,
            value=value,
            as_of=self.cleaned_data["as_of"],
            source_kind=self.cleaned_data["source_kind"],
            source_url=self.cleaned_data.get("source_url", ""),
            source_text=self.cleaned_data.get("source_text", ""),
        )
        try:
            reading.full_clean(exclude=["status"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                field = measure if name in ("value", "__all__") else name
                for message in messages:
                    if message not in self.errors.get(field, []):
                        self.add_error(field if field in self.fields else None, message)
        return reading


class SupportForm(VersionedForm):
    """Support given within a campaign: its province is the campaign's."""

    class Meta:
        model = Support
        fields = [
            "giver",
            "recipient",
            "amount_vnd",
            "purpose",
            "given_on",
            "source_kind",
            "source_url",
            "source_text",
        ]
        widgets = {"given_on": DateInput}
        formfield_callback = https_formfield
