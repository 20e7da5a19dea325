"""The vocabulary of the access matrix (tests/netw/test_access_matrix.py).

Each app's tests keep their rows in ``tests/<app>/access_rows.py``::

    ROWS = {"providers:provider_list": Row(url("providers:provider_list"), everyone(200))}

    def objects(personas, partners) -> dict:   # optional: the records its rows point at
        return {"provider": ProviderFactory(owner_partner=partners["a3s"], ...)}

Objects belong to partner A (A3S). Personas: anonymous, member_a (member of A), member_b (member
of IDC Serbia), lead (WP1 lead at AFF), coordinator (ENSIE).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

PERSONAS = ["anonymous", "member_a", "member_b", "lead", "coordinator"]
LOGIN = "login"  # a redirect to the log-in page


@dataclass
class Row:
    url: Callable[[dict], str]
    expect: dict[str, int | str]
    method: str = "get"
    data: dict | Callable[[dict], dict] = field(default_factory=dict)


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
