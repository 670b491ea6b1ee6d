"""National identifier schemes (ID-1). Each scheme normalises and validates one kind of ID;
the NATIONAL_ID_SCHEMES setting maps a scheme code to its class, so a deployment can add one.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def to_ascii_digits(value: str) -> str:
    """Persian and Arabic-Indic digits, as typed on Persian keyboards, to ASCII."""
    return str(value).translate(_PERSIAN_DIGITS)


class Scheme:
    code = ""
    label = ""

    def normalize(self, value: str) -> str:
        return re.sub(r"[\s\-]", "", to_ascii_digits(value or ""))

    def validate(self, value: str) -> str:
        raise NotImplementedError


class IranianNationalCode(Scheme):
    """The 10-digit Iranian national code (کد ملی) with its mod-11 check digit."""

    code = "ir"
    label = _("Iranian national code")

    def validate(self, value: str) -> str:
        value = self.normalize(value)
        if not re.fullmatch(r"\d{10}", value):
            raise ValidationError(_("A national code has exactly 10 digits."), code="format")
        if len(set(value)) == 1:
            raise ValidationError(_("This national code is not valid."), code="checksum")
        total = sum(int(value[i]) * (10 - i) for i in range(9)) % 11
        check = total if total < 2 else 11 - total
        if check != int(value[9]):
            raise ValidationError(_("The national code's check digit is wrong."), code="checksum")
        return value


class AzerbaijaniFIN(Scheme):
    """The Azerbaijani personal identification number (FIN): 7 letters and digits."""

    code = "az"
    label = _("Azerbaijani FIN")

    def normalize(self, value: str) -> str:
        return super().normalize(value).upper()

    def validate(self, value: str) -> str:
        value = self.normalize(value)
        # The FIN uses digits and Latin capitals except the easily confused I, O and Q.
        if not re.fullmatch(r"[0-9A-HJ-NPR-Z]{7}", value):
            raise ValidationError(_("A FIN has 7 letters and digits."), code="format")
        return value


class IranianLegalEntityID(Scheme):
    """The 11-digit national ID of an Iranian legal entity (شناسه ملی) with its check digit."""

    code = "ir_legal"
    label = _("Iranian legal entity ID")

    def validate(self, value: str) -> str:
        value = self.normalize(value)
        if not re.fullmatch(r"\d{11}", value) or len(set(value)) == 1:
            raise ValidationError(_("A legal entity ID has exactly 11 digits."), code="format")
        digits = [int(c) for c in value]
        bonus = digits[9] + 2
        weights = [29, 27, 23, 19, 17]
        total = sum((digits[i] + bonus) * weights[i % 5] for i in range(10)) % 11
        if total == 10:
            total = 0
        if total != digits[10]:
            raise ValidationError(_("The legal entity ID's check digit is wrong."), code="checksum")
        return value


def schemes() -> dict[str, Scheme]:
    return {code: import_string(path)() for code, path in settings.NATIONAL_ID_SCHEMES.items()}


def scheme_choices():
    return [(code, scheme.label) for code, scheme in schemes().items()]


def validate_national_id(value: str, scheme: str = "ir") -> str:
    """Return the normalised ID or raise ValidationError."""
    found = schemes().get(scheme)
    if found is None:
        raise ValidationError(_("Unknown identification scheme."), code="scheme")
    return found.validate(value)


def validate_legal_id(value: str) -> str:
    return IranianLegalEntityID().validate(value)
