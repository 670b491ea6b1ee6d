#!/usr/bin/env python
"""Django's command-line utility for Daftar."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
# `site/` holds the site shell; it cannot be a package because of the stdlib `site`.
sys.path.insert(0, str(BASE_DIR / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daftar.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
