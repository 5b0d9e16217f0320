#!/usr/bin/env python
from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        _ = (
            settings.INSTALLED_APPS
        )  # reads the environment: a value that cannot work stops here
    except ImproperlyConfigured as error:
        # One line naming the variable, not a traceback to dig it out of.
        sys.exit(f"Not starting: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
