"""The one way views fetch what a user may touch, and small shared helpers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.forms import BaseForm
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404

PAGE_SIZE = 20


def visible_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """404 for what the user may not know exists (``visible_to`` is the model's rule)."""
    return get_object_or_404(queryset.visible_to(user), **lookup)


def require(user, perm: str, obj: Model | None = None) -> None:
    """403 for what the user can see but may not do."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def show_missing(form: BaseForm, missing: dict[str, str]) -> BaseForm:
    """Put 'required for publication' messages next to the fields of an unbound form."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    for name, message in missing.items():
        form.add_error(name if name in form.fields else None, message)
    return form
