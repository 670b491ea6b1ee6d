"""Settings of the `db_worker` subprocess started by test_worker_killed.py: the test settings,
the database backend of django-tasks-db (not the inline one), the test database the parent
test runs on, and the recording gateway below."""

import os

from daftar.settings.test import *  # noqa: F403
from daftar.settings.test import DATABASES

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SMS_BACKEND = "tests.reliability.gateway.RecordingGateway"
DATABASES["default"]["NAME"] = os.environ["DAFTAR_TEST_DB_NAME"]
DATABASES["default"]["CONN_MAX_AGE"] = 0
