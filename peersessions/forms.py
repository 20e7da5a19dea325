"""Forms clean and convert input; views never read request.POST by hand."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from netw.formats import format_style
from netw.forms import (
    ModelChoiceField,
    ModelMultipleChoiceField,
    PortalForm,
    PortalModelForm,
    nameable_people,
)
from netw.timezones import TimezoneField
from netw.uploads import DEFAULT_MAX_BYTES, FileCheck, content_type_for
from netw.widgets import DateInput, FilterableCheckboxList
from peersessions.models import (
    Feedback,
    FollowUpAction,
    Participant,
    Session,
    Topic,
)
from peersessions.services import host_overlaps
from providers.models import Partner

LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class PersonChoiceField(ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} <{obj.email}>" if name else obj.email


class PeopleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} <{obj.email}>" if name else obj.email


class WallClockField(forms.DateTimeField):
    """A date and time as read on a clock, without a zone: the form adds the session's zone.

    Django's own field would attach the *viewer's* zone and reject times that do not exist there;
    the session's zone is only known once the whole form is read.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT_FORMAT)
    input_formats = [LOCAL_INPUT_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                     "%Y-%m-%d %H:%M:%S"]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        for fmt in self.input_formats:
            try:
                return datetime.strptime(str(value).strip(), fmt)
            except ValueError:
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value):
        if isinstance(value, datetime):
            return value.strftime(LOCAL_INPUT_FORMAT)
        return value


def aware_in_zone(wall: datetime, zone: ZoneInfo) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing the hour skipped or repeated by a DST change.

    A round trip through UTC shows both: a skipped time (spring) comes back changed, and a
    repeated time (autumn) has two different offsets for fold=0 and fold=1.
    """
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
        if back != wall:
            raise ValidationError(
                _("%(time)s does not exist in %(zone)s: the clocks skip that hour for summer "
                  "time. Choose another time."),
                code="nonexistent_time",
                params={"time": wall.strftime("%Y-%m-%d %H:%M"), "zone": zone.key},
            )
        raise ValidationError(
            _("%(time)s happens twice in %(zone)s: the clocks go back that night. Choose another "
              "time."),
            code="ambiguous_time",
            params={"time": wall.strftime("%Y-%m-%d %H:%M"), "zone": zone.key},
        )
    return first


class SessionForm(PortalModelForm):
    starts_at = WallClockField(label=_("Starts at"),
                               help_text=_("Local time in the session's time zone."))
    ends_at = WallClockField(label=_("Ends at"),
                             help_text=_("Local time in the session's time zone."))
    facilitators = PeopleChoiceField(queryset=nameable_people(), required=False,
                                     label=_("Facilitators"), widget=FilterableCheckboxList)
    invited_partners = ModelMultipleChoiceField(
        queryset=Partner.objects.all(), required=False, label=_("Invite partners"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every member of the chosen partners is invited."))
    invited_people = PeopleChoiceField(
        queryset=nameable_people(), required=False, label=_("Invite people"),
        widget=FilterableCheckboxList)
    timezone = TimezoneField()
    confirm_overlap = forms.BooleanField(
        required=False, label=_("Keep this time although the host has another session then"))

    class Meta:
        model = Session
        fields = ["title", "topic", "owner_partner", "language", "agenda", "starts_at",
                  "ends_at", "timezone", "format", "place", "meeting_url", "facilitators",
                  "external_facilitators", "is_public", "invited_partners"]
        labels = {"owner_partner": _("Host partner")}
        widgets = {"agenda": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, user, **kwargs):
        instance = kwargs.get("instance")
        initial = kwargs.setdefault("initial", {})
        if instance is not None and instance.pk:
            initial.setdefault("starts_at", instance.local_starts_at.replace(tzinfo=None))
            initial.setdefault("ends_at", instance.local_ends_at.replace(tzinfo=None))
            initial.setdefault("invited_people", list(
                instance.participants.filter(via_partner__isnull=True)
                .values_list("user_id", flat=True)))
        else:
            initial.setdefault("language", get_language() or "en")
        super().__init__(*args, user=user, **kwargs)
        self._original_status = self.instance.status
        self._original_times = ((self.instance.starts_at, self.instance.ends_at)
                                if self.instance.pk else None)
        self.overlaps: list[Session] = []
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["topic"].label_from_instance = lambda t: t.display_name

    def clean(self):
        data = super().clean()
        zone_name = data.get("timezone")
        zone = ZoneInfo(zone_name) if zone_name else None
        for name in ("starts_at", "ends_at"):
            wall = data.get(name)
            if wall is not None and zone is not None:
                try:
                    data[name] = aware_in_zone(wall, zone)
                except ValidationError as exc:
                    self.add_error(name, exc)
                    data.pop(name, None)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        fmt = data.get("format")
        if fmt in (Session.Format.IN_PERSON, Session.Format.HYBRID) and not data.get("place"):
            self.add_error("place", _("Say where the session takes place."))
        if fmt in (Session.Format.ONLINE, Session.Format.HYBRID) and not data.get("meeting_url"):
            self.add_error("meeting_url", _("Give the link to join online."))
        return data

    def check_schedule(self, *, schedule: bool) -> bool:
        """Checks that need the intent (draft or schedule): past times and host overlaps."""
        if not self.is_valid():
            return False
        session = self.instance
        starts, ends = self.cleaned_data["starts_at"], self.cleaned_data["ends_at"]
        time_changed = (self._original_times is None
                        or self._original_times != (starts, ends))
        becomes_scheduled = schedule and self._original_status == Session.Status.DRAFT
        moved_while_scheduled = (self._original_status == Session.Status.SCHEDULED
                                 and self._original_times is not None
                                 and self._original_times[0] != starts)
        if (becomes_scheduled or moved_while_scheduled) and starts <= timezone.now():
            self.add_error("starts_at", _("This time is in the past: a session can only be "
                                          "scheduled for the future. Save it as a draft or "
                                          "choose a later time."))
            return False
        if time_changed and not self.cleaned_data.get("confirm_overlap"):
            probe = Session(pk=session.pk, owner_partner=self.cleaned_data["owner_partner"],
                            starts_at=starts, ends_at=ends)
            self.overlaps = host_overlaps(session=probe)
            if self.overlaps:
                self.add_error("confirm_overlap", ngettext(
                    "%(partner)s already hosts %(count)s session at that time. Tick the box "
                    "to keep this time anyway, or change it.",
                    "%(partner)s already hosts %(count)s sessions at that time. Tick the box "
                    "to keep this time anyway, or change it.", len(self.overlaps)) % {
                    "partner": self.cleaned_data["owner_partner"],
                    "count": len(self.overlaps)})
                return False
        return True


class RsvpForm(PortalForm):
    rsvp = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(Participant.Rsvp.ATTENDING, Participant.Rsvp.ATTENDING.label),
                 (Participant.Rsvp.DECLINED, Participant.Rsvp.DECLINED.label)])


class MinutesForm(PortalModelForm):
    class Meta:
        model = Session
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 14})}

    def clean_minutes(self) -> str:
        # Minutes record what happened: none before the session starts (the session page does
        # not offer them then either; peersessions.record_minutes).
        minutes = self.cleaned_data["minutes"]
        if minutes.strip() and not self.instance.has_started:
            raise ValidationError(
                _("Minutes can only be written once the session has started (%(start)s)."),
                code="not_started",
                params={"start": format_style(self.instance.starts_at, "full_datetime")})
        return minutes


class LearningForm(PortalForm):
    text = forms.CharField(label=_("Key learning"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=4000)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class ActionForm(PortalModelForm):
    """A session's follow-up action: added on the session's actions page, corrected on its own
    page (:class:`ActionEditForm`). Its due date may not be before the session's day."""

    owner = PersonChoiceField(queryset=nameable_people(), label=_("Owner"))

    class Meta:
        model = FollowUpAction
        fields = ["description", "owner", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        session_day = self.session.local_starts_at.date()
        if due_on is not None and due_on < session_day:
            raise ValidationError(
                _("The due date cannot be before the session (%(day)s)."), code="before_session",
                params={"day": format_style(session_day, "SHORT_DATE_FORMAT")})
        return due_on


class ActionEditForm(ActionForm):
    done = forms.BooleanField(label=_("Done"), required=False)

    def __init__(self, *args, **kwargs):
        instance = kwargs["instance"]
        kwargs.setdefault("initial", {}).setdefault("done", instance.done_at is not None)
        super().__init__(*args, session=instance.session, **kwargs)
        # The current owner stays a valid choice even if they have left their partner since.
        people = nameable_people()
        self.fields["owner"].queryset = people.model.objects.filter(
            Q(pk__in=people.values("pk")) | Q(pk=instance.owner_id)
        ).order_by("last_name", "first_name", "email")


class AttendanceForm(PortalForm):
    present = forms.MultipleChoiceField(label=_("Present"), required=False,
                                        widget=forms.CheckboxSelectMultiple)
    extra_people = PeopleChoiceField(
        queryset=nameable_people(), required=False, label=_("Also present (not invited)"),
        widget=FilterableCheckboxList)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(str(p.user_id), str(p.user)) for p in participants]
        self.fields["present"].initial = [str(p.user_id) for p in participants if p.attended]
        invited = [p.user_id for p in participants]
        self.fields["extra_people"].queryset = (self.fields["extra_people"].queryset
                                                .exclude(pk__in=invited))


def material_max_size() -> int:
    return getattr(settings, "PEERSESSIONS_MATERIAL_MAX_BYTES", DEFAULT_MAX_BYTES)


class MaterialForm(PortalForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_(
        "PDF, Office or OpenDocument files, images (PNG, JPEG) or text; at most 20 MB."))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean_file(self):
        """Checked by content, not by name: netw.uploads refuses a renamed executable."""
        upload = self.cleaned_data["file"]
        FileCheck(max_bytes=material_max_size())(upload)
        self.content_type = content_type_for(upload.name)
        return upload


class FeedbackForm(PortalModelForm):
    usefulness = forms.TypedChoiceField(
        label=_("How useful was the session?"), coerce=int,
        choices=[("", _("Choose a rating")), (5, _("5 · very useful")), (4, "4"), (3, "3"),
                 (2, "2"), (1, _("1 · not useful"))],
        help_text=_("From 1 (not useful) to 5 (very useful)."))

    class Meta:
        model = Feedback
        fields = ["usefulness", "comment", "language"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", get_language() or "en")
        super().__init__(*args, **kwargs)


class TopicForm(PortalModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description", "language"]


