"""The demo's people. For the demo only: these passwords and the TOTP secret are public."""

from __future__ import annotations

import time

DEMO_PASSWORD = "networks-demo-2026"
# Base32 secret of the demo coordinator's and admin's authenticator (add it to any TOTP app, or
# run `make demo-code`).
DEMO_TOTP_SECRET = "NETWORKSDEMOTOTPSECRETXYZ234567A"

# e-mail, first name, last name, partner slug, role, second factor, staff
DEMO_USERS = [
    ("coordinator@demo.net-works.eu", "Patrizia", "Demo", "ensie", "coordinator", True, False),
    ("lead.wp1@demo.net-works.eu", "Anna", "Lead-WP1", "aff", "wp_lead", False, False),
    ("lead.wp2@demo.net-works.eu", "Giulia", "Lead-WP2", "galileo-progetti", "wp_lead", False,
     False),
    ("lead.wp3@demo.net-works.eu", "Ciarán", "Lead-WP3", "isen", "wp_lead", False, False),
    ("member.mk@demo.net-works.eu", "Elena", "Member-MK", "cdi-macedonia", "member", False,
     False),
    ("member.rs@demo.net-works.eu", "Marko", "Member-RS", "idc-serbia", "member", False, False),
    ("member.pt@demo.net-works.eu", "Inês", "Member-PT", "a3s", "member", False, False),
    ("member.sk@demo.net-works.eu", "Zuzana", "Member-SK", "asse", "member", False, False),
    ("member.hu@demo.net-works.eu", "Réka", "Member-HU", "galileo-progetti", "member", False,
     False),
    ("admin@demo.net-works.eu", "Admin", "Demo", None, None, True, True),
]


def current_totp_code(secret: str = DEMO_TOTP_SECRET, offset: int = 0) -> str:
    """The code an authenticator app would show now (``offset`` periods later)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))
