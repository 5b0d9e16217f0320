from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the local admin account 'admin' if no superuser exists yet, with the "
        "password in ADMIN_PASSWORD or else a random one printed once. Refuses an "
        "ADMIN_PASSWORD that the password validators reject. Never changes an existing "
        "account."
    )

    def handle(self, *args, **options) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin: log in at /admin/ with the account you already have."
            )
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(15)
        try:
            validate_password(password, User(username="admin"))
        except ValidationError as error:
            raise CommandError(
                "ADMIN_PASSWORD is too weak: " + " ".join(error.messages)
            ) from None
        User.objects.create_superuser(username="admin", email="", password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(
                "Admin: log in at /admin/ as 'admin' with ADMIN_PASSWORD."
            )
        else:
            self.stdout.write(
                f"Admin: log in at /admin/ as 'admin' with the password {password}\n"
                "       (shown only this once: keep it, or set ADMIN_PASSWORD before the first run)."
            )
