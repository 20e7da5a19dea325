"""What a certificate looks like outside the portal: the PDF with its QR code, and the Open
Badges 2.0 hosted assertion (issuer, badge class, assertion as JSON-LD, the badge image baked
with the assertion).

Open Badges 2.0: https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html —
a *hosted* assertion is verified by fetching its ``id``; a revoked one answers 410 with
``{"revoked": true}``. Baking puts the assertion in the PNG's ``iTXt`` chunk ``openbadges``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Certificate, Course

OB_CONTEXT = "https://w3id.org/openbadges/v2"
BADGE_SIZE = 400


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def verify_url(certificate: Certificate) -> str:
    return absolute(certificate.get_absolute_url())


# --- The PDF -----------------------------------------------------------------------------------


def qr_png_data_uri(text: str) -> str:
    import qrcode

    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def certificate_pdf(certificate: Certificate, *, language: str) -> bytes:
    """The certificate as a one-page A4 landscape PDF (WeasyPrint, as the reports)."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string("peersessions/courses/certificate_pdf.html", {
            "certificate": certificate, "verify_url": verify_url(certificate),
            "qr": qr_png_data_uri(verify_url(certificate)),
        })
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()


# --- Open Badges 2.0 ---------------------------------------------------------------------------


def issuer_url() -> str:
    return absolute(reverse("peersessions:badge_issuer"))


def badge_class_url(course: Course) -> str:
    return absolute(reverse("peersessions:badge_class", args=[course.slug]))


def assertion_url(certificate: Certificate) -> str:
    return absolute(reverse("peersessions:badge_assertion", args=[certificate.code]))


def issuer_json() -> dict:
    return {
        "@context": OB_CONTEXT, "type": "Issuer", "id": issuer_url(),
        "name": "Net-Works", "url": settings.SITE_URL,
        "email": settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">") or "",
        "description": "Net-Works: networks of work-based adult education providers in "
                       "Europe (work package 1's MOOC on capacity building).",
    }


def badge_class_json(course: Course) -> dict:
    return {
        "@context": OB_CONTEXT, "type": "BadgeClass", "id": badge_class_url(course),
        "name": course.title,
        "description": course.summary or course.title,
        "image": absolute(reverse("peersessions:badge_image", args=[course.slug])),
        "criteria": {"id": absolute(course.get_absolute_url()),
                     "narrative": "Every lesson of the course done and every quiz passed."},
        "issuer": issuer_url(),
        "tags": [course.get_level_display()],
    }


def _salt(certificate: Certificate) -> str:
    # Stable without a column: derived from the code with the site's secret.
    return hmac.new(settings.SECRET_KEY.encode(), certificate.code.encode(),
                    hashlib.sha256).hexdigest()[:16]


def assertion_json(certificate: Certificate) -> dict:
    enrolment = certificate.enrolment
    salt = _salt(certificate)
    email = enrolment.learner.email.strip().lower()
    return {
        "@context": OB_CONTEXT, "type": "Assertion", "id": assertion_url(certificate),
        "recipient": {"type": "email", "hashed": True, "salt": salt,
                      "identity": "sha256$" + hashlib.sha256((email + salt).encode()
                                                             ).hexdigest()},
        "badge": badge_class_url(enrolment.course),
        "verification": {"type": "HostedBadge"},
        "issuedOn": certificate.issued_at.isoformat(),
        "image": absolute(reverse("peersessions:badge_baked", args=[certificate.code])),
        "evidence": verify_url(certificate),
    }


def revoked_json(certificate: Certificate) -> dict:
    return {"@context": OB_CONTEXT, "id": assertion_url(certificate), "revoked": True,
            "revocationReason": "Revoked by the issuer."}


def badge_png(title: str, *, baked: str = "") -> bytes:
    """A plain round badge with the course's title; ``baked``: the assertion to embed."""
    from PIL import Image, ImageDraw, ImageFont
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGBA", (BADGE_SIZE, BADGE_SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, BADGE_SIZE - 8, BADGE_SIZE - 8), fill=(17, 84, 120, 255),
                 outline=(242, 183, 5, 255), width=14)
    big = ImageFont.load_default(size=40)
    small = ImageFont.load_default(size=20)
    draw.text((BADGE_SIZE / 2, 120), "Net-Works", font=big, fill="white", anchor="mm")
    lines = _wrap(title, 24)[:4]
    for index, line in enumerate(lines):
        draw.text((BADGE_SIZE / 2, 190 + index * 28), line, font=small, fill="white",
                  anchor="mm")
    info = PngInfo()
    if baked:
        info.add_itxt("openbadges", baked)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def baked_badge(certificate: Certificate) -> bytes:
    return badge_png(certificate.course_title,
                     baked=json.dumps(assertion_json(certificate), ensure_ascii=False))


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines
