from tests.factories.accounts import (  # noqa: F401
    LegalPersonFactory,
    UserFactory,
    legal_entity_id,
    national_code,
)
