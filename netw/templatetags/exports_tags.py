from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def can_export(context, list_name: str) -> bool:
    """Whether the "Export" button of a list is shown to the person looking at it."""
    from netw.exports import registry

    request = context.get("request")
    user = getattr(request, "user", None)
    entry = registry.get(list_name)
    return bool(user is not None and user.is_authenticated and entry and entry.can_export(user))
