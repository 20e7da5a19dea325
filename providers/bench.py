"""What ``manage.py bench`` measures of the registry's pages (see netw/benchmark.py).

The registry's generator (providers, networks, stakeholders per data unit) goes here too:
``def generate(ctx, *, start, stop)``.
"""

from __future__ import annotations

from django.urls import reverse

from netw.benchmark import BenchPage

BENCH_PAGES = [
    BenchPage("partner list", "providers:partner_list", personas=("anonymous", "member"),
              load=True),
    BenchPage("partner detail", lambda ctx: reverse("providers:partner_detail", args=["a3s"])),
]
