"""Small helpers the methodology views share (fetching and permissions: netw/access.py)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.forms import BaseForm
from django.forms.utils import ErrorDict

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def show_missing(form: BaseForm, missing: dict[str, str]) -> BaseForm:
    """Put 'required for publication' messages next to the fields of an unbound form."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    for name, message in missing.items():
        form.add_error(name if name in form.fields else None, message)
    return form
