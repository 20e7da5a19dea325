"""Form pieces shared by the apps: what every form of the portal must get right, written once.

Every form of the portal is a :class:`PortalForm` or a :class:`PortalModelForm` and is given the
person who fills it in (``Form(data, user=request.user)``). From that:

- **Choices are what the person may see.** Every model choice (a select, checkboxes) offers only
  the rows of its model's ``objects.visible_to(user)`` — or, for people, those who can be named in
  the portal (:func:`scope_choices`) — and a submitted id is checked against that same set, so a
  foreign id is a field error. An edit form keeps the record's current values as choices: they
  are on the record's page already, and dropping them would unlink them on save.
- **Ids beyond the database's integer range are an invalid choice**, not a 500 (SQLite raises
  OverflowError, PostgreSQL a DataError): :class:`ModelChoiceField` and
  :class:`ModelMultipleChoiceField`, which model forms get through :func:`portal_formfield` and
  filter sets through ``netw.filters``.
- **Text has no control characters**: C0 controls other than tab, line feed and carriage return
  are dropped from every text field on the way in (an ANSI colour code pasted from a terminal
  broke the Atom feed). A NUL byte is still refused with a field error, as Django does.
- **The owner partner of a new record** is chosen once, the same way everywhere
  (:func:`partners_for_new_records`): the person's partners (every partner for a coordinator),
  their first partner chosen to begin with (the only choice when there is one); an existing
  record keeps its partner (shown read-only) unless a coordinator moves a registry record.
- **Country selects start with the project's countries** (the five focus countries and the
  partners' countries, :func:`project_countries`), then every country; a new record starts in
  the country of the person's partner.
- **Time-zone selects** (:class:`netw.timezones.TimezoneField`) list the zones of the
  project's countries first, then every zone by region; a new record starts in the person's zone.
- **Every field is drawn by the project's template** (:class:`PortalFormRenderer`): required
  fields are marked, and ``templates/includes/form_fields.html`` opens with the error summary.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Q
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField, LazyTypedChoiceField

from netw import roles
from netw.text import strip_control_chars
from netw.timezones import TimezoneField, preferred_zone_name, timezone_choices

# --- How every form is drawn ------------------------------------------------------------------


class PortalFormRenderer(TemplatesSetting):
    """The project's form renderer (settings.FORM_RENDERER): the project's templates first, so
    that every field of every form — the portal's, allauth's, django-filter's — is drawn by
    ``templates/includes/field.html``: the label of a required field shows a *, explained at the
    top of the form by ``templates/includes/form_fields.html`` with the error summary."""

    field_template_name = "includes/field.html"


def is_marked_required(bound_field) -> bool:
    """Whether the field's label carries the "required" mark: a required field one can fill in
    (a disabled field, shown read-only, asks nothing)."""
    field = bound_field.field
    return bool(field.required and not field.disabled and not bound_field.is_hidden)


# --- Ids within the database's range ------------------------------------------------------------


def _integer_range(field: forms.ModelChoiceField) -> tuple[int, int] | None:
    """The range of the column a choice field looks its values up in, if it is an integer."""
    model = field.queryset.model
    key = model._meta.get_field(field.to_field_name) if field.to_field_name else model._meta.pk
    while key.is_relation:  # a primary key that is a one-to-one link
        key = key.target_field
    try:
        return connections[field.queryset.db].ops.integer_field_range(key.get_internal_type())
    except KeyError:  # not an integer column
        return None


class BoundedIdsMixin:
    """Refuses, as an invalid choice, an id the database could not even compare."""

    def _check_in_range(self, value) -> None:
        bounds = _integer_range(self)
        if bounds is None or value in self.empty_values:
            return
        try:
            number = int(str(value).strip())
        except ValueError:
            return  # not a number: Django's own lookup refuses it
        if not bounds[0] <= number <= bounds[1]:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})

    def to_python(self, value):
        if not isinstance(value, list | tuple):
            self._check_in_range(value)
        return super().to_python(value)

    def _check_values(self, value):
        try:
            values = frozenset(value)
        except TypeError:
            values = ()  # Django's own check says "a list of values"
        for one in values:
            self._check_in_range(one)
        return super()._check_values(value)


class ModelChoiceField(BoundedIdsMixin, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(BoundedIdsMixin, forms.ModelMultipleChoiceField):
    pass


# --- Whom and what a person may choose ----------------------------------------------------------


def nameable_people():
    """People who can be invited, named as facilitators, participants or owners of an action:
    the active members of a partner."""
    return (get_user_model().objects.filter(is_active=True, memberships__isnull=False)
            .distinct().order_by("last_name", "first_name", "email"))


def scope_choices(queryset: models.QuerySet, user) -> models.QuerySet:
    """The rows of ``queryset`` that ``user`` may choose: those they may see.

    A model with ``objects.visible_to(user)`` decides itself; people are those who can be named;
    the other models offered in forms (partners, sectors, target groups, topics) are public.
    """
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user)
    if queryset.model is get_user_model():
        return queryset.filter(is_active=True, memberships__isnull=False).distinct()
    return queryset


def partners_for_new_records(user) -> models.QuerySet:
    """The partners ``user`` may create records for: their own; every partner for a
    coordinator."""
    from providers.models import Partner

    if roles.is_coordinator(user):
        return Partner.objects.all()
    return Partner.objects.filter(pk__in=roles.partner_ids(user))


OWNER_HELP = _("The partner responsible for this record; its members may edit it.")


class OwnerPartnerField(ModelChoiceField):
    """The partner a record belongs to; its members may edit it. Set up by :class:`PortalForm`."""

    def __init__(self, **kwargs):
        from providers.models import Partner

        kwargs.setdefault("queryset", Partner.objects.none())
        kwargs.setdefault("label", _("Partner"))
        kwargs.setdefault("help_text", OWNER_HELP)
        super().__init__(**kwargs)
        # Taken when the form sends no partner (a client that predates the field): the person's
        # first partner, never a choice they do not have.
        self.default = None

    def clean(self, value):
        if value in self.empty_values and self.default is not None and not self.disabled:
            value = self.default
        return super().clean(value)


OWNER_FIELD = "owner_partner"


# --- Countries: the project's first ------------------------------------------------------------

# The countries the project serves (the kick-off note): listed first in every country select.
FOCUS_COUNTRIES = ("HU", "MK", "PT", "RS", "SK")


class ProjectCountryField(LazyTypedChoiceField):
    """A country select (a model's CountryField, through :func:`portal_formfield`) that
    :class:`PortalFormMixin` reorders for its person: the project's countries first."""


def project_countries() -> set[str]:
    """The five focus countries and the partners' countries (one query)."""
    from providers.models import Partner

    partner_countries = Partner.objects.exclude(country="").values_list("country", flat=True)
    return {*FOCUS_COUNTRIES, *map(str, partner_countries)}


def project_countries_first(choices, first: set[str]) -> list:
    """``choices`` of a country select with a group of the project's countries before the group
    of all countries (where they are found again, in their alphabetical place)."""
    choices = list(choices)
    blank = [choice for choice in choices if choice[0] in ("", None)]
    every = [choice for choice in choices if choice[0] not in ("", None)]
    ours = [choice for choice in every if str(choice[0]) in first]
    if not ours:
        return choices
    return [*blank, (_("The project's countries"), ours), (_("All countries"), every)]


def portal_formfield(model_field, **kwargs):
    """``formfield_callback`` of every model form (PortalModelForm sets it): addresses typed
    without a scheme are https (Django 6's default; choosing it now silences its warning), and
    links to other records use the bounded choice fields."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if model_field.name == OWNER_FIELD and isinstance(model_field, models.ForeignKey):
        # Meta.labels and Meta.help_texts arrive in kwargs and win.
        kwargs.setdefault("label", _("Partner"))
        kwargs.setdefault("help_text", OWNER_HELP)
        return model_field.formfield(form_class=OwnerPartnerField, **kwargs)
    if isinstance(model_field, CountryField) and not model_field.multiple:
        kwargs.setdefault("choices_form_class", ProjectCountryField)
    if isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", ModelChoiceField)
    elif isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    return model_field.formfield(**kwargs)



def _strip_controls_keep_nul(value: str) -> str:
    # The NUL byte stays so that the field refuses it with its own message (PostgreSQL cannot
    # store it; silently dropping it would hide a broken client).
    return "\x00".join(strip_control_chars(part) for part in value.split("\x00"))


class PortalFormMixin:
    """See the module's docstring. ``user`` may be omitted only by forms that offer nothing
    private: without it the choices are a visitor's."""

    # Registry records move to another partner by a coordinator; other records keep theirs.
    coordinators_move_records = False

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.is_bound:
            self.data = self._without_control_chars(self.data)
        for name, field in self.fields.items():
            if name == OWNER_FIELD and isinstance(field, forms.ModelChoiceField):
                self._set_up_owner_partner(field)
            elif isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
                field.queryset = self._choosable(name, field.queryset)
            elif isinstance(field, ProjectCountryField):
                self._set_up_country(name, field)
            elif isinstance(field, TimezoneField):
                self._set_up_timezone(name, field)

    # -- text --

    def _without_control_chars(self, data):
        names = [self.add_prefix(name) for name, field in self.fields.items()
                 if isinstance(field, forms.CharField)
                 and not isinstance(field.widget, forms.PasswordInput)]
        if hasattr(data, "getlist"):  # a QueryDict, immutable
            data = data.copy()
            for key in names:
                if key in data:
                    data.setlist(key, [_strip_controls_keep_nul(v) if isinstance(v, str) else v
                                       for v in data.getlist(key)])
            return data
        data = dict(data)
        for key in names:
            if isinstance(data.get(key), str):
                data[key] = _strip_controls_keep_nul(data[key])
        return data

    # -- choices --

    def _current_ids(self, name: str) -> list:
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return []
        try:
            model_field = instance._meta.get_field(name)
        except Exception:  # a form field that is not the model's
            return []
        if model_field.many_to_many:
            return list(getattr(instance, name).values_list("pk", flat=True))
        if model_field.many_to_one:
            current = getattr(instance, model_field.attname)
            return [current] if current is not None else []
        return []

    def _choosable(self, name: str, queryset: models.QuerySet) -> models.QuerySet:
        visible = scope_choices(queryset, self.user)
        current = self._current_ids(name)
        if not current:
            return visible
        return queryset.filter(Q(pk__in=visible.values("pk")) | Q(pk__in=current))

    # -- countries --

    def _set_up_country(self, name: str, field: ProjectCountryField) -> None:
        """The project's countries first; a new record starts in the country of the person's
        partner (a record being edited keeps its own; a value the view gave wins)."""
        if not hasattr(self, "_project_countries"):
            self._project_countries = project_countries()
        field.choices = project_countries_first(field.choices, self._project_countries)
        instance = getattr(self, "instance", None)
        if self.is_bound or (instance is not None and instance.pk is not None) or self.initial.get(
                name) or field.initial:
            return
        primary = roles.primary_membership(self.user)
        country = str(primary.partner.country) if primary and primary.partner.country else ""
        if country and field.valid_value(country):
            self.initial[name] = country

    # -- time zones --

    def _set_up_timezone(self, name: str, field: TimezoneField) -> None:
        """The project's countries' zones first; a new record starts in the person's zone (a
        record being edited keeps its own; a value the view gave wins)."""
        if not hasattr(self, "_project_countries"):
            self._project_countries = project_countries()
        field.choices = field.with_blank(timezone_choices(self._project_countries))
        instance = getattr(self, "instance", None)
        if self.is_bound or (instance is not None and instance.pk is not None):
            return
        given = self.initial.get(name)
        # A new model instance brings its model's default zone: that is no one's choice.
        default = getattr(instance, name, None) if instance is not None else None
        if not given or given == default:
            self.initial[name] = preferred_zone_name(self.user)

    # -- owner partner --

    def _set_up_owner_partner(self, field: forms.ModelChoiceField) -> None:
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            if self.coordinators_move_records and roles.is_coordinator(self.user):
                field.queryset = partners_for_new_records(self.user)
            else:
                field.queryset = field.queryset.model.objects.filter(pk=instance.owner_partner_id)
                field.disabled = True
            return
        # A select without an empty choice: with one partner it shows that one, chosen; another
        # partner's id sent anyway is refused like any value outside the choices.
        field.queryset = partners_for_new_records(self.user)
        field.empty_label = None
        primary = roles.primary_membership(self.user)
        chosen = self.initial.get(OWNER_FIELD) or (primary.partner_id if primary else None)
        field.initial = field.default = chosen
        self.initial[OWNER_FIELD] = chosen


class PortalForm(PortalFormMixin, forms.Form):
    pass


class HoneypotForm(PortalForm):
    """A public form that catches the bots filling every field, without a CAPTCHA service: a field
    people never see (``includes/form_fields.html`` draws it hidden by CSS, from screen readers and
    out of the tab order). A view answers a bot (``is_bot()``) as if it had succeeded."""

    honeypot_field = "website"
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off",
                                                            "tabindex": "-1"}))

    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix(self.honeypot_field)))


class PortalModelForm(PortalFormMixin, forms.ModelForm):
    def __init_subclass__(cls, **kwargs):
        # Runs before ModelFormMetaclass builds the fields from Meta: every model form gets the
        # portal's fields unless its Meta names another callback.
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and getattr(meta, "formfield_callback", None) is None:
            meta.formfield_callback = staticmethod(portal_formfield)
