from tests.factories.accounts import (  # noqa: F401
    LegalPersonFactory,
    UserFactory,
    national_code,
    legal_entity_id,
)
