"""WP2's template filters."""

from django import template

register = template.Library()


@register.filter
def url_or_empty(obj) -> str:
    """``obj.get_absolute_url()``, or "" while the page it names does not exist (yet)."""
    from django.urls import NoReverseMatch

    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


_LABELS: dict = {}


@register.filter
def vocab_label(item) -> str:
    """The translated name of a vocabulary row (TargetGroup, Sector) from its code, without the
    per-call cost of ``get_code_display``."""
    from django.utils.translation import get_language

    model = type(item)
    key = (model, get_language())
    if key not in _LABELS:
        _LABELS[key] = {code: str(label)
                        for code, label in model._meta.get_field("code").flatchoices}
    return _LABELS[key].get(item.code, item.code)
