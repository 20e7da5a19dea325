"""The portal's own exportable lists, and the first printable report (the country overview)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw import roles
from netw.exports.registry import Column, ExportList, Report, register


def country_name(code) -> str:
    return str(countries.name(code)) if code else ""


def _partners(user, filters):
    from providers.models import Partner

    return Partner.objects.order_by("short_name")


def _notifications(user, filters):
    from netw.notifications.models import Notification

    qs = Notification.objects.for_user(user)
    if filters.get("unread") == ["1"]:
        qs = qs.unread()
    return qs.order_by("-created_at", "-pk")


def _invitations(user, filters):
    from netw.models import Invitation

    return Invitation.objects.order_by("-created_at", "-pk")


register(ExportList(
    name="partners",
    label=_("Partners"),
    queryset=_partners,
    columns=[
        Column(_("Short name"), "short_name"),
        Column(_("Full name"), "name"),
        Column(_("Country"), "country", country_name),
        Column(_("City"), "city"),
        Column(_("Website"), "website"),
        Column(_("Leads work package"), "leads_work_package"),
    ],
))

register(ExportList(
    name="notifications",
    label=_("My notifications"),
    queryset=_notifications,
    can_export=lambda user: bool(getattr(user, "is_authenticated", False)),
    columns=[
        Column(_("Received"), "created_at"),
        Column(_("Subject"), "subject"),
        Column(_("Kind"), "kind"),
        Column(_("Read at"), "read_at"),
        Column(_("Link"), "url"),
    ],
))

register(ExportList(
    name="invitations",
    label=_("Invitations"),
    queryset=_invitations,
    can_export=roles.is_coordinator,
    columns=[
        Column(_("E-mail"), "email"),
        Column(_("Partner"), "partner__short_name"),
        Column(_("Role"), "role"),
        Column(_("Sent at"), "sent_at"),
        Column(_("Accepted at"), "accepted_at"),
        Column(_("Revoked at"), "revoked_at"),
        Column(_("Expires at"), "expires_at"),
    ],
))


# --- The registry's lists, until (unless) providers/exports.py declares its own -------------------


def _default_columns(model) -> list[Column]:
    """Every plain field of the model, with its verbose name as the header; choices and
    countries shown by name; the owner partner by its short name. Other relations are left
    out (they would be ids)."""
    from django_countries.fields import CountryField

    columns = []
    for f in model._meta.concrete_fields:
        header = str(f.verbose_name).capitalize()
        if f.is_relation:
            if f.name == "owner_partner":
                columns.append(Column(header, "owner_partner__short_name"))
            continue
        if isinstance(f, CountryField):
            columns.append(Column(header, f.name, country_name))
        elif f.choices:
            labels = {k: str(v) for k, v in f.flatchoices}
            columns.append(Column(header, f.name, lambda v, labels=labels: labels.get(v, v)))
        else:
            columns.append(Column(header, f.name))
    return columns


def _registry_queryset(model):
    def build(user, filters):
        return _visible(model, user).order_by("pk")
    return build


def _choice_label(choices):
    # Translated when the row is written (in the language of the person who asked), not here.
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or ""))


def _choice_labels(choices):
    """For a to-many column of codes: their labels, in the vocabulary's order."""
    labels = dict(choices)
    order = {code: position for position, (code, _label) in enumerate(choices)}
    return lambda codes: [str(labels.get(code, code))
                          for code in sorted(codes, key=lambda c: order.get(c, len(order)))]


def _filtered(model_name: str, filter_name: str):
    """The rows the registry's list page shows for these filters: its own FilterSet over what
    the person may see (``visible_to``), so the file matches the page."""

    def build(user, filters):
        from types import SimpleNamespace

        from django.http import QueryDict

        from providers import filters as registry_filters

        model = apps.get_model("providers", model_name)
        data = QueryDict(mutable=True)
        for key, values in filters.items():
            data.setlist(key, values)
        base = model.objects.visible_to(user)
        if hasattr(base, "for_list") and model_name == "Network":
            base = base.for_list()  # the "members" sort needs the count
        filterset = getattr(registry_filters, filter_name)(
            data, queryset=base, request=SimpleNamespace(user=user))
        qs = filterset.qs
        return qs if qs.query.order_by else qs.order_by("name", "pk")

    return build


def _registry_lists() -> list[ExportList]:
    from providers.vocabulary import (
        LegalForm,
        Level,
        Maturity,
        SectorCode,
        StakeholderKind,
        TargetGroupCode,
        Verification,
    )

    common_head = [Column(_("Name"), "name"), Column(_("Country"), "country", country_name)]
    common_tail = [
        Column(_("Website"), "website"),
        Column(_("Contact person"), "contact_person"),
        Column(_("Contact e-mail"), "contact_email"),
        Column(_("Contact phone"), "contact_phone"),
        Column(_("Registered by"), "owner_partner__short_name"),
        Column(_("Updated at"), "updated_at"),
    ]
    return [
        ExportList(name="providers", label=_("Providers"),
                   queryset=_filtered("Provider", "ProviderFilter"), columns=[
                       *common_head,
                       Column(_("Region"), "region"),
                       Column(_("City"), "city"),
                       Column(_("Legal form"), "legal_form", _choice_label(LegalForm.choices)),
                       Column(_("Learners per year"), "learners_per_year"),
                       Column(_("Workers per year"), "workers_per_year"),
                       Column(_("Sectors"), "sectors__code",
                              _choice_labels(SectorCode.choices), many=True),
                       Column(_("Target groups"), "target_groups__code",
                              _choice_labels(TargetGroupCode.choices), many=True),
                       Column(_("Networks"), "networks__name", many=True),
                       Column(_("Verification"), "verification",
                              _choice_label(Verification.choices)),
                       *common_tail]),
        ExportList(name="networks", label=_("Networks"),
                   queryset=_filtered("Network", "NetworkFilter"), columns=[
                       *common_head,
                       Column(_("Acronym"), "acronym"),
                       Column(_("Level"), "level", _choice_label(Level.choices)),
                       Column(_("Region"), "region"),
                       Column(_("Maturity"), "maturity", _choice_label(Maturity.choices)),
                       Column(_("Represented by partner"), "representing_partner__short_name"),
                       Column(_("Founded in"), "founded_year"),
                       *common_tail]),
        ExportList(name="stakeholders", label=_("Stakeholders"),
                   queryset=_filtered("Stakeholder", "StakeholderFilter"), columns=[
                       *common_head,
                       Column(_("Type"), "kind", _choice_label(StakeholderKind.choices)),
                       Column(_("Level"), "level", _choice_label(Level.choices)),
                       Column(_("Region"), "region"),
                       Column(_("City"), "city"),
                       *common_tail]),
    ]


def register_registry_lists() -> None:
    """The registry's providers, networks and stakeholders (CSV, XLSX), filtered like their list
    pages. Models the registry has not built yet get no list; if its FilterSets are missing, a
    default list of the model's plain fields stands in."""
    try:
        from providers import filters  # noqa: F401
        from providers.models import Network, Provider, Stakeholder  # noqa: F401
    except ImportError:
        for app_label, name, label in REGISTRY_MODELS:
            model = _model(app_label, name)
            if model is not None:
                register(ExportList(name=model._meta.model_name + "s", label=label,
                                    queryset=_registry_queryset(model),
                                    columns=_default_columns(model)))
        return
    for entry in _registry_lists():
        register(entry)


# --- The registry's country overview as a printable report -------------------------------------

# The registry's models, counted per country when they exist (they join as they land).
REGISTRY_MODELS = [
    ("providers", "Provider", _("Providers")),
    ("providers", "Network", _("Networks")),
    ("providers", "Stakeholder", _("Stakeholders")),
]


def _model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _visible(model, user):
    manager = model._default_manager
    qs = manager.all()
    visible_to = getattr(qs, "visible_to", None)
    return visible_to(user) if callable(visible_to) else qs


def country_overview(user, filters) -> dict:
    """Per country: partners and, as the registry grows, its providers, networks and
    stakeholders. One grouped query per model, whatever the number of countries."""
    from providers.models import Partner

    columns = [("partners", _("Partners"))]
    per_country: dict[str, dict[str, int]] = {}
    for row in Partner.objects.values("country").annotate(n=Count("pk")):
        per_country.setdefault(row["country"], {})["partners"] = row["n"]
    for app_label, name, label in REGISTRY_MODELS:
        model = _model(app_label, name)
        if model is None or "country" not in {f.name for f in model._meta.get_fields()}:
            continue
        key = name.lower()
        columns.append((key, label))
        for row in (_visible(model, user).order_by().values("country")
                    .annotate(n=Count("pk", distinct=True))):
            per_country.setdefault(row["country"], {})[key] = row["n"]
    rows = sorted(
        ({"code": code, "name": country_name(code),
          "counts": [counts.get(key, 0) for key, _label in columns]}
         for code, counts in per_country.items() if code),
        key=lambda r: r["name"],
    )
    totals = [sum(r["counts"][i] for r in rows) for i in range(len(columns))]
    return {"columns": [label for _key, label in columns], "rows": rows, "totals": totals,
            "row_count": len(rows)}


register_registry_lists()

register(Report(
    name="country_overview",
    label=_("Country overview of the registry"),
    description=_("Partners, providers, networks and stakeholders per country, ready to print."),
    template="exports/reports/country_overview.html",
    context=country_overview,
))


def activity_report(user, filters) -> dict:
    """The project's activity to date, for the funder: the key figures, then each app's tables
    (``report_tables`` in ``<app>/dashboard.py``). Aggregates only: no names of people."""
    from netw import dashboard

    return {"figures": dashboard.compute_figures(), "tables": dashboard.report_tables()}


register(Report(
    name="activity_report",
    label=_("Activity report"),
    description=_("The project to date, for the funder: key figures, the registry per country, "
                  "sessions per topic, methodologies, events held and dissemination."),
    template="exports/reports/activity_report.html",
    context=activity_report,
))
