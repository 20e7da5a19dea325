"""The vocabulary of the access matrix (tests/netw/test_access_matrix.py).

Each app's tests keep their rows in ``tests/<app>/access_rows.py``::

    ROWS = {"providers:provider_list": Row(url("providers:provider_list"), everyone(200))}

    def objects(personas, partners) -> dict:   # optional: the records its rows point at
        return {"provider": ProviderFactory(owner_partner=partners["a3s"], ...)}

Objects belong to partner A (A3S). Personas: anonymous, member_a (member of A), member_b (member
of IDC Serbia), lead (WP1 lead at AFF), coordinator (ENSIE), and learner (a MOOC learner: signed
up, address confirmed, no partner).

The learner sees what a visitor sees (DESIGN.md): a row without a "learner" value expects the
visitor's answer, except where the visitor is sent to log in — the learner is logged in already
and is refused (403), as ``netw.access.require`` refuses a logged-in person without the right.
Rows where the learner gets something else (their own pages, the account pages, the MOOC) say so
with an explicit "learner" value.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

PERSONAS = ["anonymous", "member_a", "member_b", "lead", "coordinator"]
# The matrix's sixth persona; kept out of PERSONAS, whose rows other sweeps build with five keys.
LEARNER = "learner"
ALL_PERSONAS = [*PERSONAS, LEARNER]
LOGIN = "login"  # a redirect to the log-in page


@dataclass
class Row:
    url: Callable[[dict], str]
    expect: dict[str, int | str]
    method: str = "get"
    data: dict | Callable[[dict], dict] = field(default_factory=dict)


def expected_status(row: Row, persona: str, path: str) -> int | str:
    """The row's answer for ``persona``; for the learner without a value of their own, the
    visitor's — except that where the visitor is sent to log in, the learner (logged in, without
    a partner) is refused as the project refuses people: a 404 for a record they may not know of
    (a path with an id or slug), a 403 for a page they may not use."""
    if persona in row.expect:
        return row.expect[persona]
    if persona == LEARNER:
        anonymous = row.expect["anonymous"]
        if anonymous != LOGIN:
            return anonymous
        from django.urls import resolve

        match = resolve(path.split("?", 1)[0])
        return 404 if (match.args or match.kwargs) else 403
    raise KeyError(persona)


def learner_too(expect: dict[str, int | str], status: int | str) -> dict[str, int | str]:
    """``expect`` with the learner's own answer."""
    return {**expect, LEARNER: status}


def everyone(status: int | str) -> dict[str, int | str]:
    return dict.fromkeys(PERSONAS, status)


def logged_in(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {**everyone(status), "anonymous": anonymous}


def coordinator_only(status: int | str = 200) -> dict[str, int | str]:
    return {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 403,
            "coordinator": status}


def url(name: str, *args: Callable[[dict], object]) -> Callable[[dict], str]:
    """A URL whose arguments are computed from the objects of the test."""
    return lambda objects: reverse(name, args=[a(objects) for a in args])
