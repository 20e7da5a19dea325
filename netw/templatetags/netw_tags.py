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
