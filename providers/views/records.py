"""Lists, pages, forms and history of providers, networks and stakeholders.

The three kinds share the same steps, written once as the helpers below; each URL has its own
short view that names the model, filter, form and templates.

Records are fetched through netw/access.py: a record the person may not see is a 404, one they
see but may not change is a 403. Lists, pages and counts read the same ``visible_to`` queries.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, require
from netw.discovery import gather
from netw.pagecache import cache_for_visitors
from providers.filters import NetworkFilter, ProviderFilter, StakeholderFilter
from providers.forms import NetworkForm, ProviderForm, StakeholderForm
from providers.history import history_entries
from providers.models import Network, Provider, Stakeholder
from providers.services import provider_verify, record_delete, record_restore, record_save

PAGE_SIZE = 25
HISTORY_ON_PAGE = 5


def _get(request: HttpRequest, model, pk: int, perm: str):
    """The record if the person may see it (else 404) and has ``perm`` on it (else 403)."""
    record = get_visible_or_404(model, request.user, pk=pk)
    require(request.user, perm, record)
    return record


# --- The steps every kind shares ---------------------------------------------------------------


# Whole sentences per kind of record: a sentence built around a model's name ("Register a
# {{ verbose_name }}") cannot be translated into languages whose articles and cases follow the noun.
CREATE_TITLES = {
    "provider": gettext_lazy("Register a provider"),
    "network": gettext_lazy("Register a network"),
    "stakeholder": gettext_lazy("Register a stakeholder"),
}


def _kind(model) -> dict:
    """What the shared templates (form, delete, history) say about the kind of record."""
    name = model._meta.model_name
    return {"kind": name, "create_title": CREATE_TITLES[name],
            "verbose_name": model._meta.verbose_name,
            "verbose_name_plural": model._meta.verbose_name_plural,
            "list_url": f"providers:{name}_list", "history_url": f"providers:{name}_history"}


def _list(request: HttpRequest, model, filterset_class, template: str) -> HttpResponse:
    queryset = model.objects.visible_to(request.user).for_list()
    # Always bound: no parameter is a valid empty filter; an invalid one shows its error.
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    records = filterset.qs if filterset.is_valid() else queryset.none()
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {
        "filter": filterset,
        "page_obj": page,
        "records": page.object_list,
        "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
    })


def _contact_removal_url() -> str | None:
    """Where a listed contact person asks to be taken off the page: the contact form with the
    removal topic. None (the link is hidden) while the portal has no contact form."""
    try:
        return reverse("netw:contact") + "?topic=removal"
    except NoReverseMatch:
        return None


def _detail_context(request: HttpRequest, record) -> dict:
    model_name = record._meta.model_name
    user = request.user
    context = {
        **_kind(type(record)),
        "record": record,
        model_name: record,
        "can_change": user.has_perm(f"providers.change_{model_name}", record),
        "can_delete": user.has_perm(f"providers.delete_{model_name}", record),
        "can_view_contact": record.contact_visible_to(user),
        "contact_removal_url": _contact_removal_url(),
        "can_view_history": user.has_perm("providers.view_history"),
    }
    if context["can_view_history"]:
        context["history"], context["history_more"] = history_entries(record,
                                                                      limit=HISTORY_ON_PAGE)
    return context


def _create(request: HttpRequest, form_class, template: str = "providers/record_form.html"
            ) -> HttpResponse:
    model = form_class._meta.model
    require(request.user, f"providers.add_{model._meta.model_name}")
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        record = record_save(form=form, by=request.user)
        messages.success(request, _("“%(name)s” was registered.") % {"name": record.name})
        return redirect(record)
    return render(request, template, {"form": form, "record": None, **_kind(model)})


def _update(request: HttpRequest, record, form_class,
            template: str = "providers/record_form.html") -> HttpResponse:
    form = form_class(request.POST or None, instance=record, user=request.user)
    if request.method == "POST" and form.is_valid():
        record_save(form=form, by=request.user)
        messages.success(request, _("Your changes were saved."))
        return redirect(record)
    return render(request, template, {"form": form, "record": record, **_kind(type(record))})


def _delete(request: HttpRequest, record, list_url: str) -> HttpResponse:
    if request.method == "POST":
        record_delete(record=record, by=request.user)
        messages.success(request, _("“%(name)s” was deleted. A coordinator can restore it.")
                         % {"name": record.name})
        return redirect(list_url)
    return render(request, "providers/record_confirm_delete.html",
                  {"record": record, **_kind(type(record))})


def _history(request: HttpRequest, record) -> HttpResponse:
    require(request.user, "providers.view_history")
    entries, _more = history_entries(record)
    return render(request, "providers/record_history.html",
                  {"record": record, "history": entries, **_kind(type(record))})


# --- Providers ---------------------------------------------------------------------------------


@cache_for_visitors
def provider_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Provider, ProviderFilter, "providers/provider_list.html")


@cache_for_visitors
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_visible_or_404(Provider.objects.for_list(), request.user, pk=pk)
    context = _detail_context(request, provider)
    context["can_verify"] = request.user.has_perm("providers.verify_provider", provider)
    # What other apps show about this provider (WP2: what it has adopted), from
    # their <app>/panels.py: the registry names none of them.
    context["panels"] = gather("panels", "provider_panels", provider, request.user)
    return render(request, "providers/provider_detail.html", context)


@login_required
def provider_create(request: HttpRequest) -> HttpResponse:
    return _create(request, ProviderForm)


@login_required
def provider_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _update(request, _get(request, Provider, pk, "providers.change_provider"),
                   ProviderForm)


@login_required
def provider_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete(request, _get(request, Provider, pk, "providers.delete_provider"),
                   "providers:provider_list")


@login_required
def provider_history(request: HttpRequest, pk: int) -> HttpResponse:
    return _history(request, get_visible_or_404(Provider, request.user, pk=pk))


@login_required
@require_POST
def provider_verify_view(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _get(request, Provider, pk, "providers.verify_provider")
    verified = request.POST.get("verified") != "0"
    provider_verify(provider=provider, by=request.user, verified=verified)
    messages.success(request, _("Marked as verified: visitors see it now.") if verified
                     else _("Marked as not verified: visitors no longer see it."))
    return redirect(provider)


# --- Networks ----------------------------------------------------------------------------------


@cache_for_visitors
def network_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Network, NetworkFilter, "providers/network_list.html")


@cache_for_visitors
def network_detail(request: HttpRequest, pk: int) -> HttpResponse:
    network = get_visible_or_404(
        Network.objects.select_related("owner_partner", "representing_partner"), request.user,
        pk=pk)
    context = _detail_context(request, network)
    context["members"] = (Provider.objects.visible_to(request.user).filter(networks=network)
                          .only("pk", "name", "city", "country", "verification"))
    return render(request, "providers/network_detail.html", context)


@login_required
def network_create(request: HttpRequest) -> HttpResponse:
    return _create(request, NetworkForm)


@login_required
def network_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _update(request, _get(request, Network, pk, "providers.change_network"),
                   NetworkForm)


@login_required
def network_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete(request, _get(request, Network, pk, "providers.delete_network"),
                   "providers:network_list")


@login_required
def network_history(request: HttpRequest, pk: int) -> HttpResponse:
    return _history(request, get_visible_or_404(Network, request.user, pk=pk))


# --- Stakeholders ------------------------------------------------------------------------------


@login_required
def stakeholder_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "providers.view_stakeholder")
    return _list(request, Stakeholder, StakeholderFilter, "providers/stakeholder_list.html")


@login_required
def stakeholder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "providers.view_stakeholder")
    stakeholder = get_visible_or_404(Stakeholder.objects.for_list(), request.user, pk=pk)
    return render(request, "providers/stakeholder_detail.html",
                  _detail_context(request, stakeholder))


@login_required
def stakeholder_create(request: HttpRequest) -> HttpResponse:
    return _create(request, StakeholderForm)


@login_required
def stakeholder_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _update(request, _get(request, Stakeholder, pk, "providers.change_stakeholder"),
                   StakeholderForm)


@login_required
def stakeholder_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete(request, _get(request, Stakeholder, pk, "providers.delete_stakeholder"),
                   "providers:stakeholder_list")


@login_required
def stakeholder_history(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "providers.view_stakeholder")
    return _history(request, get_visible_or_404(Stakeholder, request.user, pk=pk))


# --- Deleted records: a coordinator restores them ----------------------------------------------

DELETED_PAGE_SIZE = 25
RESTORABLE = {"provider": Provider, "network": Network, "stakeholder": Stakeholder}


@login_required
def deleted_list(request: HttpRequest) -> HttpResponse:
    """Each kind's deleted records, newest first, paginated on its own (``?provider_page=2``)."""
    require(request.user, "providers.restore_record")
    sections = []
    for kind, model in RESTORABLE.items():
        deleted = (model.all_objects.deleted().select_related("owner_partner", "deleted_by")
                   .order_by("-deleted_at", "-pk"))
        page_param = f"{kind}_page"
        page = Paginator(deleted, DELETED_PAGE_SIZE).get_page(request.GET.get(page_param))
        sections.append({**_kind(model), "page_obj": page, "page_param": page_param})
    return render(request, "providers/deleted_list.html", {"sections": sections})


@login_required
@require_POST
def record_restore_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    require(request.user, "providers.restore_record")
    model = RESTORABLE.get(kind)
    if model is None:
        raise Http404
    record = get_visible_or_404(model.all_objects.deleted(), request.user, pk=pk)
    record_restore(record=record, by=request.user)
    messages.success(request, _("“%(name)s” was restored.") % {"name": record.name})
    return redirect(record)
