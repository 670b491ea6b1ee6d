"""Model fields shared by the apps."""

from django_fsm import FSMField


class StateField(FSMField):
    """A model's state: django-fsm-2's `FSMField`, recorded in migrations as the plain
    `CharField` it is in the database.

    An `FSMField` connects a `class_prepared` receiver each time it is attached to a class.
    The migration framework re-creates its historical models hundreds of times while it
    applies migrations, so a state recorded as `FSMField` piled up thousands of receivers
    that every later class creation called: building a database took minutes. Historical
    models need no transitions; their state is its column.
    """

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("protected", None)
        return name, "django.db.models.CharField", args, kwargs
