"""Uploaded files: checked by content and size, stored privately, served with safe headers.

Files a partner uploads (methodology attachments, publication files…) are kept under
``PRIVATE_MEDIA_ROOT``, outside ``MEDIA_ROOT``: nothing serves them directly. A view that has
checked the user may see the record streams the file with :func:`private_file_response`.

The type is read from the file's first bytes (``filetype``), not from its name or the browser's
claim, and must agree with the extension: an ``.exe`` renamed ``.pdf`` is refused.
"""

from __future__ import annotations

from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# extension → the MIME type its content must have (None: plain text, checked separately)
DOCUMENTS: dict[str, str | None] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "epub": "application/epub+zip",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": None,
    "csv": None,
    "md": None,
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def private_root() -> Path:
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", Path(settings.VAR_DIR) / "private"))


@deconstructible
class PrivateStorage(FileSystemStorage):
    """File storage outside the public media root; it has no public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    # Read the setting each time, so tests (and deployments) can move it.
    @property
    def base_location(self):
        return str(private_root())

    @property
    def location(self):
        return str(private_root().resolve())

    def url(self, name):
        return ""


private_storage = PrivateStorage()


def detect_type(upload) -> str | None:
    """The MIME type read from the content, or None when no binary signature matches."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def _looks_like_text(upload) -> bool:
    upload.seek(0)
    head = upload.read(65536)
    upload.seek(0)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is fine.
        return exc.start >= len(head) - 3
    return True


@deconstructible
class FileCheck:
    """Validator for a ``FileField``: allowed extensions, content agreeing with them, size."""

    def __init__(self, extensions: list[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES):
        self.extensions = list(extensions or DOCUMENTS)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        name = getattr(upload, "name", "") or ""
        extension = Path(name).suffix.lower().lstrip(".")
        if extension not in self.extensions:
            raise ValidationError(
                _("Files of type “.%(ext)s” are not accepted. Accepted: %(allowed)s."),
                code="extension",
                params={"ext": extension or "?", "allowed": ", ".join(self.extensions)},
            )
        if upload.size > self.max_bytes:
            raise ValidationError(
                _("This file is %(size)s; the limit is %(limit)s."), code="size",
                params={"size": filesizeformat(upload.size),
                        "limit": filesizeformat(self.max_bytes)},
            )
        expected = DOCUMENTS.get(extension)
        actual = detect_type(upload)
        if expected is None:
            if actual is not None or not _looks_like_text(upload):
                raise ValidationError(
                    _("This file's content is not plain text, as its name “.%(ext)s” says."),
                    code="content", params={"ext": extension},
                )
        elif actual != expected:
            raise ValidationError(
                _("This file's content does not match its name “.%(ext)s”; it was refused."),
                code="content", params={"ext": extension},
            )

    def __eq__(self, other) -> bool:
        return (isinstance(other, FileCheck) and self.extensions == other.extensions
                and self.max_bytes == other.max_bytes)


def content_type_for(name: str) -> str:
    extension = Path(name).suffix.lower().lstrip(".")
    expected = DOCUMENTS.get(extension)
    if expected:
        return expected
    return "text/plain; charset=utf-8" if extension in DOCUMENTS else "application/octet-stream"


def private_file_response(field_file, *, download_name: str, inline: bool = False
                          ) -> FileResponse:
    """Stream a private file with headers that keep the browser from running anything in it."""
    response = FileResponse(field_file.open("rb"), as_attachment=not inline,
                            filename=download_name, content_type=content_type_for(download_name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox; frame-ancestors 'none'"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
