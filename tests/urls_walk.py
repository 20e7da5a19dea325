from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns() -> dict[str, str]:
    """Every named URL pattern of the URLconf, ``namespace:name`` → route."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespace: str | None) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace
                full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                walk(p.url_patterns, prefix + str(p.pattern), full_ns)
            elif isinstance(p, URLPattern) and p.name:
                name = f"{namespace}:{p.name}" if namespace else p.name
                found.setdefault(name, prefix + str(p.pattern))

    walk(get_resolver().url_patterns, "", None)
    return found
