"""The public API's rows of the access matrix (tests/netw/test_access_matrix.py).

The API is the same for everyone: every persona gets what a visitor gets — 200 for a public
record, 404 for one a visitor may not see even when the persona may see it on the pages (the
owner's unverified provider, its draft methodology, a partners-only roundtable).
"""

from tests.access import Row, everyone, url

# endpoint prefix → route basename (netw.api.Route.basename)
BASENAMES = {
    "partners": "partner", "networks": "network", "providers": "provider",
    "methodologies": "methodology", "publications": "publication",
    "good-practices": "good_practice", "recommendations": "recommendation", "courses": "course",
    "events/sessions": "session_event", "events/roundtables": "roundtable_event",
    "events/expertmeetings": "expertmeeting_event",
}


def objects(personas, partners) -> dict:
    from tests.api.records import one_private_record_each

    private = one_private_record_each(partners, personas["member_a"])
    return {"api.public.partners": partners["a3s"],
            **{f"api.private.{prefix}": record for prefix, record in private.items()}}


def _pk(kind, prefix):
    return lambda objects: objects[f"api.{kind}.{prefix}"].pk


ROWS = {
    "api:api-root": Row(url("api:api-root"), everyone(200)),
    "api:schema": Row(url("api:schema"), everyone(200)),
    "api:docs": Row(url("api:docs"), everyone(200)),
}
for _prefix, _name in BASENAMES.items():
    ROWS[f"api:{_name}-list"] = Row(url(f"api:{_name}-list"), everyone(200))
    # Partners have no private kind: their row is the public one.
    _kind = "private" if _prefix != "partners" else "public"
    ROWS[f"api:{_name}-detail"] = Row(url(f"api:{_name}-detail", _pk(_kind, _prefix)),
                                      everyone(404 if _kind == "private" else 200))
