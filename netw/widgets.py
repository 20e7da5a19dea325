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


class FilterableCheckboxList(forms.CheckboxSelectMultiple):
    """A choice of several among many (people, networks, practices): checkboxes with the full
    names, in a box that scrolls, instead of a Ctrl-click ``<select multiple>`` that cuts names off.

    The field's template draws it in a fieldset whose legend is the field's label (checkboxes
    use a fieldset), with the error summary leading to the first box. ``static/js/netw.js`` adds
    a filter box (typing hides the names that do not match; the ticked ones stay) and a status
    line ("Shown: 3 of 40. Selected: 2.") read out by screen readers. Without the script it is a
    plain list of checkboxes. Written in Python like :class:`QuickSelect`: a few hundred people
    render in a tenth of the time of one template include per box.
    """

    def render(self, name, value, attrs=None, renderer=None):
        from django.utils.translation import gettext

        widget = self.get_context(name, value, attrs)["widget"]
        base_id = widget["attrs"].get("id", "")
        parts = [format_html(
            '<div{} class="checklist" data-checklist data-filter-label="{}" '
            'data-status-text="{}">',
            format_html(' id="{}"', base_id) if base_id else "",
            gettext("Filter the list"),
            gettext("Shown: %(shown)s of %(total)s. Selected: %(selected)s."))]
        number = 0
        for index, (group_name, options, _index) in enumerate(widget["optgroups"]):
            if group_name:
                group_id = f"{base_id}_group_{index}" if base_id else ""
                parts.append(format_html(
                    '<div class="checklist-group" role="group"{}><p class="checklist-group-name"'
                    '{}>{}</p>',
                    format_html(' aria-labelledby="{}"', group_id) if group_id else "",
                    format_html(' id="{}"', group_id) if group_id else "", group_name))
            for option in options:
                option_attrs = {**option["attrs"]}
                if base_id:  # numbered through the groups: the error summary leads to "_0"
                    option_attrs["id"] = f"{base_id}_{number}"
                number += 1
                parts.append(format_html(
                    '<div class="checklist-option"><label{}><input type="checkbox" name="{}" '
                    'value="{}"{}> {}</label></div>',
                    format_html(' for="{}"', option_attrs["id"]) if option_attrs.get("id") else "",
                    option["name"], str(option["value"]), _attrs(option_attrs),
                    option["label"]))
            if group_name:
                parts.append("</div>")
        parts.append("</div>")
        return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped
