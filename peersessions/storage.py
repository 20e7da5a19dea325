"""Private file storage: outside MEDIA_ROOT, never served by the web server or by DEBUG's static
view. Files leave it only through views that check who is asking."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Its root is read from the settings at each use, so tests can point it elsewhere."""

    def __init__(self, **kwargs):
        super().__init__(base_url=None, **kwargs)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or Path(settings.VAR_DIR) / "private"
        return str(root)

    @property
    def location(self) -> str:  # type: ignore[override]
        return str(Path(self.base_location).resolve())

    def url(self, name):  # pragma: no cover - never exposed
        raise NotImplementedError("Private files are served by a view that checks access.")
