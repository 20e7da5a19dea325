"""Django's model permissions (the admin's), read with the person's memberships.

Every ``has_perm`` that the portal's rules refuse falls through to the backends built on
Django's ``ModelBackend`` (its own and allauth's), which would ask the database for the person's
permissions and their groups' (two queries per request). These backends answer the same from
:func:`netw.roles.model_permissions`, kept in the shared cache with the memberships and
forgotten when a user, a group or a permission link changes.
"""

from __future__ import annotations

from allauth.account import auth_backends
from django.contrib.auth import backends

from netw import roles


class CachedPermissionsMixin:
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return roles.model_permissions(user_obj)


class ModelBackend(CachedPermissionsMixin, backends.ModelBackend):
    pass


class AuthenticationBackend(CachedPermissionsMixin, auth_backends.AuthenticationBackend):
    """allauth's log-in by e-mail."""
