"""Form widgets shared by the apps."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """What django/forms/widgets/attrs.html writes, in the same order."""
    return mark_safe("".join(  # noqa: S308 - each attribute is escaped by format_html
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items() if value is not False
    ))


class QuickSelect(forms.Select):
    """A ``<select>`` written in Python rather than through one template include per option.

    The HTML is the one Django's templates give; a list filter with a few hundred options (every
    network of the registry) renders in a tenth of the time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html('<option value="{}"{}>{}</option>', str(option["value"]),
                            _attrs(option["attrs"]), option["label"])
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped


class DateInput(forms.DateInput):
    """The browser's date picker (``<input type="date">``), whose value is always ISO 8601
    ("2026-12-01") whatever the interface language: a localised value ("2026.12.01.") would be
    dropped by the browser. Every date field of a form uses this one."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
