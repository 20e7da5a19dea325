"""What WP2 adds to other apps' pages (found by the core: netw.discovery.gather("panels", …)).

``provider_panels(provider, user)``: on a provider's page, the methodologies it has adopted — those
the viewer may see.
"""

from __future__ import annotations

from netw.dashboard import Panel

from .models import Adoption, Methodology


def provider_panels(provider, user) -> list[Panel]:
    adoptions = (Adoption.objects.filter(provider=provider,
                                         methodology__in=Methodology.objects.visible_to(user))
                 .select_related("methodology").order_by("-since", "pk"))
    return [Panel("methodologies/includes/provider_adoptions.html",
                  {"adoptions": list(adoptions)})]
