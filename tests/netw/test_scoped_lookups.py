"""No view fetches a record by its id without the person's visibility (STYLE.md habit 7): every
lookup by ``pk``/``id`` in a view goes through ``QuerySet.visible_to(user)`` (usually via
``netw.access.get_visible_or_404``), so a record of another partner answers 404 the day a new
view is written, not the day a probe finds it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("providers", "peersessions", "methodologies", "sustainability", "netw")
ID_KEYWORDS = {"pk", "id", "pk__in", "id__in"}


def _routed_modules() -> set[Path]:
    """Every module of the project's apps that a URL pattern routes to (read from the URLconf,
    so a view module is swept whatever its name)."""
    import importlib
    import sys

    import django
    from django.conf import settings
    from django.urls import URLPattern, URLResolver, get_resolver

    if not settings.configured:  # collected before pytest-django sets Django up
        return set()
    django.setup()
    found: set[Path] = set()

    def walk(patterns) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                callback = pattern.callback
                module = getattr(callback, "view_class", callback).__module__
                if module.split(".")[0] in APPS:
                    importlib.import_module(module)
                    found.add(Path(sys.modules[module].__file__).resolve())

    walk(get_resolver().url_patterns)
    return found


def _view_modules() -> list[Path]:
    modules = set(_routed_modules())
    for app in APPS:
        base = ROOT / app
        if not base.is_dir():
            continue
        modules |= {p for p in base.rglob("*.py")
                    if "migrations" not in p.parts
                    and (p.name == "views.py" or p.name.startswith("views_")
                         or "views" in p.parts)}
    return sorted(modules)


def _chain_names(node: ast.AST) -> list[str]:
    """The attribute and call names of ``A.objects.x(...).y(...)``, outermost last."""
    names = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def _outer_ref(value: ast.AST) -> bool:
    """``id=OuterRef("pk")``: a correlated subquery's join to its outer row, not a lookup of an
    id the request gave."""
    return (isinstance(value, ast.Call)
            and getattr(value.func, "id", getattr(value.func, "attr", "")) == "OuterRef")


def _unscoped_lookups(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if name in ("get_object_or_404", "get_list_or_404"):
            found.append(where)
        elif name in ("get", "filter") and isinstance(func, ast.Attribute) and (
                {kw.arg for kw in node.keywords if not _outer_ref(kw.value)} & ID_KEYWORDS):
            chain = _chain_names(func.value)
            from_a_manager = any(n in ("objects", "all_objects", "_default_manager")
                                 for n in chain)
            if from_a_manager and "visible_to" not in chain:
                found.append(where)
    return found


def test_the_sweep_finds_the_views():
    modules = {str(p.relative_to(ROOT)) for p in _view_modules()}
    assert len(modules) > 10
    # Routed modules whatever their names (the MOOC's learner pages, for instance).
    assert "peersessions/courses/learning.py" in modules


@pytest.mark.parametrize("path", _view_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_view_looks_a_record_up_by_id_without_the_persons_visibility(path):
    assert _unscoped_lookups(path) == []
