"""Form helpers shared by the apps."""

from django.db import models


def https_urls(model_field, **kwargs):
    """``formfield_callback`` for model forms: addresses typed without a scheme are https.

    That is Django 6's default; choosing it now also silences the transitional warning.
    """
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)
