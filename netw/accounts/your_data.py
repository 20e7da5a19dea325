""""Your data": what the portal holds about the logged-in person, as a page, a JSON file and a
printable page, and the closing of their own account.

Always the person's own data: no URL here carries an id, so nobody can ask for someone else's.
"""

from __future__ import annotations

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from netw import personal_data
from netw.accounts import services
from netw.accounts.forms import AccountCloseForm
from netw.roles import is_coordinator


@never_cache
@login_required
def your_data(request: HttpRequest) -> HttpResponse:
    """The summary of what is held, the two downloads, and the form that closes the account."""
    user = request.user
    if request.method == "POST":
        form = AccountCloseForm(request.POST, user=user)
        if form.is_valid():
            try:
                services.account_close(user=user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                logout(request)
                return render(request, "netw/account_closed.html")
    else:
        form = AccountCloseForm(user=user)
    return render(request, "netw/your_data.html", {
        "sections": personal_data.collect(user),
        "form": form,
        "is_coordinator": is_coordinator(user),
        "is_last_coordinator": services.is_last_coordinator(user),
    })


@never_cache
@login_required
def your_data_download(request: HttpRequest) -> HttpResponse:
    """Everything as one JSON file (its structure: netw/personal_data.py)."""
    document = personal_data.as_document(request.user, personal_data.collect(request.user))
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    name = f"net-works-your-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@login_required
def your_data_print(request: HttpRequest) -> HttpResponse:
    """Everything as a readable page to print or save as PDF."""
    return render(request, "netw/your_data_print.html", {
        "sections": personal_data.collect(request.user),
        "generated_at": timezone.now(),
    })
