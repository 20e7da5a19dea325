from pathlib import Path

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes) -> str:
    """The current query string with some parameters replaced: pagination keeps the filters."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_replace_param(context, name: str, value) -> str:
    """``query_replace`` for a parameter whose name is a variable (one page number per list)."""
    return query_replace(context, **{name: value})


@register.simple_tag(takes_context=True)
def render_panel(context, panel) -> str:
    """A dashboard panel (netw/dashboard.py): its app's template with its own context, inside the
    page's (so the request and the user are there, without running the context processors again).
    """
    panel_template = context.template.engine.get_template(panel.template)
    with context.push(**panel.context):
        return panel_template.render(context)


# --- Forms: the required mark and the error summary (templates/includes/field.html, form_fields) --


@register.filter
def marked_label(bound_field):
    """The field's <label> (or <legend>, for a group of choices); a required field's has the
    class "required", which the stylesheet follows with a visible * that is not part of the label's
    name (CSS alternative text: a single input has the ``required`` attribute, which screen readers
    announce). A group of choices has no such attribute: its legend says "required" in words,
    for screen readers only."""
    from django.utils.html import format_html
    from django.utils.translation import gettext

    from netw.forms import is_marked_required

    if not is_marked_required(bound_field):
        return bound_field.legend_tag() if bound_field.use_fieldset else bound_field.label_tag()
    attrs = {"class": "required"}
    if not bound_field.use_fieldset:
        return bound_field.label_tag(attrs=attrs)
    suffix = bound_field.field.label_suffix
    if suffix is None:
        suffix = bound_field.form.label_suffix
    label = str(bound_field.label)
    if suffix and label and label[-1] not in ":?.!":
        label += suffix
    return bound_field.legend_tag(
        contents=format_html('{}<span class="visually-hidden"> ({})</span>', label,
                             gettext("required")),
        attrs=attrs, label_suffix="")


@register.filter
def marks_required(form) -> bool:
    """Whether any field of the form is marked as required (then the form says what * means)."""
    from netw.forms import is_marked_required

    return any(is_marked_required(field) for field in form.visible_fields())


@register.filter
def error_target(bound_field) -> str:
    """The id of the control an error summary's link leads to: the field, or the first choice of
    a group (checkboxes, radio buttons, a date and time split in two)."""
    if bound_field.use_fieldset and bound_field.auto_id:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id or ""


@register.simple_tag
def static_file_uri(path: str) -> str:
    """A static file as a ``file://`` URI, for WeasyPrint: a PDF is rendered on the server,
    which reads the file from disk instead of fetching it from the site (``src="{% static %}"``
    would resolve against the PDF's base URL, the site itself)."""
    from django.contrib.staticfiles import finders

    found = finders.find(path)
    return Path(found).as_uri() if found else ""
